/* A valid library that no mount shows: the guest must not be able to load it. */
#include <stdio.h>
__attribute__((constructor)) static void loaded(void) { puts("SECRET LIBRARY LOADED"); }
int secret_value(void) { return 666; }
