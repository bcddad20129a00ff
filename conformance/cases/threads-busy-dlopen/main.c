/* Two workers compute without any call the linker could use as a safepoint: one in a tight
 * arithmetic loop of the main module (no calls at all), one in a recursion inside a library,
 * while the main thread loads, calls and unloads a library with TLS 20 times. Every dlopen must
 * complete at once (the case runs with a 2 s safepoint timeout): the workers are paused for each
 * load, wherever they are, and go on computing after it. */
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include "wasi_threads.h"

void *spin_worker(void *p);
void spin_stop(void);
extern atomic_long spin_rounds;

static atomic_int stop;
static atomic_long loop_rounds;
static unsigned loop_result;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *looper(void *p) {
    (void)p;
    unsigned x = 1;
    long n = 0;
    while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
        x = x * 1103515245u + 12345u;
        if ((++n & 0xfff) == 0) atomic_store_explicit(&loop_rounds, n, memory_order_relaxed);
    }
    loop_result = x;
    return (void *)1;
}

/* Waits (at most 10 s) until both workers have made progress beyond what was seen. */
static int both_progress(long loops, long spins) {
    double t0 = now();
    while (now() - t0 < 10) {
        if (atomic_load(&loop_rounds) > loops && atomic_load(&spin_rounds) > spins) return 1;
    }
    return 0;
}

int main(void) {
    wt_t a, b;
    if (wt_create(&a, looper, 0) || wt_create(&b, spin_worker, 0)) { printf("spawn failed\n"); return 1; }
    printf("workers computing: %s\n", both_progress(0, 0) ? "yes" : "no");
    int rounds = 0, wrong = 0, errors = 0;
    double slowest = 0;
    for (int i = 0; i < 20; i++) {
        double t0 = now();
        void *h = dlopen("libplug.so", RTLD_NOW);
        double t = now() - t0;
        if (t > slowest) slowest = t;
        if (!h) { errors++; printf("dlopen: %s\n", dlerror()); continue; }
        int (*bump)(void) = (int (*)(void))dlsym(h, "plug_bump");
        if (!bump || bump() != 41 || bump() != 42) wrong++;
        if (dlclose(h)) errors++;
        rounds++;
    }
    printf("loads: %d rounds, %d wrong, %d errors\n", rounds, wrong, errors);
    printf("slowest dlopen under a second: %s\n", slowest < 1.0 ? "yes" : "no");
    printf("workers computing after the loads: %s\n",
           both_progress(atomic_load(&loop_rounds), atomic_load(&spin_rounds)) ? "yes" : "no");
    atomic_store(&stop, 1);
    spin_stop();
    void *ra = 0, *rb = 0;
    wt_join(a, &ra);
    wt_join(b, &rb);
    printf("workers stopped: %s\n", ra && rb ? "yes" : "no");
    return 0;
}
