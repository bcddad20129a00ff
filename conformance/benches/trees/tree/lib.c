/* A library of a benchmark tree, built with -DIDX=n: 20 functions and 20 data symbols, and
 * pointers to them in static data (relocations). */
#include <string.h>
#define CAT_(a, b, c) a##b##_##c
#define CAT(a, b, c) CAT_(a, b, c)
#define N(p, i) CAT(p, IDX, i)
#define DEF(i) int N(d, i) = i; int N(f, i)(int x) { return x + N(d, i) + (int)strlen(""); }
DEF(0) DEF(1) DEF(2) DEF(3) DEF(4) DEF(5) DEF(6) DEF(7) DEF(8) DEF(9)
DEF(10) DEF(11) DEF(12) DEF(13) DEF(14) DEF(15) DEF(16) DEF(17) DEF(18) DEF(19)
#define P(i) (void *)N(f, i), (void *)&N(d, i),
void *N(tab, 0)[] = { P(0) P(1) P(2) P(3) P(4) P(5) P(6) P(7) P(8) P(9)
                        P(10) P(11) P(12) P(13) P(14) P(15) P(16) P(17) P(18) P(19) };
