#include <errno.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include "wasi_threads.h"

int bump(int times);
int *counter_addr(void);

static atomic_int alive;
struct slot { int id, result, errno_seen; int *addr; };

static void *worker(void *p) {
    struct slot *s = p;
    errno = 100 + s->id;
    s->result = bump(1000 * (s->id + 1));
    s->addr = counter_addr();
    s->errno_seen = errno;
    /* Stay until all four run at once, so their TLS blocks coexist. */
    atomic_fetch_add(&alive, 1);
    while (atomic_load(&alive) < 4) sched_yield();
    return 0;
}

int main(void) {
    struct slot slots[4];
    wt_t t[4];
    errno = 7;
    for (int i = 0; i < 4; i++) {
        slots[i] = (struct slot){ .id = i };
        if (wt_create(&t[i], worker, &slots[i])) { printf("spawn failed\n"); return 1; }
    }
    for (int i = 0; i < 4; i++) wt_join(t[i], 0);
    int main_errno = errno;
    for (int i = 0; i < 4; i++) {
        int own = slots[i].addr != counter_addr();
        for (int j = 0; j < 4; j++) own &= j == i || slots[i].addr != slots[j].addr;
        printf("thread %d: counter %d, errno %d, own block %d\n", i, slots[i].result,
               slots[i].errno_seen, own);
    }
    printf("main: counter %d, errno %d\n", *counter_addr(), main_errno);
    return 0;
}
