int base_value = 40;
_Thread_local int base_tls = 5;
int base_add(int x) { return x + 2; }
int base_tls_get(void) { return base_tls; }
