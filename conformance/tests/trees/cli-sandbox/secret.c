/* A valid library in a directory the program is never given. */
#include <stdio.h>
__attribute__((constructor)) static void loaded(void) { puts("SECRET LIBRARY LOADED"); }
int value(void) { return 666; }
