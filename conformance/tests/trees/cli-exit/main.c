/* exit() in a thread ends the process with its code; the main thread never gets past join. */
#include <stdio.h>
#include <stdlib.h>

#include "wasmlink_thread.h"

static void quitter(void *arg) {
    (void)arg;
    printf("thread exits\n");
    exit(7);
}

int main(void) {
    wasmlink_thread_t t;
    if (wasmlink_thread_create(&t, quitter, 0)) return 1;
    wasmlink_thread_join(t, 0);
    printf("main after join\n");
    return 0;
}
