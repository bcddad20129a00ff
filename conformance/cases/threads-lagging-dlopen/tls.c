/* Loaded by the main thread after it missed an unload. */
_Thread_local int tls_value = 31;
int tls_data = 926;
int tls_get(void) { return tls_value; }
int tls_add(int d) { tls_value += d; return tls_value; }
