#include <stdio.h>
int link_1(int);
int main(void) { printf("sum through 10 libraries: %d\n", link_1(0)); return 0; }
