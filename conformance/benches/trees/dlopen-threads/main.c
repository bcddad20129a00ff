/* dlopen + dlclose of a small library while k other threads run: either busy (each yielding: a
 * host call, so a safepoint, in its loop) or mostly asleep (1 ms sleeps in a loop, as threads
 * waiting for work or input: a blocking host call). */
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

int start_threads(int k) { return start(k, idle); }
int start_sleepers(int k) { return start(k, sleepy); }

int stop_threads(void) {
    atomic_store(&stop, 1);
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

int main(void) { return open_close(1) == 1 ? 0 : 1; }
