/* WASIX's dlopen, dlsym and dl_invalid_handle (wasix_32v1), as wasix-libc calls them: a library
 * found through the call's ld_library_path, its dependencies with data, functions and TLS,
 * RTLD_LOCAL then GLOBAL, handle 0 and the main module's handle, and the error buffer. */
#include <stdio.h>
#include <string.h>
#include "wasix.h"

static char err[256];

static uintptr_t sym(wasix_handle_t h, const char *name, int32_t *rc) {
    uintptr_t out = 0;
    *rc = wasix_dlsym(h, name, strlen(name), err, sizeof err, &out);
    return out;
}

int main(int argc, char **argv) {
    /* The plugins directory beside the program, as the program sees it. */
    char dir[512], ldp[600], full[600];
    snprintf(dir, sizeof dir, "%s", argv[0]);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    snprintf(ldp, sizeof ldp, "%s/nowhere:%s/plugins", dir, dir);
    snprintf(full, sizeof full, "%s/plugins/libplug.so", dir);

    wasix_handle_t self = 0, plug = 0, again = 0, none = 0;
    int32_t rc = wasix_dlopen(NULL, 0, WASIX_DL_NOW, err, sizeof err, NULL, 0, &self);
    printf("dlopen(NULL): rc=%d handle=%u valid=%d\n", rc, (unsigned)self,
           wasix_dl_invalid_handle(self) == 0);

    rc = wasix_dlopen("libnone.so", 10, WASIX_DL_NOW, err, sizeof err, NULL, 0, &none);
    printf("missing library: errno=%d, the buffer names it=%d\n", rc, strstr(err, "libnone.so") != NULL);

    rc = wasix_dlopen("libplug.so", 10, WASIX_DL_NOW, err, sizeof err, ldp, strlen(ldp), &plug);
    printf("libplug.so through ld_library_path: rc=%d valid=%d\n", rc,
           wasix_dl_invalid_handle(plug) == 0);

    int (*plug_fn)(int) = (int (*)(int))sym(plug, "plug_fn", &rc);
    printf("plug_fn(3) = %d (rc=%d)\n", plug_fn(3), rc);
    sym(0, "plug_fn", &rc);
    printf("RTLD_LOCAL: the default scope finds plug_fn=%d\n", rc == 0);
    sym(0, "mid_value", &rc);
    printf("RTLD_LOCAL: the default scope finds its dependency's mid_value=%d\n", rc == 0);

    /* Data and TLS of a dependency, through the library's handle (its local scope). */
    int *value = (int *)sym(plug, "base_value", &rc);
    int **ptr = (int **)sym(plug, "mid_ptr", &rc);
    printf("base_value=%d, mid_ptr points at it=%d\n", *value, *ptr == value);
    int *tls = (int *)sym(plug, "base_tls", &rc);
    int (*tls_get)(void) = (int (*)(void))sym(plug, "base_tls_get", &rc);
    *tls = 9;
    printf("thread-local through dlsym: %d\n", tls_get());

    rc = wasix_dlsym(plug, "no_such_symbol", 14, err, sizeof err, &(uintptr_t){0});
    printf("missing symbol: errno=%d, the buffer names it=%d\n", rc, strstr(err, "no_such_symbol") != NULL);
    char small[8];
    memset(small, 'x', sizeof small);
    rc = wasix_dlsym(plug, "no_such_symbol", 14, small, sizeof small, &(uintptr_t){0});
    printf("cut to fit: errno=%d, NUL at the end=%d\n", rc, memchr(small, 0, sizeof small) == small + 7);
    memset(small, 'x', sizeof small);
    rc = wasix_dlsym(plug, "no_such_symbol", 14, small, 0, &(uintptr_t){0});
    printf("no buffer: errno=%d, untouched=%d\n", rc, small[0] == 'x');

    rc = wasix_dlopen(full, strlen(full), WASIX_DL_NOW | WASIX_DL_GLOBAL, err, sizeof err, NULL, 0,
                      &again);
    printf("by path, RTLD_GLOBAL: rc=%d, the same handle=%d\n", rc, again == plug);
    int (*global_fn)(int) = (int (*)(int))sym(0, "plug_fn", &rc);
    printf("now global: found=%d, the same function=%d\n", rc == 0, global_fn == plug_fn);
    int *calls = (int *)sym(self, "plug_calls", &rc);
    printf("through the main module's handle: found=%d, calls=%d\n", rc == 0, rc == 0 ? *calls : -1);

    rc = wasix_dlopen("libother.so", 11, WASIX_DL_NOW | WASIX_DL_NOLOAD, err, sizeof err, NULL, 0,
                      &none);
    printf("RTLD_NOLOAD of a library not loaded: fails=%d\n", rc != 0);
    printf("dl_invalid_handle(0)=%d, (12345)=%d\n", wasix_dl_invalid_handle(0) != 0,
           wasix_dl_invalid_handle(12345) != 0);
    return 0;
}
