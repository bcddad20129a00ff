#include <stdio.h>
int a_calls_b(void);
int b_calls_a(void);
int main(void) {
    printf("a calls b: %d, b calls a: %d\n", a_calls_b(), b_calls_a());
    return 0;
}
