#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

int compute(int x);
int next_level(void);
int next_of_own_only(void);
extern int level;

int main(void) {
    /* The global scope: main, libtrace, libwrap, libbase. */
    printf("compute(5) through the chain: %d\n", compute(5));
    printf("level seen by main: %d, next after wrap: %d\n", level, next_level());
    printf("RTLD_NEXT of a symbol nothing after defines: null with dlerror %d\n", next_of_own_only());
    int (*after_main)(int) = (int (*)(int))dlsym(RTLD_NEXT, "compute");
    printf("RTLD_NEXT from main finds the first wrapper: %d\n", after_main ? after_main(5) : -1);
    printf("and is RTLD_DEFAULT's: %d\n", after_main == (int (*)(int))dlsym(RTLD_DEFAULT, "compute"));
    void *h = dlopen("libplug.so", RTLD_NOW | RTLD_GLOBAL);
    printf("dlopen libplug.so: %d\n", h != 0);
    if (h) {
        int (*plug)(int) = (int (*)(int))dlsym(h, "compute");
        int (*null_next)(void) = (int (*)(void))dlsym(h, "plug_next_is_null");
        printf("plugin's compute(5): %d, its next is null: %d\n", plug ? plug(5) : -2, null_next ? null_next() : -2);
        printf("RTLD_DEFAULT still finds the first wrapper: %d\n", ((int (*)(int))dlsym(RTLD_DEFAULT, "compute"))(5));
    }
    printf("RTLD_NEXT of a name no one defines: %d\n", dlsym(RTLD_NEXT, "nobody_defines_this") == 0 && dlerror() != 0);
    return 0;
}
