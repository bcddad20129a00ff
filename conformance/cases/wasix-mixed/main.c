/* <dlfcn.h> and WASIX's dlopen/dlsym in one program: a handle from either works in the other,
 * a library opened through both is one library with one handle and two references, and
 * RTLD_DEFAULT is one global scope. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include "wasix.h"

static char err[256];

int main(void) {
    void *a = dlopen("liba.so", RTLD_NOW | RTLD_GLOBAL);
    uintptr_t v = 0;
    int rc = wasix_dlsym((wasix_handle_t)a, "a_value", 7, err, sizeof err, &v);
    printf("WASIX dlsym with a <dlfcn.h> handle: rc=%d a_value=%d\n", rc, *(int *)v);

    wasix_handle_t b = 0;
    rc = wasix_dlopen("libb.so", 7, WASIX_DL_NOW, err, sizeof err, NULL, 0, &b);
    int (*b_fn)(void) = (int (*)(void))dlsym((void *)b, "b_fn");
    printf("<dlfcn.h> dlsym with a WASIX handle: rc=%d b_fn()=%d\n", rc, b_fn ? b_fn() : -1);

    wasix_handle_t a2 = 0;
    rc = wasix_dlopen("liba.so", 7, WASIX_DL_NOW, err, sizeof err, NULL, 0, &a2);
    printf("liba.so through both: one handle=%d\n", a2 == (wasix_handle_t)a);
    printf("dlclose of the <dlfcn.h> reference: %d\n", dlclose(a));
    void *still = dlopen("liba.so", RTLD_NOW | RTLD_NOLOAD);
    printf("the WASIX reference keeps it loaded: %d\n", still == a);
    if (still)
        dlclose(still);

    uintptr_t f = 0;
    rc = wasix_dlsym(0, "a_fn", 4, err, sizeof err, &f);
    printf("RTLD_DEFAULT sees the global library: rc=%d, the same function=%d\n", rc,
           (void *)f == dlsym(RTLD_DEFAULT, "a_fn"));
    rc = wasix_dlsym(0, "b_fn", 4, err, sizeof err, &f);
    printf("and not the local one: found=%d, by <dlfcn.h>: %d\n", rc == 0,
           dlsym(RTLD_DEFAULT, "b_fn") != NULL);
    return 0;
}
