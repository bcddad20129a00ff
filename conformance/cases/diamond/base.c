#include <stdio.h>
int base_inits;
int base_counter;
__attribute__((constructor)) static void base_init(void) { base_inits++; }
int base_next(void) { return ++base_counter; }
