/* dlopen + dlclose of a small library while k other threads run: either busy (each yielding: a
 * host call, so a safepoint, in its loop), spinning (pure arithmetic, no call at all), mostly asleep (1 ms sleeps in a loop, as threads
 * waiting for work or input: a blocking host call), or blocked in an unbounded futex wait (as
 * pthread_join or a condition variable). And a futex handoff between two threads. */
#include <dlfcn.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>
#include "wasmlink_thread.h"

static atomic_int stop;
static wasmlink_thread_t threads[64];
static int running;

static void idle(void *p) {
    (void)p;
    while (!atomic_load(&stop)) sched_yield();
}

static unsigned spun;

static void spinner(void *p) {
    (void)p;
    unsigned x = 1;
    while (!atomic_load_explicit(&stop, memory_order_relaxed)) x = x * 1103515245u + 12345u;
    spun += x;
}

static void sleepy(void *p) {
    (void)p;
    struct timespec ms = {0, 1000000};
    while (!atomic_load(&stop)) nanosleep(&ms, 0);
}

static int start(int k, void (*f)(void *)) {
    atomic_store(&stop, 0);
    for (running = 0; running < k; running++)
        if (wasmlink_thread_create(&threads[running], f, 0)) return -1;
    return 0;
}

static int gate;

static void waiter(void *p) {
    (void)p;
    while (!atomic_load(&stop)) __builtin_wasm_memory_atomic_wait32(&gate, 0, -1);
}

int start_threads(int k) { return start(k, idle); }
int start_waiters(int k) {
    gate = 0;
    return start(k, waiter);
}
int start_sleepers(int k) { return start(k, sleepy); }
int start_spinners(int k) { return start(k, spinner); }

int stop_threads(void) {
    atomic_store(&stop, 1);
    atomic_store((atomic_int *)&gate, 1);
    __builtin_wasm_memory_atomic_notify(&gate, 0xffffffffu);
    for (int i = 0; i < running; i++) wasmlink_thread_join(threads[i], 0);
    running = 0;
    return 0;
}

int open_close(int n) {
    int ok = 0;
    for (int i = 0; i < n; i++) {
        void *h = dlopen("libsmall.so", RTLD_NOW);
        if (h && dlsym(h, "small_value")) ok++;
        if (h) dlclose(h);
    }
    return ok;
}

/* The same with the larger library. */
int open_close_big(int n) {
    int ok = 0;
    for (int i = 0; i < n; i++) {
        void *h = dlopen("libbig.so", RTLD_NOW);
        int (*v)(void) = h ? (int (*)(void))dlsym(h, "big_value") : 0;
        if (v && v() == 3) ok++;
        if (h) dlclose(h);
    }
    return ok;
}

/* n handoffs of a token between this thread and a partner, each side waiting (futex wait) for
 * its turn and waking the other (notify): what a contended mutex handoff costs. */
static int token;

static void partner(void *p) {
    int n = (int)(long)p;
    for (int i = 0; i < n; i++) {
        while (atomic_load((atomic_int *)&token) != 1) __builtin_wasm_memory_atomic_wait32(&token, 0, -1);
        atomic_store((atomic_int *)&token, 0);
        __builtin_wasm_memory_atomic_notify(&token, 1);
    }
}

int futex_handoff(int n) {
    wasmlink_thread_t t;
    atomic_store((atomic_int *)&token, 0);
    if (wasmlink_thread_create(&t, partner, (void *)(long)n)) return -1;
    for (int i = 0; i < n; i++) {
        atomic_store((atomic_int *)&token, 1);
        __builtin_wasm_memory_atomic_notify(&token, 1);
        while (atomic_load((atomic_int *)&token) != 0) __builtin_wasm_memory_atomic_wait32(&token, 1, -1);
    }
    wasmlink_thread_join(t, 0);
    return 0;
}

int main(void) { return open_close(1) == 1 ? 0 : 1; }
