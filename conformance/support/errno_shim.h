/* Forced include (-include) for side modules that use errno: wasi-libc's errno is a TLS variable
 * of the main module, which a side module cannot reach directly; the main module exports
 * __errno_location() (errno_location.c). Natively glibc already defines errno this way, and
 * including <errno.h> this early would fix feature macros before the source sets them, so the
 * shim is empty there. */
#if defined(__wasm__)
#include <errno.h>
#undef errno
extern int *__errno_location(void);
#define errno (*__errno_location())
#endif
