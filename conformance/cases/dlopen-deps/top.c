#include <stdio.h>
extern int dep_ready;
int dep_add(int, int);
__attribute__((constructor)) static void init(void) { printf("top constructor (dep ready: %d)\n", dep_ready); }
int top_sum(int n) { int s = 0; for (int i = 1; i <= n; i++) s = dep_add(s, i); return s; }
