#include <dlfcn.h>
#include <stdio.h>

int needy(void);

int main(void) {
    printf("needy: %d\n", needy());
    void *h = dlopen("libneedier.so", RTLD_NOW);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    int (*needier)(void) = (int (*)(void))dlsym(h, "needier");
    printf("needier: %d\n", needier ? needier() : -1);
    return 0;
}
