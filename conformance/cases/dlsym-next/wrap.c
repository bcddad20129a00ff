/* Wraps compute() and shadows level, reaching the definitions after it through RTLD_NEXT, as
 * an interposing library (a malloc wrapper, a tracer) does. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

int level = 2;

int compute(int x) {
    int (*next)(int) = (int (*)(int))dlsym(RTLD_NEXT, "compute");
    return next ? next(x) + 1 : -1000;
}

int next_level(void) {
    int *p = (int *)dlsym(RTLD_NEXT, "level");
    return p ? *p : -1;
}

/* Defined here only: nothing after this library has it. */
int only_in_wrap(void) { return 7; }

int next_of_own_only(void) {
    void *p = dlsym(RTLD_NEXT, "only_in_wrap");
    return p == NULL && dlerror() != NULL;
}
