/* wasi-libc (2022) has a TLS errno and no __errno_location(); side modules cannot reach another
 * module's TLS directly, so the main module exports this and side modules use it (see
 * docs/toolchain.md, "errno in side modules"). */
#include <errno.h>
int *__errno_location(void) { return &errno; }
