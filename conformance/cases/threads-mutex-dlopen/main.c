/* Four workers hand a counter around under a mutex and a condition variable (each waits for its
 * turn: contended locks and unbounded waits all the time), while a fifth thread loads and
 * unloads two libraries 30 times and calls them. */
#include <dlfcn.h>
#include <stdio.h>
#include "wasi_threads.h"

#define WORKERS 4
#define TURNS 300

static wt_mutex_t lock = WT_MUTEX_INIT;
static wt_cond_t turn_cond = WT_COND_INIT;
static int turn, counter;
static int rounds, wrong, errors;

static void *worker(void *p) {
    int id = (int)(long)p;
    for (int i = 0; i < TURNS; i++) {
        wt_mutex_lock(&lock);
        while (turn % WORKERS != id) wt_cond_wait(&turn_cond, &lock);
        counter += id + 1;
        turn++;
        wt_cond_broadcast(&turn_cond);
        wt_mutex_unlock(&lock);
    }
    return 0;
}

static void *loader(void *p) {
    (void)p;
    for (int i = 0; i < 30; i++) {
        for (int lib = 1; lib <= 2; lib++) {
            void *h = dlopen(lib == 1 ? "libplug1.so" : "libplug2.so", RTLD_NOW);
            if (!h) { errors++; printf("dlopen: %s\n", dlerror()); continue; }
            int (*value)(int) = (int (*)(int))dlsym(h, "plug_value");
            if (!value || value(i) != lib * 100 + i) wrong++;
            if (dlclose(h)) errors++;
        }
        rounds++;
    }
    return 0;
}

int main(void) {
    wt_t w[WORKERS], l;
    for (long i = 0; i < WORKERS; i++)
        if (wt_create(&w[i], worker, (void *)i)) { printf("spawn failed\n"); return 1; }
    if (wt_create(&l, loader, 0)) { printf("spawn failed\n"); return 1; }
    wt_join(l, 0);
    for (int i = 0; i < WORKERS; i++) wt_join(w[i], 0);
    printf("turns %d, counter %d\n", turn, counter);
    printf("loader: %d rounds, %d wrong, %d errors\n", rounds, wrong, errors);
    return 0;
}
