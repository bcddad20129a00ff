/* A library the threads never call into. */
_Thread_local int other_state = 6;
int other_value(void) { return ++other_state; }
