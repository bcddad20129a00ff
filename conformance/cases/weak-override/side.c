#include <stdio.h>
__attribute__((weak)) const char *hook(void) { return "weak default in the library"; }
__attribute__((weak)) int tunable = 1;
const char *hook(void);
void side_report(void) { printf("library sees hook=%s tunable=%d\n", hook(), tunable); }
