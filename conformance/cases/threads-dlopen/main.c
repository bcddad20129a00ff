/* 8 threads call into libraries while the main thread dlopens 50 more, one after another; every
 * thread calls each new library through a function pointer the main thread got from dlsym. Two
 * threads exit after the first 10, while loading goes on. */
#include <dlfcn.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include "wasmlink_thread.h"

#define LIBS 50
#define THREADS 8
int work(void);
int work_calls(void);
static int (*fns[LIBS])(int);
static atomic_int loaded;
struct worker { int id, limit; long sum; int seen; };

static void run(void *p) {
    struct worker *w = p;
    while (w->seen < w->limit) {
        int n = atomic_load(&loaded);
        if (n > w->limit) n = w->limit;
        for (; w->seen < n; w->seen++) w->sum += fns[w->seen](w->id);
        work();
        sched_yield();
    }
}

int main(void) {
    struct worker ws[THREADS];
    wasmlink_thread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        ws[i] = (struct worker){ .id = i, .limit = i >= 6 ? 10 : LIBS };
        if (wasmlink_thread_create(&t[i], run, &ws[i])) { printf("spawn failed\n"); return 1; }
    }
    for (int i = 0; i < LIBS; i++) {
        char name[32];
        snprintf(name, sizeof name, "libp%d.so", i + 1);
        void *h = dlopen(name, RTLD_NOW);
        if (!h) { printf("dlopen %s: %s\n", name, dlerror()); return 1; }
        fns[i] = (int (*)(int))dlsym(h, "plug");
        atomic_store(&loaded, i + 1);
    }
    for (int i = 0; i < THREADS; i++) wasmlink_thread_join(t[i], 0);
    for (int i = 0; i < THREADS; i++) printf("thread %d called %d libraries, sum %ld\n", i, ws[i].seen, ws[i].sum);
    printf("work() was called: %d\n", work_calls() > 0);
    return 0;
}
