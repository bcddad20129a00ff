/* The most ordinary threaded program: main joins its workers (an unbounded futex wait, as
 * pthread_join), one worker waits on a condition variable (another unbounded wait), and a third
 * loads, calls and unloads a library with TLS 20 times. Every dlopen must complete at once:
 * none may wait for the waiting threads (the case runs with a 2 s safepoint timeout). */
#include <dlfcn.h>
#include <stdio.h>
#include <time.h>
#include "wasi_threads.h"

static wt_mutex_t lock = WT_MUTEX_INIT;
static wt_cond_t done_cond = WT_COND_INIT;
static int done;
static int rounds, wrong, errors;
static double slowest;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *loader(void *p) {
    (void)p;
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
    wt_mutex_lock(&lock);
    done = 1;
    wt_cond_broadcast(&done_cond);
    wt_mutex_unlock(&lock);
    return 0;
}

static void *waiter(void *p) {
    (void)p;
    wt_mutex_lock(&lock);
    while (!done) wt_cond_wait(&done_cond, &lock);
    wt_mutex_unlock(&lock);
    return (void *)1;
}

int main(void) {
    wt_t w, l;
    if (wt_create(&w, waiter, 0) || wt_create(&l, loader, 0)) { printf("spawn failed\n"); return 1; }
    void *woke = 0;
    wt_join(l, 0);
    wt_join(w, &woke);
    printf("loader: %d rounds, %d wrong, %d errors\n", rounds, wrong, errors);
    printf("slowest dlopen under a second: %s\n", slowest < 1.0 ? "yes" : "no");
    printf("waiter woke: %s\n", woke ? "yes" : "no");
    return 0;
}
