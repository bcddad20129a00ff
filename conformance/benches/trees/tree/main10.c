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
extern int d1_0; int f1_0(int);
extern int d1_1; int f1_1(int);
extern int d1_2; int f1_2(int);
extern int d1_3; int f1_3(int);
extern int d1_4; int f1_4(int);
extern int d1_5; int f1_5(int);
extern int d1_6; int f1_6(int);
extern int d1_7; int f1_7(int);
extern int d1_8; int f1_8(int);
extern int d1_9; int f1_9(int);
extern int d1_10; int f1_10(int);
extern int d1_11; int f1_11(int);
extern int d1_12; int f1_12(int);
extern int d1_13; int f1_13(int);
extern int d1_14; int f1_14(int);
extern int d1_15; int f1_15(int);
extern int d1_16; int f1_16(int);
extern int d1_17; int f1_17(int);
extern int d1_18; int f1_18(int);
extern int d1_19; int f1_19(int);
extern int d2_0; int f2_0(int);
extern int d2_1; int f2_1(int);
extern int d2_2; int f2_2(int);
extern int d2_3; int f2_3(int);
extern int d2_4; int f2_4(int);
extern int d2_5; int f2_5(int);
extern int d2_6; int f2_6(int);
extern int d2_7; int f2_7(int);
extern int d2_8; int f2_8(int);
extern int d2_9; int f2_9(int);
extern int d2_10; int f2_10(int);
extern int d2_11; int f2_11(int);
extern int d2_12; int f2_12(int);
extern int d2_13; int f2_13(int);
extern int d2_14; int f2_14(int);
extern int d2_15; int f2_15(int);
extern int d2_16; int f2_16(int);
extern int d2_17; int f2_17(int);
extern int d2_18; int f2_18(int);
extern int d2_19; int f2_19(int);
extern int d3_0; int f3_0(int);
extern int d3_1; int f3_1(int);
extern int d3_2; int f3_2(int);
extern int d3_3; int f3_3(int);
extern int d3_4; int f3_4(int);
extern int d3_5; int f3_5(int);
extern int d3_6; int f3_6(int);
extern int d3_7; int f3_7(int);
extern int d3_8; int f3_8(int);
extern int d3_9; int f3_9(int);
extern int d3_10; int f3_10(int);
extern int d3_11; int f3_11(int);
extern int d3_12; int f3_12(int);
extern int d3_13; int f3_13(int);
extern int d3_14; int f3_14(int);
extern int d3_15; int f3_15(int);
extern int d3_16; int f3_16(int);
extern int d3_17; int f3_17(int);
extern int d3_18; int f3_18(int);
extern int d3_19; int f3_19(int);
extern int d4_0; int f4_0(int);
extern int d4_1; int f4_1(int);
extern int d4_2; int f4_2(int);
extern int d4_3; int f4_3(int);
extern int d4_4; int f4_4(int);
extern int d4_5; int f4_5(int);
extern int d4_6; int f4_6(int);
extern int d4_7; int f4_7(int);
extern int d4_8; int f4_8(int);
extern int d4_9; int f4_9(int);
extern int d4_10; int f4_10(int);
extern int d4_11; int f4_11(int);
extern int d4_12; int f4_12(int);
extern int d4_13; int f4_13(int);
extern int d4_14; int f4_14(int);
extern int d4_15; int f4_15(int);
extern int d4_16; int f4_16(int);
extern int d4_17; int f4_17(int);
extern int d4_18; int f4_18(int);
extern int d4_19; int f4_19(int);
extern int d5_0; int f5_0(int);
extern int d5_1; int f5_1(int);
extern int d5_2; int f5_2(int);
extern int d5_3; int f5_3(int);
extern int d5_4; int f5_4(int);
extern int d5_5; int f5_5(int);
extern int d5_6; int f5_6(int);
extern int d5_7; int f5_7(int);
extern int d5_8; int f5_8(int);
extern int d5_9; int f5_9(int);
extern int d5_10; int f5_10(int);
extern int d5_11; int f5_11(int);
extern int d5_12; int f5_12(int);
extern int d5_13; int f5_13(int);
extern int d5_14; int f5_14(int);
extern int d5_15; int f5_15(int);
extern int d5_16; int f5_16(int);
extern int d5_17; int f5_17(int);
extern int d5_18; int f5_18(int);
extern int d5_19; int f5_19(int);
extern int d6_0; int f6_0(int);
extern int d6_1; int f6_1(int);
extern int d6_2; int f6_2(int);
extern int d6_3; int f6_3(int);
extern int d6_4; int f6_4(int);
extern int d6_5; int f6_5(int);
extern int d6_6; int f6_6(int);
extern int d6_7; int f6_7(int);
extern int d6_8; int f6_8(int);
extern int d6_9; int f6_9(int);
extern int d6_10; int f6_10(int);
extern int d6_11; int f6_11(int);
extern int d6_12; int f6_12(int);
extern int d6_13; int f6_13(int);
extern int d6_14; int f6_14(int);
extern int d6_15; int f6_15(int);
extern int d6_16; int f6_16(int);
extern int d6_17; int f6_17(int);
extern int d6_18; int f6_18(int);
extern int d6_19; int f6_19(int);
extern int d7_0; int f7_0(int);
extern int d7_1; int f7_1(int);
extern int d7_2; int f7_2(int);
extern int d7_3; int f7_3(int);
extern int d7_4; int f7_4(int);
extern int d7_5; int f7_5(int);
extern int d7_6; int f7_6(int);
extern int d7_7; int f7_7(int);
extern int d7_8; int f7_8(int);
extern int d7_9; int f7_9(int);
extern int d7_10; int f7_10(int);
extern int d7_11; int f7_11(int);
extern int d7_12; int f7_12(int);
extern int d7_13; int f7_13(int);
extern int d7_14; int f7_14(int);
extern int d7_15; int f7_15(int);
extern int d7_16; int f7_16(int);
extern int d7_17; int f7_17(int);
extern int d7_18; int f7_18(int);
extern int d7_19; int f7_19(int);
extern int d8_0; int f8_0(int);
extern int d8_1; int f8_1(int);
extern int d8_2; int f8_2(int);
extern int d8_3; int f8_3(int);
extern int d8_4; int f8_4(int);
extern int d8_5; int f8_5(int);
extern int d8_6; int f8_6(int);
extern int d8_7; int f8_7(int);
extern int d8_8; int f8_8(int);
extern int d8_9; int f8_9(int);
extern int d8_10; int f8_10(int);
extern int d8_11; int f8_11(int);
extern int d8_12; int f8_12(int);
extern int d8_13; int f8_13(int);
extern int d8_14; int f8_14(int);
extern int d8_15; int f8_15(int);
extern int d8_16; int f8_16(int);
extern int d8_17; int f8_17(int);
extern int d8_18; int f8_18(int);
extern int d8_19; int f8_19(int);
extern int d9_0; int f9_0(int);
extern int d9_1; int f9_1(int);
extern int d9_2; int f9_2(int);
extern int d9_3; int f9_3(int);
extern int d9_4; int f9_4(int);
extern int d9_5; int f9_5(int);
extern int d9_6; int f9_6(int);
extern int d9_7; int f9_7(int);
extern int d9_8; int f9_8(int);
extern int d9_9; int f9_9(int);
extern int d9_10; int f9_10(int);
extern int d9_11; int f9_11(int);
extern int d9_12; int f9_12(int);
extern int d9_13; int f9_13(int);
extern int d9_14; int f9_14(int);
extern int d9_15; int f9_15(int);
extern int d9_16; int f9_16(int);
extern int d9_17; int f9_17(int);
extern int d9_18; int f9_18(int);
extern int d9_19; int f9_19(int);
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
(void *)f0_19, (void *)&d0_19,
(void *)f1_0, (void *)&d1_0,
(void *)f1_1, (void *)&d1_1,
(void *)f1_2, (void *)&d1_2,
(void *)f1_3, (void *)&d1_3,
(void *)f1_4, (void *)&d1_4,
(void *)f1_5, (void *)&d1_5,
(void *)f1_6, (void *)&d1_6,
(void *)f1_7, (void *)&d1_7,
(void *)f1_8, (void *)&d1_8,
(void *)f1_9, (void *)&d1_9,
(void *)f1_10, (void *)&d1_10,
(void *)f1_11, (void *)&d1_11,
(void *)f1_12, (void *)&d1_12,
(void *)f1_13, (void *)&d1_13,
(void *)f1_14, (void *)&d1_14,
(void *)f1_15, (void *)&d1_15,
(void *)f1_16, (void *)&d1_16,
(void *)f1_17, (void *)&d1_17,
(void *)f1_18, (void *)&d1_18,
(void *)f1_19, (void *)&d1_19,
(void *)f2_0, (void *)&d2_0,
(void *)f2_1, (void *)&d2_1,
(void *)f2_2, (void *)&d2_2,
(void *)f2_3, (void *)&d2_3,
(void *)f2_4, (void *)&d2_4,
(void *)f2_5, (void *)&d2_5,
(void *)f2_6, (void *)&d2_6,
(void *)f2_7, (void *)&d2_7,
(void *)f2_8, (void *)&d2_8,
(void *)f2_9, (void *)&d2_9,
(void *)f2_10, (void *)&d2_10,
(void *)f2_11, (void *)&d2_11,
(void *)f2_12, (void *)&d2_12,
(void *)f2_13, (void *)&d2_13,
(void *)f2_14, (void *)&d2_14,
(void *)f2_15, (void *)&d2_15,
(void *)f2_16, (void *)&d2_16,
(void *)f2_17, (void *)&d2_17,
(void *)f2_18, (void *)&d2_18,
(void *)f2_19, (void *)&d2_19,
(void *)f3_0, (void *)&d3_0,
(void *)f3_1, (void *)&d3_1,
(void *)f3_2, (void *)&d3_2,
(void *)f3_3, (void *)&d3_3,
(void *)f3_4, (void *)&d3_4,
(void *)f3_5, (void *)&d3_5,
(void *)f3_6, (void *)&d3_6,
(void *)f3_7, (void *)&d3_7,
(void *)f3_8, (void *)&d3_8,
(void *)f3_9, (void *)&d3_9,
(void *)f3_10, (void *)&d3_10,
(void *)f3_11, (void *)&d3_11,
(void *)f3_12, (void *)&d3_12,
(void *)f3_13, (void *)&d3_13,
(void *)f3_14, (void *)&d3_14,
(void *)f3_15, (void *)&d3_15,
(void *)f3_16, (void *)&d3_16,
(void *)f3_17, (void *)&d3_17,
(void *)f3_18, (void *)&d3_18,
(void *)f3_19, (void *)&d3_19,
(void *)f4_0, (void *)&d4_0,
(void *)f4_1, (void *)&d4_1,
(void *)f4_2, (void *)&d4_2,
(void *)f4_3, (void *)&d4_3,
(void *)f4_4, (void *)&d4_4,
(void *)f4_5, (void *)&d4_5,
(void *)f4_6, (void *)&d4_6,
(void *)f4_7, (void *)&d4_7,
(void *)f4_8, (void *)&d4_8,
(void *)f4_9, (void *)&d4_9,
(void *)f4_10, (void *)&d4_10,
(void *)f4_11, (void *)&d4_11,
(void *)f4_12, (void *)&d4_12,
(void *)f4_13, (void *)&d4_13,
(void *)f4_14, (void *)&d4_14,
(void *)f4_15, (void *)&d4_15,
(void *)f4_16, (void *)&d4_16,
(void *)f4_17, (void *)&d4_17,
(void *)f4_18, (void *)&d4_18,
(void *)f4_19, (void *)&d4_19,
(void *)f5_0, (void *)&d5_0,
(void *)f5_1, (void *)&d5_1,
(void *)f5_2, (void *)&d5_2,
(void *)f5_3, (void *)&d5_3,
(void *)f5_4, (void *)&d5_4,
(void *)f5_5, (void *)&d5_5,
(void *)f5_6, (void *)&d5_6,
(void *)f5_7, (void *)&d5_7,
(void *)f5_8, (void *)&d5_8,
(void *)f5_9, (void *)&d5_9,
(void *)f5_10, (void *)&d5_10,
(void *)f5_11, (void *)&d5_11,
(void *)f5_12, (void *)&d5_12,
(void *)f5_13, (void *)&d5_13,
(void *)f5_14, (void *)&d5_14,
(void *)f5_15, (void *)&d5_15,
(void *)f5_16, (void *)&d5_16,
(void *)f5_17, (void *)&d5_17,
(void *)f5_18, (void *)&d5_18,
(void *)f5_19, (void *)&d5_19,
(void *)f6_0, (void *)&d6_0,
(void *)f6_1, (void *)&d6_1,
(void *)f6_2, (void *)&d6_2,
(void *)f6_3, (void *)&d6_3,
(void *)f6_4, (void *)&d6_4,
(void *)f6_5, (void *)&d6_5,
(void *)f6_6, (void *)&d6_6,
(void *)f6_7, (void *)&d6_7,
(void *)f6_8, (void *)&d6_8,
(void *)f6_9, (void *)&d6_9,
(void *)f6_10, (void *)&d6_10,
(void *)f6_11, (void *)&d6_11,
(void *)f6_12, (void *)&d6_12,
(void *)f6_13, (void *)&d6_13,
(void *)f6_14, (void *)&d6_14,
(void *)f6_15, (void *)&d6_15,
(void *)f6_16, (void *)&d6_16,
(void *)f6_17, (void *)&d6_17,
(void *)f6_18, (void *)&d6_18,
(void *)f6_19, (void *)&d6_19,
(void *)f7_0, (void *)&d7_0,
(void *)f7_1, (void *)&d7_1,
(void *)f7_2, (void *)&d7_2,
(void *)f7_3, (void *)&d7_3,
(void *)f7_4, (void *)&d7_4,
(void *)f7_5, (void *)&d7_5,
(void *)f7_6, (void *)&d7_6,
(void *)f7_7, (void *)&d7_7,
(void *)f7_8, (void *)&d7_8,
(void *)f7_9, (void *)&d7_9,
(void *)f7_10, (void *)&d7_10,
(void *)f7_11, (void *)&d7_11,
(void *)f7_12, (void *)&d7_12,
(void *)f7_13, (void *)&d7_13,
(void *)f7_14, (void *)&d7_14,
(void *)f7_15, (void *)&d7_15,
(void *)f7_16, (void *)&d7_16,
(void *)f7_17, (void *)&d7_17,
(void *)f7_18, (void *)&d7_18,
(void *)f7_19, (void *)&d7_19,
(void *)f8_0, (void *)&d8_0,
(void *)f8_1, (void *)&d8_1,
(void *)f8_2, (void *)&d8_2,
(void *)f8_3, (void *)&d8_3,
(void *)f8_4, (void *)&d8_4,
(void *)f8_5, (void *)&d8_5,
(void *)f8_6, (void *)&d8_6,
(void *)f8_7, (void *)&d8_7,
(void *)f8_8, (void *)&d8_8,
(void *)f8_9, (void *)&d8_9,
(void *)f8_10, (void *)&d8_10,
(void *)f8_11, (void *)&d8_11,
(void *)f8_12, (void *)&d8_12,
(void *)f8_13, (void *)&d8_13,
(void *)f8_14, (void *)&d8_14,
(void *)f8_15, (void *)&d8_15,
(void *)f8_16, (void *)&d8_16,
(void *)f8_17, (void *)&d8_17,
(void *)f8_18, (void *)&d8_18,
(void *)f8_19, (void *)&d8_19,
(void *)f9_0, (void *)&d9_0,
(void *)f9_1, (void *)&d9_1,
(void *)f9_2, (void *)&d9_2,
(void *)f9_3, (void *)&d9_3,
(void *)f9_4, (void *)&d9_4,
(void *)f9_5, (void *)&d9_5,
(void *)f9_6, (void *)&d9_6,
(void *)f9_7, (void *)&d9_7,
(void *)f9_8, (void *)&d9_8,
(void *)f9_9, (void *)&d9_9,
(void *)f9_10, (void *)&d9_10,
(void *)f9_11, (void *)&d9_11,
(void *)f9_12, (void *)&d9_12,
(void *)f9_13, (void *)&d9_13,
(void *)f9_14, (void *)&d9_14,
(void *)f9_15, (void *)&d9_15,
(void *)f9_16, (void *)&d9_16,
(void *)f9_17, (void *)&d9_17,
(void *)f9_18, (void *)&d9_18,
(void *)f9_19, (void *)&d9_19
};
int main(void) { printf("%d\n", all_refs[1] != 0); return 0; }
