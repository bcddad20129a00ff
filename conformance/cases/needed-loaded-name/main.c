#include <dlfcn.h>
#include <stdio.h>

int b_value(void);

int main(void) {
    printf("b_value through a library found by its name: %d\n", b_value());
    void *p = dlopen("libplug.so", RTLD_NOW);
    printf("dlopen libplug.so: %d\n", p != 0);
    if (p) {
        int (*f)(void) = (int (*)(void))dlsym(p, "plug_value");
        printf("plug_value: %d\n", f ? f() : -1);
    }
    void *a = dlopen("liba.so", RTLD_NOW | RTLD_NOLOAD);
    printf("liba.so by its bare name is loaded: %d\n", a != 0);
    if (a) {
        int (*f)(void) = (int (*)(void))dlsym(a, "a_value");
        printf("a_value through that handle: %d\n", f ? f() : -1);
    }
    return 0;
}
