#include <stdio.h>
#include <stdlib.h>
void side_sort(int *v, size_t n);
int (*side_comparator(void))(const void *, const void *);
/* Calls any function pointer: the embedder test hands it host closures. */
int call_ptr(int (*f)(int), int x) { return f(x); }
int main(void) {
    int v[] = {3, 9, 1, 7, 5};
    side_sort(v, 5);
    printf("%d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);
    int w[] = {2, 8, 4};
    qsort(w, 3, sizeof *w, side_comparator());
    printf("%d %d %d\n", w[0], w[1], w[2]);
    return 0;
}
