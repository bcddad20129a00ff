#include <stdio.h>
int a_count(int n); int b_half(int n);
int main(void) {
    long total = 0;
    for (int i = 0; i < 1000; i++) total += a_count(10) + b_half(7);
    printf("a_count(10)=%d b_half(7)=%d total=%ld\n", a_count(10), b_half(7), total);
    return 0;
}
