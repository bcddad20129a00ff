#include <stdatomic.h>
#include <stdio.h>
#include <sched.h>
#include "wasi_threads.h"

int side_twice(int);

static wt_t child;
static atomic_int child_started, creator_done;

static void *child_main(void *arg) {
    (void)arg;
    /* Wait until the creator has returned from its thread. */
    while (!atomic_load(&creator_done)) sched_yield();
    int v = side_twice(21);
    printf("child: creator gone %d, side_twice(21)=%d\n", atomic_load(&creator_done), v);
    return (void *)(long)v;
}

static void *creator_main(void *arg) {
    (void)arg;
    if (wt_create(&child, child_main, 0)) return (void *)1;
    atomic_store(&child_started, 1);
    printf("creator: started the child, returning\n");
    fflush(stdout);
    return 0;
}

int main(void) {
    wt_t creator;
    if (wt_create(&creator, creator_main, 0)) { printf("spawn failed\n"); return 1; }
    void *r;
    wt_join(creator, &r);
    if (r || !atomic_load(&child_started)) { printf("creator failed\n"); return 1; }
    atomic_store(&creator_done, 1);
    wt_join(child, &r);
    printf("main: child returned %ld\n", (long)r);
    return 0;
}
