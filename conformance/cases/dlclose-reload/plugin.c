#include <stdio.h>
static int counter = 100;
__attribute__((constructor)) static void init(void) { printf("constructor, counter=%d\n", counter); }
int bump(void) { return ++counter; }
