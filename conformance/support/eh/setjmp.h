/* <setjmp.h> for modules compiled with -mexception-handling -mllvm -wasm-enable-sjlj (the 2022
 * wasi-libc has none). clang lowers calls to setjmp/longjmp itself; jmp_buf only needs room for
 * what __wasm_setjmp records (sjlj.c). */
#ifndef _SETJMP_H
#define _SETJMP_H
typedef struct { void *func_invocation_id; unsigned label; void *spare[2]; } jmp_buf[1];
int setjmp(jmp_buf env);
_Noreturn void longjmp(jmp_buf env, int val);
#define _setjmp setjmp
#define _longjmp longjmp
#endif
