/* Loaded and unloaded by the second thread. */
_Thread_local int first_tls = 7;
int first_get(void) { return first_tls; }
