/* WASIX's dynamic-linking, closure and dynamic-call calls (import module wasix_32v1), declared by
 * hand: there is no wasix-libc here. wasmlink serves them itself, on every engine (docs/abi.md,
 * "WASIX"). Every call returns an errno (0 on success) and gives its results through pointers.
 *
 * Built natively (the reference build of the conformance suite), the dynamic-linking calls are
 * emulated over glibc's <dlfcn.h>, with WASIX's conventions; the closure and dynamic-call ones
 * exist only in wasm. */
#ifndef WASIX_H
#define WASIX_H

#include <stdint.h>
#include <stddef.h>

/* DlFlags. No GLOBAL bit means local, as RTLD_LOCAL. */
#define WASIX_DL_LAZY 1
#define WASIX_DL_NOW 2
#define WASIX_DL_GLOBAL 4
#define WASIX_DL_NOLOAD 8
#define WASIX_DL_NODELETE 16

/* Errno values these calls return. */
#define WASIX_EINVAL 28
#define WASIX_ENOEXEC 45
#define WASIX_ENOTSUP 58
#define WASIX_EOVERFLOW 61
#define WASIX_EUNKNOWN 79 /* the text is in the error buffer */

/* Value types of closure_prepare and reflect_signature. */
#define WASIX_I32 0
#define WASIX_I64 1
#define WASIX_F32 2
#define WASIX_F64 3

/* A module handle, and what dlsym gives: a table slot (a function pointer) or an address. */
typedef uintptr_t wasix_handle_t;

/* What reflect_signature writes. */
struct wasix_reflection {
    uint8_t cacheable;
    uint16_t arguments;
    uint16_t results;
};

#ifdef __wasm__
#define WASIX_IMPORT(name) __attribute__((import_module("wasix_32v1"), import_name(name)))

WASIX_IMPORT("dlopen")
int32_t wasix_dlopen(const char *path, size_t path_len, uint32_t flags, char *err_buf,
                     size_t err_buf_len, const char *ld_library_path, size_t ld_library_path_len,
                     wasix_handle_t *out_handle);
WASIX_IMPORT("dlsym")
int32_t wasix_dlsym(wasix_handle_t handle, const char *symbol, size_t symbol_len, char *err_buf,
                    size_t err_buf_len, uintptr_t *out_symbol);
WASIX_IMPORT("dl_invalid_handle")
int32_t wasix_dl_invalid_handle(wasix_handle_t handle);
WASIX_IMPORT("closure_allocate")
int32_t wasix_closure_allocate(uint32_t *out_slot);
WASIX_IMPORT("closure_prepare")
int32_t wasix_closure_prepare(uint32_t backing, uint32_t slot, const uint8_t *argument_types,
                              size_t arguments, const uint8_t *result_types, size_t results,
                              void *env);
WASIX_IMPORT("closure_free")
int32_t wasix_closure_free(uint32_t slot);
WASIX_IMPORT("call_dynamic")
int32_t wasix_call_dynamic(uint32_t slot, const void *values, size_t values_len, void *results,
                           size_t results_len, uint32_t strict);
WASIX_IMPORT("reflect_signature")
int32_t wasix_reflect_signature(uint32_t slot, uint8_t *argument_types, uint16_t arguments,
                                uint8_t *result_types, uint16_t results,
                                struct wasix_reflection *out);

/* A function pointer is its table slot. */
#define WASIX_SLOT(f) ((uint32_t)(uintptr_t)(f))

#else /* the native reference: the dynamic-linking calls over glibc */

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static void *wasix_native_opened[256];
static int wasix_native_count;

static int32_t wasix_native_error(char *buf, size_t len, const char *msg) {
    if (len > 0) {
        size_t n = strlen(msg);
        if (n > len - 1)
            n = len - 1;
        memcpy(buf, msg, n);
        buf[n] = 0;
    }
    return WASIX_EUNKNOWN;
}

static int wasix_native_flags(uint32_t f) {
    return (f & WASIX_DL_NOW ? RTLD_NOW : RTLD_LAZY) | (f & WASIX_DL_GLOBAL ? RTLD_GLOBAL : 0) |
           (f & WASIX_DL_NOLOAD ? RTLD_NOLOAD : 0) | (f & WASIX_DL_NODELETE ? RTLD_NODELETE : 0);
}

static int32_t wasix_dlopen(const char *path, size_t path_len, uint32_t flags, char *err_buf,
                            size_t err_buf_len, const char *ldp, size_t ldp_len,
                            wasix_handle_t *out_handle) {
    if (!path) {
        *out_handle = 1;
        return 0;
    }
    char name[512], dirs[1024], cand[1600];
    snprintf(name, sizeof name, "%.*s", (int)path_len, path);
    snprintf(dirs, sizeof dirs, "%.*s", (int)ldp_len, ldp ? ldp : "");
    void *h = NULL;
    if (!strchr(name, '/')) {
        for (char *d = strtok(dirs, ":"); d && !h; d = strtok(NULL, ":")) {
            snprintf(cand, sizeof cand, "%s/%s", d, name);
            h = dlopen(cand, wasix_native_flags(flags));
        }
    }
    if (!h)
        h = dlopen(name, wasix_native_flags(flags));
    if (!h) {
        const char *e = dlerror();
        snprintf(cand, sizeof cand, "%s: %s", name, e ? e : "not loaded");
        return wasix_native_error(err_buf, err_buf_len, cand);
    }
    if (wasix_native_count < 256)
        wasix_native_opened[wasix_native_count++] = h;
    *out_handle = (wasix_handle_t)h;
    return 0;
}

static int32_t wasix_dlsym(wasix_handle_t handle, const char *symbol, size_t symbol_len,
                           char *err_buf, size_t err_buf_len, uintptr_t *out_symbol) {
    char name[512];
    snprintf(name, sizeof name, "%.*s", (int)symbol_len, symbol);
    void *h = handle == 0 ? RTLD_DEFAULT : handle == 1 ? dlopen(NULL, RTLD_NOW) : (void *)handle;
    dlerror();
    void *p = dlsym(h, name);
    if (!p) {
        char msg[600];
        const char *e = dlerror();
        snprintf(msg, sizeof msg, "%s", e ? e : name);
        return wasix_native_error(err_buf, err_buf_len, msg);
    }
    *out_symbol = (uintptr_t)p;
    return 0;
}

static int32_t wasix_dl_invalid_handle(wasix_handle_t handle) {
    if (handle == 1)
        return 0;
    for (int i = 0; i < wasix_native_count; i++)
        if ((wasix_handle_t)wasix_native_opened[i] == handle)
            return 0;
    return WASIX_ENOEXEC;
}

#endif
#endif
