#include <errno.h>
#include <stdio.h>
#include "wasmlink_thread.h"

int side_fn(int);
static int ran;

static void body(void *arg) {
    (void)arg;
    ran = 1;
}

int main(void) {
    printf("side_fn(1)=%d\n", side_fn(1));
    wasmlink_thread_t t;
    int rc = wasmlink_thread_create(&t, body, 0);
    printf("create: %s\n", rc == ENOTSUP ? "ENOTSUP" : rc == 0 ? "started" : "other error");
    if (rc == 0)
        wasmlink_thread_join(t, 0);
    printf("ran: %d\n", ran);
    printf("side_fn(2)=%d\n", side_fn(2));
    return 0;
}
