/* dlopen + dlsym + dlclose of a small library, for every engine and build shape (the
 * dlopen-threads tree needs threads). */
#include <dlfcn.h>

int open_close(int n) {
    int ok = 0;
    for (int i = 0; i < n; i++) {
        void *h = dlopen("libsmall.so", RTLD_NOW);
        if (h && dlsym(h, "small_value")) ok++;
        if (h) dlclose(h);
    }
    return ok;
}

int main(void) { return open_close(1) == 1 ? 0 : 1; }
