#include <dlfcn.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include "wasmlink_thread.h"

static void *side;
static atomic_int started, stop;

struct slot { int id, lookups, mismatches, tls_own; int *tls; };

static void worker(void *p) {
    struct slot *s = p;
    int *(*tls_addr)(void) = (int *(*)(void))dlsym(side, "tls_addr");
    int *tls0 = (int *)dlsym(side, "tls_value");
    int *data0 = (int *)dlsym(RTLD_DEFAULT, "shared_value");
    void *fn0 = dlsym(RTLD_DEFAULT, "side_inc");
    s->tls = tls0;
    s->tls_own = tls_addr && tls0 == tls_addr();
    atomic_fetch_add(&started, 1);
    for (int i = 0; i < 500; i++) {
        s->mismatches += (int *)dlsym(side, "tls_value") != tls0;
        s->mismatches += (int *)dlsym(RTLD_DEFAULT, "tls_value") != tls0;
        s->mismatches += (int *)dlsym(RTLD_DEFAULT, "shared_value") != data0;
        s->mismatches += dlsym(RTLD_DEFAULT, "side_inc") != fn0;
        s->lookups += 4;
        if (i % 50 == 0) sched_yield();
    }
    int (*inc)(int) = (int (*)(int))fn0;
    s->mismatches += inc(1) != 2;
    while (!atomic_load(&stop)) sched_yield();
}

int main(void) {
    side = dlopen("libside.so", RTLD_NOW | RTLD_GLOBAL);
    if (!side) { printf("dlopen libside: %s\n", dlerror()); return 1; }
    struct slot slots[4];
    wasmlink_thread_t t[4];
    for (int i = 0; i < 4; i++) {
        slots[i] = (struct slot){ .id = i };
        if (wasmlink_thread_create(&t[i], worker, &slots[i])) { printf("spawn failed\n"); return 1; }
    }
    /* Loads and unloads bump every thread's dlsym cache generation meanwhile. */
    int cycles = 0;
    for (; cycles < 50; cycles++) {
        void *o = dlopen("libother.so", RTLD_NOW | RTLD_GLOBAL);
        if (!o) { printf("dlopen libother: %s\n", dlerror()); return 1; }
        dlclose(o);
    }
    while (atomic_load(&started) < 4) sched_yield();
    atomic_store(&stop, 1);
    for (int i = 0; i < 4; i++) wasmlink_thread_join(t[i], 0);
    int distinct = 1;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < i; j++) distinct &= slots[i].tls != slots[j].tls;
    for (int i = 0; i < 4; i++)
        printf("thread %d: %d lookups, mismatches %d, tls own %d\n", i, slots[i].lookups,
               slots[i].mismatches, slots[i].tls_own);
    printf("distinct TLS addresses: %d\n", distinct);
    printf("main: other loaded and unloaded %d times\n", cycles);
    return 0;
}
