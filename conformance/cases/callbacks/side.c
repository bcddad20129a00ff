#include <stdlib.h>
static int descending(const void *a, const void *b) { return *(const int *)b - *(const int *)a; }
/* Hands libc (in main) a pointer to a static function of this library. */
void side_sort(int *v, size_t n) { qsort(v, n, sizeof *v, descending); }
int (*side_comparator(void))(const void *, const void *) { return descending; }
