/* Starting and joining a thread: a new instance group of every loaded module. And threads that
 * stay (sleeping in 1 ms steps until stopped), to measure what one more group costs in memory. */
#include <stdatomic.h>
#include <time.h>
#include "wasmlink_thread.h"
static void noop(void *p) { (void)p; }
int spawn_join(void) {
    wasmlink_thread_t t;
    int code = -1;
    if (wasmlink_thread_create(&t, noop, 0)) return -1;
    wasmlink_thread_join(t, &code);
    return code;
}

static atomic_int stop;
static wasmlink_thread_t parked[64];
static int nparked;
static void sleepy(void *p) {
    (void)p;
    struct timespec ms = {0, 1000000};
    while (!atomic_load(&stop)) nanosleep(&ms, 0);
}
/* Starts k threads that sleep until stop_parked; returns how many run. */
int start_parked(int k) {
    atomic_store(&stop, 0);
    while (nparked < k && nparked < 64 && !wasmlink_thread_create(&parked[nparked], sleepy, 0))
        nparked++;
    return nparked;
}
int stop_parked(void) {
    atomic_store(&stop, 1);
    for (int i = 0; i < nparked; i++) wasmlink_thread_join(parked[i], 0);
    nparked = 0;
    return 0;
}
