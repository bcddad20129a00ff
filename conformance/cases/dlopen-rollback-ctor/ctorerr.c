#include <dlfcn.h>
int ctor_saw_error;
/* Runs during the load of libouter: a failed dlopen and dlerror, so this thread's dlerror
   buffer is allocated while that load is in progress. */
__attribute__((constructor)) static void probe(void) {
    void *h = dlopen("libabsent.so", RTLD_NOW);
    ctor_saw_error = h == 0 && dlerror() != 0;
}
int ctorerr_value(void) { return ctor_saw_error; }
