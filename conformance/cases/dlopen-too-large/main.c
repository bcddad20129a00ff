#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    void *h = dlopen("libhuge.so", RTLD_NOW);
    const char *e = dlerror();
    printf("null=%d error names it=%d\n", h == NULL, e != NULL && strstr(e, "libhuge.so") != NULL);
    void *again = dlopen("libhuge.so", RTLD_NOW);
    printf("still refused: %d\n", again == NULL);
    return 0;
}
