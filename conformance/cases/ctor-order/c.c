#include <stdio.h>
__attribute__((constructor)) static void c_init(void) { printf("ctor c\n"); }
