/* A worker that computes inside a library: a recursion of calls, run again and again until told
 * to stop. It makes no host call the linker could use as a safepoint. */
#include <stdatomic.h>

static atomic_int stop;
atomic_long spin_rounds;

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void *spin_worker(void *p) {
    (void)p;
    long rounds = 0;
    int wrong = 0;
    while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
        wrong |= fib(22) != 17711;
        atomic_store_explicit(&spin_rounds, ++rounds, memory_order_relaxed);
    }
    return (void *)(rounds > 0 && !wrong ? 1 : 0);
}

void spin_stop(void) { atomic_store(&stop, 1); }
