/* Threads that run while another thread loads a library, each reaching it first a different
 * way: a pointer to a static function of the library (its element segment's slot), a slot
 * dlsym gave in a thread that had not used the library, dlsym of its thread-local variable,
 * a pointer to an exported function. Every thread then uses all of it: its own TLS, a direct
 * import of a dependency, and a lazily bound call into a library loaded later. One thread
 * never calls into it; the library is then unloaded and loaded again, and that thread calls
 * the new one. */
#include <dlfcn.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include "wasmlink_thread.h"

typedef int (*int_fn)(int);
typedef int (*void_fn)(void);
typedef int *(*addr_fn)(void);
typedef int_fn (*cb_getter)(void);

static void *plug;
static atomic_int phase, done, started;
static int_fn cb, extra, dep, late;
static void_fn tls_next;
static addr_fn tls_addr;
static cb_getter get_cb;

struct result { int id, cb, tls1, tls2, own, dep, late, extra, again; };

static void wait_phase(int p) { while (atomic_load(&phase) < p) sched_yield(); }

static void worker(void *arg) {
    struct result *r = arg;
    atomic_fetch_add(&started, 1);
    if (r->id == 3) {
        wait_phase(1);
        /* A first slot for plug_extra, given in a thread that has not used the library. */
        extra = (int_fn)dlsym(plug, "plug_extra");
        atomic_store(&phase, 2);
        wait_phase(4);
        /* The library was unloaded and loaded again: call the new one. */
        void *p = dlopen("libplug.so", RTLD_LAZY);
        int_fn e = p ? (int_fn)dlsym(p, "plug_extra") : 0;
        r->again = e ? e(100) : -1;
        if (p) dlclose(p);
        atomic_fetch_add(&done, 1);
        return;
    }
    wait_phase(2);
    int *tls = 0;
    switch (r->id) {
    case 0: tls = (int *)dlsym(plug, "plug_tls"); break; /* thread-local data first */
    case 1: r->extra = extra(6); break;                  /* a slot dlsym gave elsewhere first */
    case 2: r->cb = cb(1); break;                        /* a static function first */
    }
    if (!tls) tls = (int *)dlsym(plug, "plug_tls");
    if (r->id != 2) r->cb = get_cb()(1);
    if (r->id != 1) r->extra = extra(6);
    r->tls1 = tls_next();
    r->tls2 = tls_next();
    r->own = tls == tls_addr() && *tls == 102;
    r->dep = dep(21);
    r->late = late(3);
    atomic_fetch_add(&done, 1);
}

int main(void) {
    struct result res[4];
    wasmlink_thread_t t[4];
    for (int i = 0; i < 4; i++) {
        res[i] = (struct result){ .id = i };
        if (wasmlink_thread_create(&t[i], worker, &res[i])) { printf("spawn failed\n"); return 1; }
    }
    /* Every thread runs before the load (a thread started after it instantiates it at start). */
    while (atomic_load(&started) < 4) sched_yield();
    plug = dlopen("libplug.so", RTLD_LAZY);
    if (!plug) { printf("dlopen libplug: %s\n", dlerror()); return 1; }
    void *latelib = dlopen("liblate.so", RTLD_LAZY | RTLD_GLOBAL);
    if (!latelib) { printf("dlopen liblate: %s\n", dlerror()); return 1; }
    get_cb = (cb_getter)dlsym(plug, "plug_cb");
    tls_next = (void_fn)dlsym(plug, "plug_tls_next");
    tls_addr = (addr_fn)dlsym(plug, "plug_tls_addr");
    dep = (int_fn)dlsym(plug, "plug_dep");
    late = (int_fn)dlsym(plug, "plug_late");
    cb = get_cb();
    printf("main: cb(1)=%d, own tls %d\n", cb(1), *tls_addr());
    atomic_store(&phase, 1);
    while (atomic_load(&done) < 3) sched_yield();
    dlclose(plug);
    atomic_store(&phase, 4);
    for (int i = 0; i < 4; i++) wasmlink_thread_join(t[i], 0);
    for (int i = 0; i < 3; i++)
        printf("thread %d: cb %d, tls %d %d own %d, dep %d, late %d, extra %d\n", res[i].id,
               res[i].cb, res[i].tls1, res[i].tls2, res[i].own, res[i].dep, res[i].late,
               res[i].extra);
    printf("thread 3: after unload and reload, plug_extra(100)=%d\n", res[3].again);
    dlclose(latelib);
    return 0;
}
