#include <stdio.h>
int opened;
__attribute__((constructor)) static void init(void) { opened++; printf("constructor runs once\n"); }
int plugin_opened(void) { return opened; }
