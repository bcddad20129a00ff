/* Threads over the standard wasi-threads ABI, as wasi-libc's pthread_create does for
 * wasm32-wasip1-threads (the 2022 wasi-libc here has no pthreads): the creating thread allocates
 * the new thread's stack and TLS block, calls the import wasi.thread-spawn(start_arg), and the
 * host runs the module's export wasi_thread_start(tid, start_arg) on a new thread
 * (opt/wasi_thread_start.s sets __stack_pointer and __tls_base, then calls into C). Join waits on
 * a word in shared memory. See docs/abi.md, "Build shapes". */
#ifndef WASI_THREADS_H
#define WASI_THREADS_H

typedef struct wt_thread *wt_t;

/* Runs fn(arg) on a new thread. Returns 0, or an errno value (EAGAIN when the host refuses). */
int wt_create(wt_t *thread, void *(*fn)(void *), void *arg);
/* Waits for the thread to return; stores fn's result in *ret if ret is not NULL. */
int wt_join(wt_t thread, void **ret);

#endif
