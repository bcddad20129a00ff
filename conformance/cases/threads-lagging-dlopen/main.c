/* A thread that missed another thread's unload loads a library with TLS. An unload stops no
 * thread (each catches up at its next safepoint), so the main thread, spinning in wasm while a
 * second thread loads and unloads libfirst.so, is one version behind when it calls dlopen. Its
 * dlopen catches its own store up first; then the new library's start function reaches a
 * safepoint in the loading thread itself (the engine's interrupt, which the dlopen requested of
 * every thread). That safepoint must leave the operation's own store alone: catching it up again
 * instantiated libtls.so a second time inside its first instantiation, the first then found its
 * memory initialised and kept no TLS block, and tls_get read address 0 (conformance fuzz, seed
 * 1755). */
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include "wasi_threads.h"

static atomic_int unloaded;

static void *closer(void *arg) {
    (void)arg;
    void *h = dlopen("libfirst.so", RTLD_NOW);
    /* Time for the main thread to catch up with the load (it is stopped for it) and spin on. */
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, 0);
    int ok = h != 0 && dlclose(h) == 0;
    atomic_store(&unloaded, ok ? 1 : 2);
    return 0;
}

int main(void) {
    for (int round = 0; round < 4; round++) {
        wt_t t;
        atomic_store(&unloaded, 0);
        if (wt_create(&t, closer, 0)) { printf("spawn failed\n"); return 1; }
        /* No call the linker sees until the other thread has unloaded libfirst.so. */
        while (!atomic_load(&unloaded)) {
        }
        void *h = dlopen("libtls.so", RTLD_NOW);
        if (!h) { printf("round %d: dlopen failed: %s\n", round, dlerror()); return 1; }
        int (*get)(void) = (int (*)(void))dlsym(h, "tls_get");
        int (*add)(int) = (int (*)(int))dlsym(h, "tls_add");
        int *data = (int *)dlsym(h, "tls_data");
        int before = get ? get() : -1;
        int after = add ? add(5) : -1;
        printf("round %d: libfirst.so %s; thread-local %d, plus 5: %d; data %d\n", round,
               atomic_load(&unloaded) == 1 ? "unloaded" : "failed", before, after,
               data ? *data : -1);
        printf("dlclose: %d\n", dlclose(h));
        wt_join(t, 0);
    }
    return 0;
}
