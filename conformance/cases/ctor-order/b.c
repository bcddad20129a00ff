#include <stdio.h>
int b_ready;
__attribute__((constructor)) static void b_init(void) { b_ready = 1; printf("ctor b\n"); }
