/* Loaded after libplug, RTLD_GLOBAL: libplug's call to late_fn binds to it lazily. */
int late_fn(int x) { return 10 * x; }
