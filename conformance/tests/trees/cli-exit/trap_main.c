/* A trap in a wasi-threads thread ends the process (exit code 134, as a crashing thread ends a
 * POSIX process); the main thread never gets past join. */
#include <stdio.h>

#include "wasi_threads.h"

static void *crasher(void *arg) {
    (void)arg;
    printf("wasi thread traps\n");
    fflush(stdout);
    __builtin_trap();
}

int main(void) {
    wt_t t;
    if (wt_create(&t, crasher, 0)) return 1;
    wt_join(t, 0);
    printf("main after join\n");
    return 0;
}
