/* A plugin with thread-local state that calls its dependency. */
int dep_twice(int x);
_Thread_local int calls = 40;
int plug_bump(void) { return dep_twice(++calls) / 2; }
int *plug_calls(void) { return &calls; }
