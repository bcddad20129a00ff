/* exit() in a wasi-threads thread ends the process with its code; the main thread never gets past
 * join. */
#include <stdio.h>
#include <stdlib.h>

#include "wasi_threads.h"

static void *quitter(void *arg) {
    (void)arg;
    printf("wasi thread exits\n");
    exit(9);
}

int main(void) {
    wt_t t;
    if (wt_create(&t, quitter, 0)) return 1;
    wt_join(t, 0);
    printf("main after join\n");
    return 0;
}
