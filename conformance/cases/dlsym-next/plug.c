/* Opened RTLD_GLOBAL at run time: it joins the end of the global scope, so nothing comes after
 * it, and its RTLD_NEXT lookup of compute finds nothing. Its own dependency's definitions are
 * before it. */
#define _GNU_SOURCE
#include <dlfcn.h>

int compute(int x) {
    int (*next)(int) = (int (*)(int))dlsym(RTLD_NEXT, "compute");
    return next ? next(x) : -1;
}

int plug_next_is_null(void) { return dlsym(RTLD_NEXT, "compute") == 0; }
