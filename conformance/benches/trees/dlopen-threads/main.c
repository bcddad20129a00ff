/* dlopen + dlclose of a small library while k other threads run (each yielding: a host call, so a
 * safepoint, in its loop). */
#include <dlfcn.h>
#include <sched.h>
#include <stdatomic.h>
#include "wasmlink_thread.h"

static atomic_int stop;
static wasmlink_thread_t threads[64];
static int running;

static void idle(void *p) {
    (void)p;
    while (!atomic_load(&stop)) sched_yield();
}

int start_threads(int k) {
    atomic_store(&stop, 0);
    for (running = 0; running < k; running++)
        if (wasmlink_thread_create(&threads[running], idle, 0)) return -1;
    return 0;
}

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

int main(void) { return open_close(1) == 1 ? 0 : 1; }
