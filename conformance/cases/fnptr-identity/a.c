#include <stdio.h>
int shared_fn(int x) { return x + 1; }
void *a_shared(void) { return (void *)shared_fn; }
void *a_puts(void) { return (void *)puts; }
