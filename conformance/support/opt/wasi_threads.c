/* The C half of the wasi-threads shim (wasi_threads.h); wasi_thread_start.s is the other. */
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include "wasi_threads.h"

__attribute__((import_module("wasi"), import_name("thread-spawn"))) int __wasi_thread_spawn(void *start_arg);
/* Defined by wasm-ld in the main module: sets __tls_base and copies .tdata there. */
void __wasm_init_tls(void *block);

#define STACK_SIZE (128 * 1024)

/* Read by wasi_thread_start.s at offsets 0 and 4: keep those two fields first. */
struct wt_thread {
    void *stack_top;
    void *tls;
    void *(*fn)(void *);
    void *arg;
    void *ret;
    void *stack;
    atomic_int done;
};

int wt_create(wt_t *thread, void *(*fn)(void *), void *arg) {
    struct wt_thread *t = calloc(1, sizeof *t);
    if (!t) return EAGAIN;
    size_t align = __builtin_wasm_tls_align();
    size_t size = (__builtin_wasm_tls_size() + align - 1) / align * align;
    t->stack = malloc(STACK_SIZE);
    t->tls = aligned_alloc(align < sizeof(void *) ? sizeof(void *) : align, size ? size : align);
    if (!t->stack || !t->tls) {
        free(t->stack);
        free(t->tls);
        free(t);
        return EAGAIN;
    }
    t->stack_top = (char *)t->stack + STACK_SIZE;
    t->fn = fn;
    t->arg = arg;
    int tid = __wasi_thread_spawn(t);
    if (tid < 0) {
        free(t->stack);
        free(t->tls);
        free(t);
        return EAGAIN;
    }
    *thread = t;
    return 0;
}

/* Called by wasi_thread_start once the stack pointer and TLS base are this thread's. */
void __wt_thread_main(int tid, struct wt_thread *t) {
    (void)tid;
    __wasm_init_tls(t->tls);
    t->ret = t->fn(t->arg);
    atomic_store(&t->done, 1);
    __builtin_wasm_memory_atomic_notify((int *)&t->done, 1);
}

int wt_join(wt_t t, void **ret) {
    /* An unbounded wait, as pthread_join's: the linker makes every wait a safepoint
     * (docs/threads.md, "Waiting threads"). */
    while (!atomic_load(&t->done))
        __builtin_wasm_memory_atomic_wait32((int *)&t->done, 0, -1);
    if (ret) *ret = t->ret;
    /* The thread is past its last access to its stack and block once done is set (what is left
     * of wasi_thread_start touches only wasm locals and globals). */
    free(t->stack);
    free(t->tls);
    free(t);
    return 0;
}

/* The futex mutex of Drepper's "Futexes Are Tricky" (its third version). */
void wt_mutex_lock(wt_mutex_t *m) {
    atomic_int *s = (atomic_int *)&m->state;
    int c = 0;
    if (atomic_compare_exchange_strong(s, &c, 1)) return;
    if (c != 2) c = atomic_exchange(s, 2);
    while (c != 0) {
        __builtin_wasm_memory_atomic_wait32(&m->state, 2, -1);
        c = atomic_exchange(s, 2);
    }
}

void wt_mutex_unlock(wt_mutex_t *m) {
    atomic_int *s = (atomic_int *)&m->state;
    if (atomic_fetch_sub(s, 1) != 1) {
        atomic_store(s, 0);
        __builtin_wasm_memory_atomic_notify(&m->state, 1);
    }
}

void wt_cond_wait(wt_cond_t *c, wt_mutex_t *m) {
    int seq = atomic_load((atomic_int *)&c->seq);
    wt_mutex_unlock(m);
    __builtin_wasm_memory_atomic_wait32(&c->seq, seq, -1);
    wt_mutex_lock(m);
}

void wt_cond_signal(wt_cond_t *c) {
    atomic_fetch_add((atomic_int *)&c->seq, 1);
    __builtin_wasm_memory_atomic_notify(&c->seq, 1);
}

void wt_cond_broadcast(wt_cond_t *c) {
    atomic_fetch_add((atomic_int *)&c->seq, 1);
    __builtin_wasm_memory_atomic_notify(&c->seq, 0xffffffffu);
}
