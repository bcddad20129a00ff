_Thread_local int tls_value = 5;
int shared_value = 42;
int *tls_addr(void) { return &tls_value; }
int side_inc(int x) { return x + 1; }
