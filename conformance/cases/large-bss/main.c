#include <stdio.h>
#include <stdlib.h>
unsigned long fill_and_sum(void);
int main(void) {
    char *p = malloc(1 << 20);
    p[0] = 7; p[(1 << 20) - 1] = 9;
    printf("sum=%lu heap ok=%d\n", fill_and_sum(), p[0] + p[(1 << 20) - 1]);
    free(p);
    return 0;
}
