/* Bound directly by libplug: instantiating libplug in a thread needs this library first. */
int dep_twice(int x) { return 2 * x; }
