/* A library with thread-local state, loaded and unloaded by one thread while others wait. */
_Thread_local int calls = 40;
int plug_bump(void) { return ++calls; }
