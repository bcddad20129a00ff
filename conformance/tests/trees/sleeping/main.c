/* A thread sleeps 1.5 s (WASI poll_oneoff, which the host marks blocking) while main dlopens a
 * library. The link operation must not wait for the sleeper (the test bounds safepoint waits to
 * 300 ms); when the sleeper wakes it calls the new library through a function pointer, so its
 * own table must have caught up. */
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include "wasmlink_thread.h"

static atomic_int asleep;
static int (*_Atomic plugin)(void);

static void sleeper(void *arg) {
    (void)arg;
    struct timespec ts = {1, 500000000};
    atomic_store(&asleep, 1);
    nanosleep(&ts, 0);
    int (*f)(void) = atomic_load(&plugin);
    printf("sleeper calls: %d\n", f ? f() : -1);
}

int main(void) {
    wasmlink_thread_t t;
    if (wasmlink_thread_create(&t, sleeper, 0)) return 1;
    while (!atomic_load(&asleep)) {
    }
    struct timespec settle = {0, 200000000};
    nanosleep(&settle, 0);
    void *h = dlopen("libplugin.so", RTLD_NOW);
    if (!h) {
        printf("refused: %s\n", dlerror());
        return 1;
    }
    int (*f)(void) = (int (*)(void))dlsym(h, "plugin_value");
    atomic_store(&plugin, f);
    printf("loaded: %d\n", f());
    wasmlink_thread_join(t, 0);
    return 0;
}
