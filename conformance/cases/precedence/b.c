#include <stdio.h>
const char *dup_fn(void) { return "b"; }
int dup_data = 2;
const char *only_ab(void) { return "b"; }
extern int dup_data;
void b_report(void) { printf("b reads dup_data=%d\n", dup_data); }
