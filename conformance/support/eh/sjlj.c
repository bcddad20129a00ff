/* The runtime of clang's wasm setjmp/longjmp lowering (-mllvm -wasm-enable-sjlj), which the 2022
 * wasi-libc lacks. Compiled into main modules of cases that use exceptions, exported, so every
 * module of the process uses one copy. longjmp throws the tag __c_longjmp, which the linker gives
 * every module as one tag, so a longjmp in one module lands in a setjmp of another. */
#include <setjmp.h>
#include <stdint.h>

struct jb { void *func_invocation_id; uint32_t label; };
struct longjmp_args { void *env; int val; };
static _Thread_local struct longjmp_args args;

void __wasm_setjmp(void *env, uint32_t label, void *func_invocation_id) {
    struct jb *jb = env;
    jb->func_invocation_id = func_invocation_id;
    jb->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *func_invocation_id) {
    struct jb *jb = env;
    return jb->func_invocation_id == func_invocation_id ? jb->label : 0;
}

_Noreturn void __wasm_longjmp(void *env, int val) {
    args.env = env;
    args.val = val == 0 ? 1 : val;
    __builtin_wasm_throw(1, &args);
}
