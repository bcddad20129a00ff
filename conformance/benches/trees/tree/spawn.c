/* Starting and joining a thread: a new instance group of every loaded module. */
#include "wasmlink_thread.h"
static void noop(void *p) { (void)p; }
int spawn_join(void) {
    wasmlink_thread_t t;
    int code = -1;
    if (wasmlink_thread_create(&t, noop, 0)) return -1;
    wasmlink_thread_join(t, &code);
    return code;
}
