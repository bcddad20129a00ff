/* WASIX's dynamic linking and a closure, under `wasmlink run` on each engine's own WASI. */
#include <stdio.h>
#include <string.h>
#include "wasix.h"

static void add_env(uint8_t *args, uint8_t *results, void *env) {
    int32_t x;
    memcpy(&x, args, 4);
    x += *(int *)env;
    memcpy(results, &x, 4);
}

int main(void) {
    char err[128];
    wasix_handle_t h = 0;
    const char *ldp = "/plugins";
    int rc = wasix_dlopen("libplug.so", 10, WASIX_DL_NOW, err, sizeof err, ldp, strlen(ldp), &h);
    uintptr_t f = 0;
    int rc2 = wasix_dlsym(h, "plug_twice", 10, err, sizeof err, &f);
    printf("dlopen %d, dlsym %d, plug_twice(21) = %d\n", rc, rc2,
           rc || rc2 ? -1 : ((int (*)(int))f)(21));
    static const uint8_t i32[] = {WASIX_I32};
    static int five = 5;
    uint32_t slot = 0;
    wasix_closure_allocate(&slot);
    rc = wasix_closure_prepare(WASIX_SLOT(add_env), slot, i32, 1, i32, 1, &five);
    printf("closure %d: %d\n", rc, ((int32_t (*)(int32_t))(uintptr_t)slot)(37));
    return 0;
}
