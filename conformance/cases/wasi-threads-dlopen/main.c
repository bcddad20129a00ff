#include <dlfcn.h>
#include <stdio.h>
#include "wasi_threads.h"

struct slot { int id, calls, wrong, errors; };

static void *worker(void *p) {
    struct slot *s = p;
    for (int i = 0; i < 25; i++) {
        for (int lib = 1; lib <= 2; lib++) {
            const char *name = lib == 1 ? "libplug1.so" : "libplug2.so";
            void *h = dlopen(name, RTLD_NOW);
            if (!h) { s->errors++; continue; }
            int (*f)(void) = (int (*)(void))dlsym(h, "plug_value");
            if (!f) { s->errors++; dlclose(h); continue; }
            int v = f();
            s->calls++;
            /* Another thread may hold the library open, so this thread's count there may have
             * gone on; it is at least 1 and the library's data is its own. */
            if (v <= lib * 100 || v > lib * 100 + 50) s->wrong++;
            if (dlclose(h)) s->errors++;
        }
    }
    return 0;
}

int main(void) {
    struct slot slots[4];
    wt_t t[4];
    for (int i = 0; i < 4; i++) {
        slots[i] = (struct slot){ .id = i };
        if (wt_create(&t[i], worker, &slots[i])) { printf("spawn failed\n"); return 1; }
    }
    for (int i = 0; i < 4; i++) wt_join(t[i], 0);
    for (int i = 0; i < 4; i++)
        printf("thread %d: %d calls, %d wrong, %d errors\n", i, slots[i].calls, slots[i].wrong,
               slots[i].errors);
    return 0;
}
