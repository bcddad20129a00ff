#include <dlfcn.h>
#include <stdio.h>
int main(void) {
    void *h = dlopen("liba.so", RTLD_NOW | RTLD_LOCAL);
    printf("local: via handle %d, via RTLD_DEFAULT %d\n", dlsym(h, "a_secret") != NULL,
           dlsym(RTLD_DEFAULT, "a_secret") != NULL);
    dlerror();
    void *g = dlopen("liba.so", RTLD_NOW | RTLD_GLOBAL);
    printf("promoted to global: same handle %d, via RTLD_DEFAULT %d\n", g == h,
           dlsym(RTLD_DEFAULT, "a_secret") != NULL);
    void *self = dlopen(NULL, RTLD_NOW);
    printf("dlopen(NULL) sees it: %d, and main's printf: %d\n", dlsym(self, "a_secret") != NULL,
           dlsym(self, "printf") != NULL);
    return 0;
}
