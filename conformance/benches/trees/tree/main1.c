/* Benchmark tree main: references every function and data symbol of its libraries. */
#include <stdio.h>
extern int d0_0; int f0_0(int);
extern int d0_1; int f0_1(int);
extern int d0_2; int f0_2(int);
extern int d0_3; int f0_3(int);
extern int d0_4; int f0_4(int);
extern int d0_5; int f0_5(int);
extern int d0_6; int f0_6(int);
extern int d0_7; int f0_7(int);
extern int d0_8; int f0_8(int);
extern int d0_9; int f0_9(int);
extern int d0_10; int f0_10(int);
extern int d0_11; int f0_11(int);
extern int d0_12; int f0_12(int);
extern int d0_13; int f0_13(int);
extern int d0_14; int f0_14(int);
extern int d0_15; int f0_15(int);
extern int d0_16; int f0_16(int);
extern int d0_17; int f0_17(int);
extern int d0_18; int f0_18(int);
extern int d0_19; int f0_19(int);
void *all_refs[] = {
(void *)f0_0, (void *)&d0_0,
(void *)f0_1, (void *)&d0_1,
(void *)f0_2, (void *)&d0_2,
(void *)f0_3, (void *)&d0_3,
(void *)f0_4, (void *)&d0_4,
(void *)f0_5, (void *)&d0_5,
(void *)f0_6, (void *)&d0_6,
(void *)f0_7, (void *)&d0_7,
(void *)f0_8, (void *)&d0_8,
(void *)f0_9, (void *)&d0_9,
(void *)f0_10, (void *)&d0_10,
(void *)f0_11, (void *)&d0_11,
(void *)f0_12, (void *)&d0_12,
(void *)f0_13, (void *)&d0_13,
(void *)f0_14, (void *)&d0_14,
(void *)f0_15, (void *)&d0_15,
(void *)f0_16, (void *)&d0_16,
(void *)f0_17, (void *)&d0_17,
(void *)f0_18, (void *)&d0_18,
(void *)f0_19, (void *)&d0_19
};
int main(void) { printf("%d\n", all_refs[1] != 0); return 0; }
