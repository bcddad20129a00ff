#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include "wasmlink_thread.h"

int on_own_stack(unsigned long *low, unsigned long *high);

struct slot { int within; unsigned long low, high; };

static atomic_int alive;

static void worker(void *p) {
    struct slot *s = p;
    s->within = on_own_stack(&s->low, &s->high);
    /* Stay until all three run at once, so their stacks coexist. */
    atomic_fetch_add(&alive, 1);
    while (atomic_load(&alive) < 3) sched_yield();
}

int main(void) {
    struct slot s[4];
#ifdef MAIN_BOUNDS_UNKNOWN
    /* A non-PIE main (threads-nopie-stack): the main thread's stack is main's own, laid out by
     * wasm-ld, and its bounds are not checked. */
    s[3].low = s[3].high = 0;
#else
    s[3].within = on_own_stack(&s[3].low, &s[3].high);
    printf("main: within %d\n", s[3].within);
#endif
    wasmlink_thread_t t[3];
    for (int i = 0; i < 3; i++)
        if (wasmlink_thread_create(&t[i], worker, &s[i])) { printf("spawn failed\n"); return 1; }
    for (int i = 0; i < 3; i++) wasmlink_thread_join(t[i], 0);
    int disjoint = 1;
    for (int i = 0; i < 3; i++) {
        printf("thread %d: within %d\n", i, s[i].within);
        for (int j = i + 1; j < 4; j++)
            disjoint &= s[i].high <= s[j].low || s[j].high <= s[i].low;
    }
    printf("ranges disjoint: %d\n", disjoint);
    return 0;
}
