#include <stdio.h>
int plugin_data = 1234;
static int calls;
__attribute__((constructor)) static void init(void) { printf("plugin constructor\n"); }
int plugin_twice(int x) { calls++; return 2 * x + calls - 1; }
