#include <dlfcn.h>
#include <stdio.h>
int main(void) {
    for (int round = 0; round < 3; round++) {
        void *h = dlopen("libplugin.so", RTLD_NOW);
        int (*bump)(void) = (int (*)(void))dlsym(h, "bump");
        bump();
        printf("round %d: %d\n", round, bump());
        dlclose(h);
    }
    return 0;
}
