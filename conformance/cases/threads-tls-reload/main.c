/* A thread uses a library with a large thread-local array that another thread loads and unloads
 * 600 times. Each load gives the worker a fresh instance and a fresh TLS block (the array zeroed,
 * the initialised variable at its initial value); each unload must give the block back, as
 * glibc frees a thread's block of an unloaded module. Kept until the thread exited, the blocks
 * (2 MiB each) would outgrow the 1 GiB memory around the 500th load. */
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include "wasi_threads.h"

#define ROUNDS 600

static atomic_int round_ready, round_done;
static int (*volatile touch)(int);
static int results_wrong, worker_rounds;

static void *worker(void *arg) {
    (void)arg;
    for (int r = 1; r <= ROUNDS; r++) {
        /* Spins without a call the linker sees: it catches up when the next load stops it. */
        while (atomic_load(&round_ready) < r) {
        }
        int (*f)(int) = touch;
        if (!f || f(r) != 78 || f(r) != 79) results_wrong++;
        worker_rounds++;
        atomic_store(&round_done, r);
    }
    return 0;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Waits for the worker to finish round r; 0 if it has not within 20 s (a stopped worker must
 * fail the run, not hang it). */
static int worker_done(int r) {
    double t0 = now();
    while (atomic_load(&round_done) < r) {
        if (now() - t0 > 20) return 0;
    }
    return 1;
}

int main(void) {
    wt_t t;
    if (wt_create(&t, worker, 0)) { printf("spawn failed\n"); return 1; }
    int failed = 0;
    for (int r = 1; r <= ROUNDS; r++) {
        void *h = dlopen("libbig.so", RTLD_NOW);
        if (!h) { printf("round %d: dlopen failed: %s\n", r, dlerror()); failed = 1; }
        touch = h ? (int (*)(int))dlsym(h, "big_touch") : 0;
        atomic_store(&round_ready, r);
        if (!worker_done(r)) {
            printf("round %d: the worker stopped answering\n", r);
            return 1;
        }
        if (h) dlclose(h);
        if (failed) break;
    }
    if (failed) atomic_store(&round_ready, ROUNDS);
    wt_join(t, 0);
    printf("worker: %d rounds, %d with a thread-local that was not fresh\n", worker_rounds,
           results_wrong);
    return 0;
}
