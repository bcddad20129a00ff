#include "wasmlink_thread.h"

#define WASMLINK(name) __attribute__((import_module("wasmlink"), import_name(#name)))
WASMLINK(thread_spawn) int __wasmlink_thread_spawn(void (*fn)(void *), void *arg);
WASMLINK(thread_join) int __wasmlink_thread_join(int tid);

int wasmlink_thread_create(wasmlink_thread_t *thread, void (*fn)(void *), void *arg) {
    int tid = __wasmlink_thread_spawn(fn, arg);
    if (tid < 0) return -tid;
    *thread = tid;
    return 0;
}

int wasmlink_thread_join(wasmlink_thread_t thread, int *code) {
    int c = __wasmlink_thread_join(thread);
    if (c == -3) return 3; /* ESRCH */
    if (code) *code = c;
    return 0;
}
