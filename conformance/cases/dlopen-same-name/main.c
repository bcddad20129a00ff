#include <dlfcn.h>
#include <stdio.h>
typedef const char *(*fn)(void);
int main(void) {
    void *r = dlopen("./opt/red/libcolour.so", RTLD_NOW);
    void *b = dlopen("./opt/blue/libcolour.so", RTLD_NOW);
    printf("distinct handles: %d\n", r && b && r != b);
    printf("%s %s\n", ((fn)dlsym(r, "colour"))(), ((fn)dlsym(b, "colour"))());
    return 0;
}
