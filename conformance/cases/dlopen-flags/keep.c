#include <stdio.h>
_Thread_local int tls_value = 5;
int keep_count;
int get_tls(void) { return tls_value; }
__attribute__((constructor)) static void init(void) { keep_count++; }
