#include <stdio.h>
const char *a_calls_which(void);
int main(void) { printf("a bound which() to %s\n", a_calls_which()); return 0; }
