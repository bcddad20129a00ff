#include <dlfcn.h>
#include <stdio.h>
int main(void) {
    void *h = dlopen("libkeep.so", RTLD_NOW | RTLD_NODELETE);
    int *count = (int *)dlsym(h, "keep_count");
    int *tls = (int *)dlsym(h, "tls_value");
    int (*get_tls)(void) = (int (*)(void))dlsym(h, "get_tls");
    printf("thread-local through dlsym: %d, write seen by the library: ", *tls);
    *tls = 6;
    printf("%d\n", get_tls());
    printf("dlclose: %d\n", dlclose(h));
    void *again = dlopen("libkeep.so", RTLD_NOW | RTLD_NOLOAD);
    printf("RTLD_NODELETE keeps it loaded: %d, same handle %d, constructor ran %d time(s)\n",
           again != NULL, again == h, *count);
    return 0;
}
