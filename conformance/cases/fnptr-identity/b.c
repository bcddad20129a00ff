#include <stdio.h>
int shared_fn(int x);
void *b_shared(void) { return (void *)shared_fn; }
void *b_puts(void) { return (void *)puts; }
