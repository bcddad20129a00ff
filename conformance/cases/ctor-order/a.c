#include <stdio.h>
extern int b_ready;
int a_ready;
__attribute__((constructor)) static void a_init(void) { a_ready = 1; printf("ctor a (b ready: %d)\n", b_ready); }
