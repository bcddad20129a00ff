/* dlopen & co. over the wasmlink host imports (docs/abi.md). Unmodified C code that includes
 * <dlfcn.h> links against these; the main module exports them, so libraries use them too. */
#include <dlfcn.h>
#include <stdint.h>

#define WASMLINK(name) __attribute__((import_module("wasmlink"), import_name(#name)))
WASMLINK(dlopen) int __wasmlink_dlopen(const char *file, int mode);
WASMLINK(dlsym) int __wasmlink_dlsym(int handle, const char *name);
WASMLINK(dlclose) int __wasmlink_dlclose(int handle);
WASMLINK(dlerror) int __wasmlink_dlerror(char *buf, int len);

void *dlopen(const char *file, int mode) { return (void *)(uintptr_t)__wasmlink_dlopen(file, mode); }

void *dlsym(void *restrict handle, const char *restrict name) {
    return (void *)(uintptr_t)__wasmlink_dlsym((int)(uintptr_t)handle, name);
}

int dlclose(void *handle) { return __wasmlink_dlclose((int)(uintptr_t)handle); }

/* One buffer per thread, as POSIX allows; the text is cleared by the host when read. */
static _Thread_local char dlerror_buf[1024];

char *dlerror(void) { return __wasmlink_dlerror(dlerror_buf, sizeof dlerror_buf) ? dlerror_buf : 0; }
