/* Threads started after the main thread loaded libraries: each uses one library (through
 * pointers the main thread got from dlsym, with its own thread-local data in it), which calls
 * its dependency, and never calls into the other library. Every thread sees its own TLS, as
 * with eager instantiation; the library a thread never calls is never instantiated in it
 * (conformance/tests/lazy_replication.rs checks that from the linker's events). */
#include <dlfcn.h>
#include <stdio.h>
#include "wasi_threads.h"

static int (*bump)(void);
static int *(*calls)(void);

static void *worker(void *p) {
    int id = (int)(long)p;
    int a = bump(), b = bump();
    printf("worker %d: bump %d %d, own calls %d\n", id, a, b, *calls());
    return (void *)1;
}

int main(void) {
    void *plug = dlopen("libplug.so", RTLD_NOW);
    void *other = dlopen("libother.so", RTLD_NOW);
    if (!plug || !other) { printf("dlopen: %s\n", dlerror()); return 1; }
    bump = (int (*)(void))dlsym(plug, "plug_bump");
    calls = (int *(*)(void))dlsym(plug, "plug_calls");
    int (*other_value)(void) = (int (*)(void))dlsym(other, "other_value");
    printf("main: bump %d, other %d\n", bump(), other_value());
    for (int i = 0; i < 2; i++) {
        wt_t t;
        void *r = 0;
        if (wt_create(&t, worker, (void *)(long)i)) { printf("spawn failed\n"); return 1; }
        wt_join(t, &r);
        if (!r) printf("worker %d failed\n", i);
    }
    printf("main: own calls %d, other %d\n", *calls(), other_value());
    dlclose(other);
    dlclose(plug);
    return 0;
}
