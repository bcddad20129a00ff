/* Threads x rounds of dlopen / dlsym / call / dlclose over 4 libraries: loads and unloads race
 * with calls in other threads. Arguments: threads rounds (default 8 50). */
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include "wasmlink_thread.h"

static int rounds;
static atomic_int good, bad;

static void churn(void *p) {
    int id = (int)(long)p;
    for (int r = 0; r < rounds; r++) {
        int which = (id + r) % 4;
        char name[16];
        snprintf(name, sizeof name, "libc%d.so", which);
        void *h = dlopen(name, RTLD_NOW);
        int (*value)(void) = h ? (int (*)(void))dlsym(h, "value") : 0;
        if (value && value() == 1000 + which) atomic_fetch_add(&good, 1);
        else atomic_fetch_add(&bad, 1);
        if (h) dlclose(h);
    }
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 8;
    rounds = argc > 2 ? atoi(argv[2]) : 50;
    wasmlink_thread_t t[64];
    for (int i = 0; i < threads; i++)
        if (wasmlink_thread_create(&t[i], churn, (void *)(long)i)) { printf("spawn failed\n"); return 1; }
    for (int i = 0; i < threads; i++) wasmlink_thread_join(t[i], 0);
    printf("%d threads x %d rounds: %d good, %d bad\n", threads, rounds, atomic_load(&good), atomic_load(&bad));
    void *none = dlopen("libc0.so", RTLD_NOW | RTLD_NOLOAD);
    printf("all unloaded at the end: %d\n", none == NULL);
    return atomic_load(&bad) != 0;
}
