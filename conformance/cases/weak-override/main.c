#include <stdio.h>
const char *hook(void) { return "strong definition in main"; }
int tunable = 99;
void side_report(void);
int main(void) { side_report(); printf("main sees hook=%s tunable=%d\n", hook(), tunable); return 0; }
