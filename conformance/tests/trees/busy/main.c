/* Two threads spin without making any host call while the main thread dlopens a library. The
 * engine's interrupt or the linker's poll points pause them for the link operation; with neither,
 * the dlopen must fail cleanly (NULL, dlerror naming the thread) after the configured bound.
 * A dlclose, which only takes away, stops no thread: it succeeds at once on every engine. */
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include "wasmlink_thread.h"

static atomic_int stop, spinning;
static void spin(void *unused) {
    (void)unused;
    atomic_fetch_add(&spinning, 1);
    while (!atomic_load(&stop)) {}
}

int main(void) {
    wasmlink_thread_t t[2];
    void *early = dlopen("libplugin.so", RTLD_NOW);
    for (int i = 0; i < 2; i++) wasmlink_thread_create(&t[i], spin, 0);
    while (atomic_load(&spinning) < 2) {}
    printf("closed: %d\n", early ? dlclose(early) : -1);
    void *h = dlopen("libplugin.so", RTLD_NOW);
    const char *err = h ? 0 : dlerror();
    atomic_store(&stop, 1);
    for (int i = 0; i < 2; i++) wasmlink_thread_join(t[i], 0);
    if (h) printf("loaded: %d\n", ((int (*)(void))dlsym(h, "plugin_value"))());
    else printf("refused: %s\n", err);
    return 0;
}
