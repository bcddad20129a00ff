/* Threads over the standard wasi-threads ABI, as wasi-libc's pthread_create does for
 * wasm32-wasip1-threads (the 2022 wasi-libc here has no pthreads): the creating thread allocates
 * the new thread's stack and TLS block, calls the import wasi.thread-spawn(start_arg), and the
 * host runs the module's export wasi_thread_start(tid, start_arg) on a new thread
 * (opt/wasi_thread_start.s sets __stack_pointer and __tls_base, then calls into C). Join, the
 * mutex and the condition variable wait on words in shared memory with memory.atomic.wait32,
 * unbounded, as wasi-libc's pthreads do. See docs/abi.md, "Build shapes".
 *
 * Built natively (the suite's ELF reference), the same names are POSIX threads. */
#ifndef WASI_THREADS_H
#define WASI_THREADS_H

#ifdef __wasm__
typedef struct wt_thread *wt_t;
/* 0 unlocked, 1 locked, 2 locked with waiters. */
typedef struct { int state; } wt_mutex_t;
/* A sequence number: waiters wait for it to change. */
typedef struct { int seq; } wt_cond_t;
#define WT_MUTEX_INIT {0}
#define WT_COND_INIT {0}

/* Runs fn(arg) on a new thread. Returns 0, or an errno value (EAGAIN when the host refuses). */
int wt_create(wt_t *thread, void *(*fn)(void *), void *arg);
/* Waits for the thread to return; stores fn's result in *ret if ret is not NULL. */
int wt_join(wt_t thread, void **ret);
void wt_mutex_lock(wt_mutex_t *m);
void wt_mutex_unlock(wt_mutex_t *m);
/* Releases m, waits for a signal or broadcast, takes m again (spurious wake-ups allowed). */
void wt_cond_wait(wt_cond_t *c, wt_mutex_t *m);
void wt_cond_signal(wt_cond_t *c);
void wt_cond_broadcast(wt_cond_t *c);
#else
#include <pthread.h>
typedef pthread_t wt_t;
typedef pthread_mutex_t wt_mutex_t;
typedef pthread_cond_t wt_cond_t;
#define WT_MUTEX_INIT PTHREAD_MUTEX_INITIALIZER
#define WT_COND_INIT PTHREAD_COND_INITIALIZER
static inline int wt_create(wt_t *t, void *(*fn)(void *), void *arg) { return pthread_create(t, 0, fn, arg); }
static inline int wt_join(wt_t t, void **ret) { return pthread_join(t, ret); }
static inline void wt_mutex_lock(wt_mutex_t *m) { pthread_mutex_lock(m); }
static inline void wt_mutex_unlock(wt_mutex_t *m) { pthread_mutex_unlock(m); }
static inline void wt_cond_wait(wt_cond_t *c, wt_mutex_t *m) { pthread_cond_wait(c, m); }
static inline void wt_cond_signal(wt_cond_t *c) { pthread_cond_signal(c); }
static inline void wt_cond_broadcast(wt_cond_t *c) { pthread_cond_broadcast(c); }
#endif

#endif
