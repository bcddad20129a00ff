#include <dlfcn.h>
#include <stdio.h>
int main(void) {
    void *h = dlopen("libtop.so", RTLD_NOW);
    if (!h) { printf("%s\n", dlerror()); return 1; }
    int (*sum)(int) = (int (*)(int))dlsym(h, "top_sum");
    printf("top_sum(100)=%d, dep reachable through top's handle: %d\n", sum(100), dlsym(h, "dep_add") != NULL);
    return 0;
}
