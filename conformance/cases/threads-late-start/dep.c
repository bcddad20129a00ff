/* A dependency the plugin calls directly: a thread instantiating the plugin needs it first. */
int dep_twice(int x) { return 2 * x; }
