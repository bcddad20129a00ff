/* A library with thread-local state, loaded and unloaded while other threads compute. */
_Thread_local int calls = 40;
int plug_bump(void) { return ++calls; }
