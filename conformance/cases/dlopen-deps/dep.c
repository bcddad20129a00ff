#include <stdio.h>
int dep_ready;
__attribute__((constructor)) static void init(void) { dep_ready = 1; printf("dep constructor\n"); }
int dep_add(int a, int b) { return a + b; }
