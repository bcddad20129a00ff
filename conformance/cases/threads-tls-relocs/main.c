#include <stdio.h>
#include <sched.h>
#include <stdatomic.h>
#include "wasmlink_thread.h"

extern int side_global;
int *get_tp(void);
int get_tq(void);
void set_tp(int *p);

static atomic_int alive;
struct slot { int id, global, tq, own; int mine; };

static void worker(void *p) {
    struct slot *s = p;
    s->global = get_tp() == &side_global;
    s->tq = get_tq();
    set_tp(&s->mine);
    /* Stay until all three have changed theirs, then check it is still their own. */
    atomic_fetch_add(&alive, 1);
    while (atomic_load(&alive) < 3) sched_yield();
    s->own = get_tp() == &s->mine;
}

int main(void) {
    struct slot slots[3];
    wasmlink_thread_t t[3];
    for (int i = 0; i < 3; i++) {
        slots[i] = (struct slot){ .id = i };
        if (wasmlink_thread_create(&t[i], worker, &slots[i])) { printf("spawn failed\n"); return 1; }
    }
    for (int i = 0; i < 3; i++) wasmlink_thread_join(t[i], 0);
    for (int i = 0; i < 3; i++)
        printf("thread %d: tp=%s tq=%d own=%d\n", i, slots[i].global ? "global" : "other",
               slots[i].tq, slots[i].own);
    printf("main: tp=%s tq=%d\n", get_tp() == &side_global ? "global" : "other", get_tq());
    return 0;
}
