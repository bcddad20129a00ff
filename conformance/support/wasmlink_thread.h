/* Threads for modules linked by wasmlink. The 2022 wasi-libc has no pthreads; these start a
 * function on a new thread through the wasmlink host (a new instance group: its own stack and
 * TLS, the same memory and function table). See docs/threads.md. */
#ifndef WASMLINK_THREAD_H
#define WASMLINK_THREAD_H

typedef int wasmlink_thread_t;

/* Runs fn(arg) on a new thread. Returns 0, or an errno value. */
int wasmlink_thread_create(wasmlink_thread_t *thread, void (*fn)(void *), void *arg);
/* Waits for the thread; stores its exit code (0 when fn returned) if code is not NULL. */
int wasmlink_thread_join(wasmlink_thread_t thread, int *code);

#endif
