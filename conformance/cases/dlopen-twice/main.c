#include <dlfcn.h>
#include <stdio.h>
int main(void) {
    void *a = dlopen("libplugin.so", RTLD_LAZY);
    void *b = dlopen("./lib/libplugin.so", RTLD_NOW);
    printf("same handle: %d\n", a != NULL && a == b);
    printf("dlclose once: %d\n", dlclose(a));
    int (*f)(void) = (int (*)(void))dlsym(b, "plugin_opened");
    printf("still loaded: %d, opened=%d\n", f != NULL, f ? f() : -1);
    printf("dlclose twice: %d\n", dlclose(b));
    void *c = dlopen("libplugin.so", RTLD_NOW | RTLD_NOLOAD);
    printf("after the last dlclose, RTLD_NOLOAD finds it: %d\n", c != NULL);
    return 0;
}
