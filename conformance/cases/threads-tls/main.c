#include <stdio.h>
#include <errno.h>
#include <sched.h>
#include <stdatomic.h>
#include "wasmlink_thread.h"
static atomic_int alive;
int bump(int times);
int *counter_addr(void);
struct slot { int id, result, errno_seen; int *addr; };
static void worker(void *p) {
    struct slot *s = p;
    errno = 100 + s->id;               /* main module TLS, per thread */
    s->result = bump(1000 * (s->id + 1));
    s->addr = counter_addr();
    s->errno_seen = errno;
    /* Stay until all four run at once, so their TLS blocks coexist. */
    atomic_fetch_add(&alive, 1);
    while (atomic_load(&alive) < 4) sched_yield();
}
int main(void) {
    struct slot slots[4];
    wasmlink_thread_t t[4];
    errno = 7;
    for (int i = 0; i < 4; i++) {
        slots[i] = (struct slot){ .id = i };
        if (wasmlink_thread_create(&t[i], worker, &slots[i])) { printf("spawn failed\n"); return 1; }
    }
    for (int i = 0; i < 4; i++) wasmlink_thread_join(t[i], 0);
    int main_errno = errno; /* before printf, which may set it */
    int distinct = 1;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < i; j++) distinct &= slots[i].addr != slots[j].addr;
    for (int i = 0; i < 4; i++) {
        distinct &= slots[i].addr != counter_addr();
        printf("thread %d: counter %d, errno %d\n", i, slots[i].result, slots[i].errno_seen);
    }
    printf("distinct TLS blocks: %d\n", distinct);
    printf("main: counter %d, errno %d\n", *counter_addr(), main_errno);
    return 0;
}
