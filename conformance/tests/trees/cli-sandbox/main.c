#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        void *h = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            printf("%s\n", dlerror());
            continue;
        }
        int (*value)(void) = (int (*)(void))dlsym(h, "value");
        printf("%s: opened, value %d\n", argv[i], value ? value() : -1);
    }
    return 0;
}
