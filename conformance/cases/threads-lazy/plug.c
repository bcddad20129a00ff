/* A library loaded while the worker threads run: each reaches it a different way first. */
extern int dep_twice(int);
extern int late_fn(int); /* defined by liblate.so, loaded later: bound on first call */

_Thread_local int plug_tls = 100;
int plug_data = 7;

static int cb_impl(int x) { return x + plug_data; }
typedef int (*cb_t)(int);

cb_t plug_cb(void) { return cb_impl; }
int plug_tls_next(void) { return ++plug_tls; }
int *plug_tls_addr(void) { return &plug_tls; }
int plug_dep(int x) { return dep_twice(x); }
int plug_late(int x) { return late_fn(x); }
int plug_extra(int x) { return x - 1; }
