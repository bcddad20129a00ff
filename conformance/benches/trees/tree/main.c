/* Benchmark tree main, built with -DNLIBS=1, 10, 100 or 1000: declares and takes the address of every
 * function and data symbol of libraries 0 .. NLIBS-1 (lib.c defines them: f<i>_<j>, d<i>_<j>). */
#include <stdio.h>

#define CAT(a, b) CAT_(a, b)
#define CAT_(a, b) a##b
/* `i` is expanded (a two-digit index is pasted from its digits) before it is pasted into names. */
#define DECL(i, j) DECL_(i, j)
#define DECL_(i, j) extern int d##i##_##j; int f##i##_##j(int);
#define REF(i, j) REF_(i, j)
#define REF_(i, j) (void *)f##i##_##j, (void *)&d##i##_##j,

#define LIB(M, i) M(i, 0) M(i, 1) M(i, 2) M(i, 3) M(i, 4) M(i, 5) M(i, 6) M(i, 7) M(i, 8) \
    M(i, 9) M(i, 10) M(i, 11) M(i, 12) M(i, 13) M(i, 14) M(i, 15) M(i, 16) M(i, 17) M(i, 18) M(i, 19)
#define TEN(M, a) LIB(M, CAT(a, 0)) LIB(M, CAT(a, 1)) LIB(M, CAT(a, 2)) LIB(M, CAT(a, 3)) \
    LIB(M, CAT(a, 4)) LIB(M, CAT(a, 5)) LIB(M, CAT(a, 6)) LIB(M, CAT(a, 7)) LIB(M, CAT(a, 8)) \
    LIB(M, CAT(a, 9))

#if NLIBS >= 10
#define LIBS_1_9(M) LIB(M, 1) LIB(M, 2) LIB(M, 3) LIB(M, 4) LIB(M, 5) LIB(M, 6) LIB(M, 7) \
    LIB(M, 8) LIB(M, 9)
#else
#define LIBS_1_9(M)
#endif
#if NLIBS >= 100
#define LIBS_10_99(M) TEN(M, 1) TEN(M, 2) TEN(M, 3) TEN(M, 4) TEN(M, 5) TEN(M, 6) TEN(M, 7) \
    TEN(M, 8) TEN(M, 9)
#else
#define LIBS_10_99(M)
#endif
#if NLIBS >= 1000
#define HUNDRED(M, a) TEN(M, CAT(a, 0)) TEN(M, CAT(a, 1)) TEN(M, CAT(a, 2)) TEN(M, CAT(a, 3)) \
    TEN(M, CAT(a, 4)) TEN(M, CAT(a, 5)) TEN(M, CAT(a, 6)) TEN(M, CAT(a, 7)) TEN(M, CAT(a, 8)) \
    TEN(M, CAT(a, 9))
#define LIBS_100_999(M) HUNDRED(M, 1) HUNDRED(M, 2) HUNDRED(M, 3) HUNDRED(M, 4) HUNDRED(M, 5) \
    HUNDRED(M, 6) HUNDRED(M, 7) HUNDRED(M, 8) HUNDRED(M, 9)
#else
#define LIBS_100_999(M)
#endif
#define ALL(M) LIB(M, 0) LIBS_1_9(M) LIBS_10_99(M) LIBS_100_999(M)

ALL(DECL)
void *all_refs[] = {ALL(REF)};
int main(void) { printf("%d\n", all_refs[1] != 0); return 0; }
