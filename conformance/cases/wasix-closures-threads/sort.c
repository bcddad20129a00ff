/* A library that takes a comparator as a function pointer and calls it (an insertion sort), and
 * a function of every value type for call_dynamic. */
#include <stdint.h>

int sort_calls;

void sort_ints(int *a, int n, int (*cmp)(const void *, const void *)) {
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && cmp(&a[j - 1], &a[j]) > 0; j--) {
            int t = a[j];
            a[j] = a[j - 1];
            a[j - 1] = t;
        }
    sort_calls++;
}

int mix_calls;

double mix(int64_t a, float b, double c, int32_t d) {
    mix_calls++;
    return (double)a + b * 2 + c * 3 + d * 4;
}
