#include <stdio.h>
_Thread_local int tls_counter = 40;
_Thread_local char tls_name[8] = "tls";
int *tls_addr(void) { return &tls_counter; }
int bump(void) { return ++tls_counter; }
