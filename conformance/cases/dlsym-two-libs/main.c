#include <dlfcn.h>
#include <stdio.h>
typedef const char *(*who_fn)(void);
int main(void) {
    void *one = dlopen("libone.so", RTLD_NOW | RTLD_GLOBAL);
    void *two = dlopen("libtwo.so", RTLD_NOW | RTLD_GLOBAL);
    printf("through one: %s %d\n", ((who_fn)dlsym(one, "who"))(), *(int *)dlsym(one, "shared_value"));
    printf("through two: %s %d\n", ((who_fn)dlsym(two, "who"))(), *(int *)dlsym(two, "shared_value"));
    printf("global scope: %s %d\n", ((who_fn)dlsym(RTLD_DEFAULT, "who"))(), *(int *)dlsym(RTLD_DEFAULT, "shared_value"));
    return 0;
}
