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
extern int d10_0; int f10_0(int);
extern int d10_1; int f10_1(int);
extern int d10_2; int f10_2(int);
extern int d10_3; int f10_3(int);
extern int d10_4; int f10_4(int);
extern int d10_5; int f10_5(int);
extern int d10_6; int f10_6(int);
extern int d10_7; int f10_7(int);
extern int d10_8; int f10_8(int);
extern int d10_9; int f10_9(int);
extern int d10_10; int f10_10(int);
extern int d10_11; int f10_11(int);
extern int d10_12; int f10_12(int);
extern int d10_13; int f10_13(int);
extern int d10_14; int f10_14(int);
extern int d10_15; int f10_15(int);
extern int d10_16; int f10_16(int);
extern int d10_17; int f10_17(int);
extern int d10_18; int f10_18(int);
extern int d10_19; int f10_19(int);
extern int d11_0; int f11_0(int);
extern int d11_1; int f11_1(int);
extern int d11_2; int f11_2(int);
extern int d11_3; int f11_3(int);
extern int d11_4; int f11_4(int);
extern int d11_5; int f11_5(int);
extern int d11_6; int f11_6(int);
extern int d11_7; int f11_7(int);
extern int d11_8; int f11_8(int);
extern int d11_9; int f11_9(int);
extern int d11_10; int f11_10(int);
extern int d11_11; int f11_11(int);
extern int d11_12; int f11_12(int);
extern int d11_13; int f11_13(int);
extern int d11_14; int f11_14(int);
extern int d11_15; int f11_15(int);
extern int d11_16; int f11_16(int);
extern int d11_17; int f11_17(int);
extern int d11_18; int f11_18(int);
extern int d11_19; int f11_19(int);
extern int d12_0; int f12_0(int);
extern int d12_1; int f12_1(int);
extern int d12_2; int f12_2(int);
extern int d12_3; int f12_3(int);
extern int d12_4; int f12_4(int);
extern int d12_5; int f12_5(int);
extern int d12_6; int f12_6(int);
extern int d12_7; int f12_7(int);
extern int d12_8; int f12_8(int);
extern int d12_9; int f12_9(int);
extern int d12_10; int f12_10(int);
extern int d12_11; int f12_11(int);
extern int d12_12; int f12_12(int);
extern int d12_13; int f12_13(int);
extern int d12_14; int f12_14(int);
extern int d12_15; int f12_15(int);
extern int d12_16; int f12_16(int);
extern int d12_17; int f12_17(int);
extern int d12_18; int f12_18(int);
extern int d12_19; int f12_19(int);
extern int d13_0; int f13_0(int);
extern int d13_1; int f13_1(int);
extern int d13_2; int f13_2(int);
extern int d13_3; int f13_3(int);
extern int d13_4; int f13_4(int);
extern int d13_5; int f13_5(int);
extern int d13_6; int f13_6(int);
extern int d13_7; int f13_7(int);
extern int d13_8; int f13_8(int);
extern int d13_9; int f13_9(int);
extern int d13_10; int f13_10(int);
extern int d13_11; int f13_11(int);
extern int d13_12; int f13_12(int);
extern int d13_13; int f13_13(int);
extern int d13_14; int f13_14(int);
extern int d13_15; int f13_15(int);
extern int d13_16; int f13_16(int);
extern int d13_17; int f13_17(int);
extern int d13_18; int f13_18(int);
extern int d13_19; int f13_19(int);
extern int d14_0; int f14_0(int);
extern int d14_1; int f14_1(int);
extern int d14_2; int f14_2(int);
extern int d14_3; int f14_3(int);
extern int d14_4; int f14_4(int);
extern int d14_5; int f14_5(int);
extern int d14_6; int f14_6(int);
extern int d14_7; int f14_7(int);
extern int d14_8; int f14_8(int);
extern int d14_9; int f14_9(int);
extern int d14_10; int f14_10(int);
extern int d14_11; int f14_11(int);
extern int d14_12; int f14_12(int);
extern int d14_13; int f14_13(int);
extern int d14_14; int f14_14(int);
extern int d14_15; int f14_15(int);
extern int d14_16; int f14_16(int);
extern int d14_17; int f14_17(int);
extern int d14_18; int f14_18(int);
extern int d14_19; int f14_19(int);
extern int d15_0; int f15_0(int);
extern int d15_1; int f15_1(int);
extern int d15_2; int f15_2(int);
extern int d15_3; int f15_3(int);
extern int d15_4; int f15_4(int);
extern int d15_5; int f15_5(int);
extern int d15_6; int f15_6(int);
extern int d15_7; int f15_7(int);
extern int d15_8; int f15_8(int);
extern int d15_9; int f15_9(int);
extern int d15_10; int f15_10(int);
extern int d15_11; int f15_11(int);
extern int d15_12; int f15_12(int);
extern int d15_13; int f15_13(int);
extern int d15_14; int f15_14(int);
extern int d15_15; int f15_15(int);
extern int d15_16; int f15_16(int);
extern int d15_17; int f15_17(int);
extern int d15_18; int f15_18(int);
extern int d15_19; int f15_19(int);
extern int d16_0; int f16_0(int);
extern int d16_1; int f16_1(int);
extern int d16_2; int f16_2(int);
extern int d16_3; int f16_3(int);
extern int d16_4; int f16_4(int);
extern int d16_5; int f16_5(int);
extern int d16_6; int f16_6(int);
extern int d16_7; int f16_7(int);
extern int d16_8; int f16_8(int);
extern int d16_9; int f16_9(int);
extern int d16_10; int f16_10(int);
extern int d16_11; int f16_11(int);
extern int d16_12; int f16_12(int);
extern int d16_13; int f16_13(int);
extern int d16_14; int f16_14(int);
extern int d16_15; int f16_15(int);
extern int d16_16; int f16_16(int);
extern int d16_17; int f16_17(int);
extern int d16_18; int f16_18(int);
extern int d16_19; int f16_19(int);
extern int d17_0; int f17_0(int);
extern int d17_1; int f17_1(int);
extern int d17_2; int f17_2(int);
extern int d17_3; int f17_3(int);
extern int d17_4; int f17_4(int);
extern int d17_5; int f17_5(int);
extern int d17_6; int f17_6(int);
extern int d17_7; int f17_7(int);
extern int d17_8; int f17_8(int);
extern int d17_9; int f17_9(int);
extern int d17_10; int f17_10(int);
extern int d17_11; int f17_11(int);
extern int d17_12; int f17_12(int);
extern int d17_13; int f17_13(int);
extern int d17_14; int f17_14(int);
extern int d17_15; int f17_15(int);
extern int d17_16; int f17_16(int);
extern int d17_17; int f17_17(int);
extern int d17_18; int f17_18(int);
extern int d17_19; int f17_19(int);
extern int d18_0; int f18_0(int);
extern int d18_1; int f18_1(int);
extern int d18_2; int f18_2(int);
extern int d18_3; int f18_3(int);
extern int d18_4; int f18_4(int);
extern int d18_5; int f18_5(int);
extern int d18_6; int f18_6(int);
extern int d18_7; int f18_7(int);
extern int d18_8; int f18_8(int);
extern int d18_9; int f18_9(int);
extern int d18_10; int f18_10(int);
extern int d18_11; int f18_11(int);
extern int d18_12; int f18_12(int);
extern int d18_13; int f18_13(int);
extern int d18_14; int f18_14(int);
extern int d18_15; int f18_15(int);
extern int d18_16; int f18_16(int);
extern int d18_17; int f18_17(int);
extern int d18_18; int f18_18(int);
extern int d18_19; int f18_19(int);
extern int d19_0; int f19_0(int);
extern int d19_1; int f19_1(int);
extern int d19_2; int f19_2(int);
extern int d19_3; int f19_3(int);
extern int d19_4; int f19_4(int);
extern int d19_5; int f19_5(int);
extern int d19_6; int f19_6(int);
extern int d19_7; int f19_7(int);
extern int d19_8; int f19_8(int);
extern int d19_9; int f19_9(int);
extern int d19_10; int f19_10(int);
extern int d19_11; int f19_11(int);
extern int d19_12; int f19_12(int);
extern int d19_13; int f19_13(int);
extern int d19_14; int f19_14(int);
extern int d19_15; int f19_15(int);
extern int d19_16; int f19_16(int);
extern int d19_17; int f19_17(int);
extern int d19_18; int f19_18(int);
extern int d19_19; int f19_19(int);
extern int d20_0; int f20_0(int);
extern int d20_1; int f20_1(int);
extern int d20_2; int f20_2(int);
extern int d20_3; int f20_3(int);
extern int d20_4; int f20_4(int);
extern int d20_5; int f20_5(int);
extern int d20_6; int f20_6(int);
extern int d20_7; int f20_7(int);
extern int d20_8; int f20_8(int);
extern int d20_9; int f20_9(int);
extern int d20_10; int f20_10(int);
extern int d20_11; int f20_11(int);
extern int d20_12; int f20_12(int);
extern int d20_13; int f20_13(int);
extern int d20_14; int f20_14(int);
extern int d20_15; int f20_15(int);
extern int d20_16; int f20_16(int);
extern int d20_17; int f20_17(int);
extern int d20_18; int f20_18(int);
extern int d20_19; int f20_19(int);
extern int d21_0; int f21_0(int);
extern int d21_1; int f21_1(int);
extern int d21_2; int f21_2(int);
extern int d21_3; int f21_3(int);
extern int d21_4; int f21_4(int);
extern int d21_5; int f21_5(int);
extern int d21_6; int f21_6(int);
extern int d21_7; int f21_7(int);
extern int d21_8; int f21_8(int);
extern int d21_9; int f21_9(int);
extern int d21_10; int f21_10(int);
extern int d21_11; int f21_11(int);
extern int d21_12; int f21_12(int);
extern int d21_13; int f21_13(int);
extern int d21_14; int f21_14(int);
extern int d21_15; int f21_15(int);
extern int d21_16; int f21_16(int);
extern int d21_17; int f21_17(int);
extern int d21_18; int f21_18(int);
extern int d21_19; int f21_19(int);
extern int d22_0; int f22_0(int);
extern int d22_1; int f22_1(int);
extern int d22_2; int f22_2(int);
extern int d22_3; int f22_3(int);
extern int d22_4; int f22_4(int);
extern int d22_5; int f22_5(int);
extern int d22_6; int f22_6(int);
extern int d22_7; int f22_7(int);
extern int d22_8; int f22_8(int);
extern int d22_9; int f22_9(int);
extern int d22_10; int f22_10(int);
extern int d22_11; int f22_11(int);
extern int d22_12; int f22_12(int);
extern int d22_13; int f22_13(int);
extern int d22_14; int f22_14(int);
extern int d22_15; int f22_15(int);
extern int d22_16; int f22_16(int);
extern int d22_17; int f22_17(int);
extern int d22_18; int f22_18(int);
extern int d22_19; int f22_19(int);
extern int d23_0; int f23_0(int);
extern int d23_1; int f23_1(int);
extern int d23_2; int f23_2(int);
extern int d23_3; int f23_3(int);
extern int d23_4; int f23_4(int);
extern int d23_5; int f23_5(int);
extern int d23_6; int f23_6(int);
extern int d23_7; int f23_7(int);
extern int d23_8; int f23_8(int);
extern int d23_9; int f23_9(int);
extern int d23_10; int f23_10(int);
extern int d23_11; int f23_11(int);
extern int d23_12; int f23_12(int);
extern int d23_13; int f23_13(int);
extern int d23_14; int f23_14(int);
extern int d23_15; int f23_15(int);
extern int d23_16; int f23_16(int);
extern int d23_17; int f23_17(int);
extern int d23_18; int f23_18(int);
extern int d23_19; int f23_19(int);
extern int d24_0; int f24_0(int);
extern int d24_1; int f24_1(int);
extern int d24_2; int f24_2(int);
extern int d24_3; int f24_3(int);
extern int d24_4; int f24_4(int);
extern int d24_5; int f24_5(int);
extern int d24_6; int f24_6(int);
extern int d24_7; int f24_7(int);
extern int d24_8; int f24_8(int);
extern int d24_9; int f24_9(int);
extern int d24_10; int f24_10(int);
extern int d24_11; int f24_11(int);
extern int d24_12; int f24_12(int);
extern int d24_13; int f24_13(int);
extern int d24_14; int f24_14(int);
extern int d24_15; int f24_15(int);
extern int d24_16; int f24_16(int);
extern int d24_17; int f24_17(int);
extern int d24_18; int f24_18(int);
extern int d24_19; int f24_19(int);
extern int d25_0; int f25_0(int);
extern int d25_1; int f25_1(int);
extern int d25_2; int f25_2(int);
extern int d25_3; int f25_3(int);
extern int d25_4; int f25_4(int);
extern int d25_5; int f25_5(int);
extern int d25_6; int f25_6(int);
extern int d25_7; int f25_7(int);
extern int d25_8; int f25_8(int);
extern int d25_9; int f25_9(int);
extern int d25_10; int f25_10(int);
extern int d25_11; int f25_11(int);
extern int d25_12; int f25_12(int);
extern int d25_13; int f25_13(int);
extern int d25_14; int f25_14(int);
extern int d25_15; int f25_15(int);
extern int d25_16; int f25_16(int);
extern int d25_17; int f25_17(int);
extern int d25_18; int f25_18(int);
extern int d25_19; int f25_19(int);
extern int d26_0; int f26_0(int);
extern int d26_1; int f26_1(int);
extern int d26_2; int f26_2(int);
extern int d26_3; int f26_3(int);
extern int d26_4; int f26_4(int);
extern int d26_5; int f26_5(int);
extern int d26_6; int f26_6(int);
extern int d26_7; int f26_7(int);
extern int d26_8; int f26_8(int);
extern int d26_9; int f26_9(int);
extern int d26_10; int f26_10(int);
extern int d26_11; int f26_11(int);
extern int d26_12; int f26_12(int);
extern int d26_13; int f26_13(int);
extern int d26_14; int f26_14(int);
extern int d26_15; int f26_15(int);
extern int d26_16; int f26_16(int);
extern int d26_17; int f26_17(int);
extern int d26_18; int f26_18(int);
extern int d26_19; int f26_19(int);
extern int d27_0; int f27_0(int);
extern int d27_1; int f27_1(int);
extern int d27_2; int f27_2(int);
extern int d27_3; int f27_3(int);
extern int d27_4; int f27_4(int);
extern int d27_5; int f27_5(int);
extern int d27_6; int f27_6(int);
extern int d27_7; int f27_7(int);
extern int d27_8; int f27_8(int);
extern int d27_9; int f27_9(int);
extern int d27_10; int f27_10(int);
extern int d27_11; int f27_11(int);
extern int d27_12; int f27_12(int);
extern int d27_13; int f27_13(int);
extern int d27_14; int f27_14(int);
extern int d27_15; int f27_15(int);
extern int d27_16; int f27_16(int);
extern int d27_17; int f27_17(int);
extern int d27_18; int f27_18(int);
extern int d27_19; int f27_19(int);
extern int d28_0; int f28_0(int);
extern int d28_1; int f28_1(int);
extern int d28_2; int f28_2(int);
extern int d28_3; int f28_3(int);
extern int d28_4; int f28_4(int);
extern int d28_5; int f28_5(int);
extern int d28_6; int f28_6(int);
extern int d28_7; int f28_7(int);
extern int d28_8; int f28_8(int);
extern int d28_9; int f28_9(int);
extern int d28_10; int f28_10(int);
extern int d28_11; int f28_11(int);
extern int d28_12; int f28_12(int);
extern int d28_13; int f28_13(int);
extern int d28_14; int f28_14(int);
extern int d28_15; int f28_15(int);
extern int d28_16; int f28_16(int);
extern int d28_17; int f28_17(int);
extern int d28_18; int f28_18(int);
extern int d28_19; int f28_19(int);
extern int d29_0; int f29_0(int);
extern int d29_1; int f29_1(int);
extern int d29_2; int f29_2(int);
extern int d29_3; int f29_3(int);
extern int d29_4; int f29_4(int);
extern int d29_5; int f29_5(int);
extern int d29_6; int f29_6(int);
extern int d29_7; int f29_7(int);
extern int d29_8; int f29_8(int);
extern int d29_9; int f29_9(int);
extern int d29_10; int f29_10(int);
extern int d29_11; int f29_11(int);
extern int d29_12; int f29_12(int);
extern int d29_13; int f29_13(int);
extern int d29_14; int f29_14(int);
extern int d29_15; int f29_15(int);
extern int d29_16; int f29_16(int);
extern int d29_17; int f29_17(int);
extern int d29_18; int f29_18(int);
extern int d29_19; int f29_19(int);
extern int d30_0; int f30_0(int);
extern int d30_1; int f30_1(int);
extern int d30_2; int f30_2(int);
extern int d30_3; int f30_3(int);
extern int d30_4; int f30_4(int);
extern int d30_5; int f30_5(int);
extern int d30_6; int f30_6(int);
extern int d30_7; int f30_7(int);
extern int d30_8; int f30_8(int);
extern int d30_9; int f30_9(int);
extern int d30_10; int f30_10(int);
extern int d30_11; int f30_11(int);
extern int d30_12; int f30_12(int);
extern int d30_13; int f30_13(int);
extern int d30_14; int f30_14(int);
extern int d30_15; int f30_15(int);
extern int d30_16; int f30_16(int);
extern int d30_17; int f30_17(int);
extern int d30_18; int f30_18(int);
extern int d30_19; int f30_19(int);
extern int d31_0; int f31_0(int);
extern int d31_1; int f31_1(int);
extern int d31_2; int f31_2(int);
extern int d31_3; int f31_3(int);
extern int d31_4; int f31_4(int);
extern int d31_5; int f31_5(int);
extern int d31_6; int f31_6(int);
extern int d31_7; int f31_7(int);
extern int d31_8; int f31_8(int);
extern int d31_9; int f31_9(int);
extern int d31_10; int f31_10(int);
extern int d31_11; int f31_11(int);
extern int d31_12; int f31_12(int);
extern int d31_13; int f31_13(int);
extern int d31_14; int f31_14(int);
extern int d31_15; int f31_15(int);
extern int d31_16; int f31_16(int);
extern int d31_17; int f31_17(int);
extern int d31_18; int f31_18(int);
extern int d31_19; int f31_19(int);
extern int d32_0; int f32_0(int);
extern int d32_1; int f32_1(int);
extern int d32_2; int f32_2(int);
extern int d32_3; int f32_3(int);
extern int d32_4; int f32_4(int);
extern int d32_5; int f32_5(int);
extern int d32_6; int f32_6(int);
extern int d32_7; int f32_7(int);
extern int d32_8; int f32_8(int);
extern int d32_9; int f32_9(int);
extern int d32_10; int f32_10(int);
extern int d32_11; int f32_11(int);
extern int d32_12; int f32_12(int);
extern int d32_13; int f32_13(int);
extern int d32_14; int f32_14(int);
extern int d32_15; int f32_15(int);
extern int d32_16; int f32_16(int);
extern int d32_17; int f32_17(int);
extern int d32_18; int f32_18(int);
extern int d32_19; int f32_19(int);
extern int d33_0; int f33_0(int);
extern int d33_1; int f33_1(int);
extern int d33_2; int f33_2(int);
extern int d33_3; int f33_3(int);
extern int d33_4; int f33_4(int);
extern int d33_5; int f33_5(int);
extern int d33_6; int f33_6(int);
extern int d33_7; int f33_7(int);
extern int d33_8; int f33_8(int);
extern int d33_9; int f33_9(int);
extern int d33_10; int f33_10(int);
extern int d33_11; int f33_11(int);
extern int d33_12; int f33_12(int);
extern int d33_13; int f33_13(int);
extern int d33_14; int f33_14(int);
extern int d33_15; int f33_15(int);
extern int d33_16; int f33_16(int);
extern int d33_17; int f33_17(int);
extern int d33_18; int f33_18(int);
extern int d33_19; int f33_19(int);
extern int d34_0; int f34_0(int);
extern int d34_1; int f34_1(int);
extern int d34_2; int f34_2(int);
extern int d34_3; int f34_3(int);
extern int d34_4; int f34_4(int);
extern int d34_5; int f34_5(int);
extern int d34_6; int f34_6(int);
extern int d34_7; int f34_7(int);
extern int d34_8; int f34_8(int);
extern int d34_9; int f34_9(int);
extern int d34_10; int f34_10(int);
extern int d34_11; int f34_11(int);
extern int d34_12; int f34_12(int);
extern int d34_13; int f34_13(int);
extern int d34_14; int f34_14(int);
extern int d34_15; int f34_15(int);
extern int d34_16; int f34_16(int);
extern int d34_17; int f34_17(int);
extern int d34_18; int f34_18(int);
extern int d34_19; int f34_19(int);
extern int d35_0; int f35_0(int);
extern int d35_1; int f35_1(int);
extern int d35_2; int f35_2(int);
extern int d35_3; int f35_3(int);
extern int d35_4; int f35_4(int);
extern int d35_5; int f35_5(int);
extern int d35_6; int f35_6(int);
extern int d35_7; int f35_7(int);
extern int d35_8; int f35_8(int);
extern int d35_9; int f35_9(int);
extern int d35_10; int f35_10(int);
extern int d35_11; int f35_11(int);
extern int d35_12; int f35_12(int);
extern int d35_13; int f35_13(int);
extern int d35_14; int f35_14(int);
extern int d35_15; int f35_15(int);
extern int d35_16; int f35_16(int);
extern int d35_17; int f35_17(int);
extern int d35_18; int f35_18(int);
extern int d35_19; int f35_19(int);
extern int d36_0; int f36_0(int);
extern int d36_1; int f36_1(int);
extern int d36_2; int f36_2(int);
extern int d36_3; int f36_3(int);
extern int d36_4; int f36_4(int);
extern int d36_5; int f36_5(int);
extern int d36_6; int f36_6(int);
extern int d36_7; int f36_7(int);
extern int d36_8; int f36_8(int);
extern int d36_9; int f36_9(int);
extern int d36_10; int f36_10(int);
extern int d36_11; int f36_11(int);
extern int d36_12; int f36_12(int);
extern int d36_13; int f36_13(int);
extern int d36_14; int f36_14(int);
extern int d36_15; int f36_15(int);
extern int d36_16; int f36_16(int);
extern int d36_17; int f36_17(int);
extern int d36_18; int f36_18(int);
extern int d36_19; int f36_19(int);
extern int d37_0; int f37_0(int);
extern int d37_1; int f37_1(int);
extern int d37_2; int f37_2(int);
extern int d37_3; int f37_3(int);
extern int d37_4; int f37_4(int);
extern int d37_5; int f37_5(int);
extern int d37_6; int f37_6(int);
extern int d37_7; int f37_7(int);
extern int d37_8; int f37_8(int);
extern int d37_9; int f37_9(int);
extern int d37_10; int f37_10(int);
extern int d37_11; int f37_11(int);
extern int d37_12; int f37_12(int);
extern int d37_13; int f37_13(int);
extern int d37_14; int f37_14(int);
extern int d37_15; int f37_15(int);
extern int d37_16; int f37_16(int);
extern int d37_17; int f37_17(int);
extern int d37_18; int f37_18(int);
extern int d37_19; int f37_19(int);
extern int d38_0; int f38_0(int);
extern int d38_1; int f38_1(int);
extern int d38_2; int f38_2(int);
extern int d38_3; int f38_3(int);
extern int d38_4; int f38_4(int);
extern int d38_5; int f38_5(int);
extern int d38_6; int f38_6(int);
extern int d38_7; int f38_7(int);
extern int d38_8; int f38_8(int);
extern int d38_9; int f38_9(int);
extern int d38_10; int f38_10(int);
extern int d38_11; int f38_11(int);
extern int d38_12; int f38_12(int);
extern int d38_13; int f38_13(int);
extern int d38_14; int f38_14(int);
extern int d38_15; int f38_15(int);
extern int d38_16; int f38_16(int);
extern int d38_17; int f38_17(int);
extern int d38_18; int f38_18(int);
extern int d38_19; int f38_19(int);
extern int d39_0; int f39_0(int);
extern int d39_1; int f39_1(int);
extern int d39_2; int f39_2(int);
extern int d39_3; int f39_3(int);
extern int d39_4; int f39_4(int);
extern int d39_5; int f39_5(int);
extern int d39_6; int f39_6(int);
extern int d39_7; int f39_7(int);
extern int d39_8; int f39_8(int);
extern int d39_9; int f39_9(int);
extern int d39_10; int f39_10(int);
extern int d39_11; int f39_11(int);
extern int d39_12; int f39_12(int);
extern int d39_13; int f39_13(int);
extern int d39_14; int f39_14(int);
extern int d39_15; int f39_15(int);
extern int d39_16; int f39_16(int);
extern int d39_17; int f39_17(int);
extern int d39_18; int f39_18(int);
extern int d39_19; int f39_19(int);
extern int d40_0; int f40_0(int);
extern int d40_1; int f40_1(int);
extern int d40_2; int f40_2(int);
extern int d40_3; int f40_3(int);
extern int d40_4; int f40_4(int);
extern int d40_5; int f40_5(int);
extern int d40_6; int f40_6(int);
extern int d40_7; int f40_7(int);
extern int d40_8; int f40_8(int);
extern int d40_9; int f40_9(int);
extern int d40_10; int f40_10(int);
extern int d40_11; int f40_11(int);
extern int d40_12; int f40_12(int);
extern int d40_13; int f40_13(int);
extern int d40_14; int f40_14(int);
extern int d40_15; int f40_15(int);
extern int d40_16; int f40_16(int);
extern int d40_17; int f40_17(int);
extern int d40_18; int f40_18(int);
extern int d40_19; int f40_19(int);
extern int d41_0; int f41_0(int);
extern int d41_1; int f41_1(int);
extern int d41_2; int f41_2(int);
extern int d41_3; int f41_3(int);
extern int d41_4; int f41_4(int);
extern int d41_5; int f41_5(int);
extern int d41_6; int f41_6(int);
extern int d41_7; int f41_7(int);
extern int d41_8; int f41_8(int);
extern int d41_9; int f41_9(int);
extern int d41_10; int f41_10(int);
extern int d41_11; int f41_11(int);
extern int d41_12; int f41_12(int);
extern int d41_13; int f41_13(int);
extern int d41_14; int f41_14(int);
extern int d41_15; int f41_15(int);
extern int d41_16; int f41_16(int);
extern int d41_17; int f41_17(int);
extern int d41_18; int f41_18(int);
extern int d41_19; int f41_19(int);
extern int d42_0; int f42_0(int);
extern int d42_1; int f42_1(int);
extern int d42_2; int f42_2(int);
extern int d42_3; int f42_3(int);
extern int d42_4; int f42_4(int);
extern int d42_5; int f42_5(int);
extern int d42_6; int f42_6(int);
extern int d42_7; int f42_7(int);
extern int d42_8; int f42_8(int);
extern int d42_9; int f42_9(int);
extern int d42_10; int f42_10(int);
extern int d42_11; int f42_11(int);
extern int d42_12; int f42_12(int);
extern int d42_13; int f42_13(int);
extern int d42_14; int f42_14(int);
extern int d42_15; int f42_15(int);
extern int d42_16; int f42_16(int);
extern int d42_17; int f42_17(int);
extern int d42_18; int f42_18(int);
extern int d42_19; int f42_19(int);
extern int d43_0; int f43_0(int);
extern int d43_1; int f43_1(int);
extern int d43_2; int f43_2(int);
extern int d43_3; int f43_3(int);
extern int d43_4; int f43_4(int);
extern int d43_5; int f43_5(int);
extern int d43_6; int f43_6(int);
extern int d43_7; int f43_7(int);
extern int d43_8; int f43_8(int);
extern int d43_9; int f43_9(int);
extern int d43_10; int f43_10(int);
extern int d43_11; int f43_11(int);
extern int d43_12; int f43_12(int);
extern int d43_13; int f43_13(int);
extern int d43_14; int f43_14(int);
extern int d43_15; int f43_15(int);
extern int d43_16; int f43_16(int);
extern int d43_17; int f43_17(int);
extern int d43_18; int f43_18(int);
extern int d43_19; int f43_19(int);
extern int d44_0; int f44_0(int);
extern int d44_1; int f44_1(int);
extern int d44_2; int f44_2(int);
extern int d44_3; int f44_3(int);
extern int d44_4; int f44_4(int);
extern int d44_5; int f44_5(int);
extern int d44_6; int f44_6(int);
extern int d44_7; int f44_7(int);
extern int d44_8; int f44_8(int);
extern int d44_9; int f44_9(int);
extern int d44_10; int f44_10(int);
extern int d44_11; int f44_11(int);
extern int d44_12; int f44_12(int);
extern int d44_13; int f44_13(int);
extern int d44_14; int f44_14(int);
extern int d44_15; int f44_15(int);
extern int d44_16; int f44_16(int);
extern int d44_17; int f44_17(int);
extern int d44_18; int f44_18(int);
extern int d44_19; int f44_19(int);
extern int d45_0; int f45_0(int);
extern int d45_1; int f45_1(int);
extern int d45_2; int f45_2(int);
extern int d45_3; int f45_3(int);
extern int d45_4; int f45_4(int);
extern int d45_5; int f45_5(int);
extern int d45_6; int f45_6(int);
extern int d45_7; int f45_7(int);
extern int d45_8; int f45_8(int);
extern int d45_9; int f45_9(int);
extern int d45_10; int f45_10(int);
extern int d45_11; int f45_11(int);
extern int d45_12; int f45_12(int);
extern int d45_13; int f45_13(int);
extern int d45_14; int f45_14(int);
extern int d45_15; int f45_15(int);
extern int d45_16; int f45_16(int);
extern int d45_17; int f45_17(int);
extern int d45_18; int f45_18(int);
extern int d45_19; int f45_19(int);
extern int d46_0; int f46_0(int);
extern int d46_1; int f46_1(int);
extern int d46_2; int f46_2(int);
extern int d46_3; int f46_3(int);
extern int d46_4; int f46_4(int);
extern int d46_5; int f46_5(int);
extern int d46_6; int f46_6(int);
extern int d46_7; int f46_7(int);
extern int d46_8; int f46_8(int);
extern int d46_9; int f46_9(int);
extern int d46_10; int f46_10(int);
extern int d46_11; int f46_11(int);
extern int d46_12; int f46_12(int);
extern int d46_13; int f46_13(int);
extern int d46_14; int f46_14(int);
extern int d46_15; int f46_15(int);
extern int d46_16; int f46_16(int);
extern int d46_17; int f46_17(int);
extern int d46_18; int f46_18(int);
extern int d46_19; int f46_19(int);
extern int d47_0; int f47_0(int);
extern int d47_1; int f47_1(int);
extern int d47_2; int f47_2(int);
extern int d47_3; int f47_3(int);
extern int d47_4; int f47_4(int);
extern int d47_5; int f47_5(int);
extern int d47_6; int f47_6(int);
extern int d47_7; int f47_7(int);
extern int d47_8; int f47_8(int);
extern int d47_9; int f47_9(int);
extern int d47_10; int f47_10(int);
extern int d47_11; int f47_11(int);
extern int d47_12; int f47_12(int);
extern int d47_13; int f47_13(int);
extern int d47_14; int f47_14(int);
extern int d47_15; int f47_15(int);
extern int d47_16; int f47_16(int);
extern int d47_17; int f47_17(int);
extern int d47_18; int f47_18(int);
extern int d47_19; int f47_19(int);
extern int d48_0; int f48_0(int);
extern int d48_1; int f48_1(int);
extern int d48_2; int f48_2(int);
extern int d48_3; int f48_3(int);
extern int d48_4; int f48_4(int);
extern int d48_5; int f48_5(int);
extern int d48_6; int f48_6(int);
extern int d48_7; int f48_7(int);
extern int d48_8; int f48_8(int);
extern int d48_9; int f48_9(int);
extern int d48_10; int f48_10(int);
extern int d48_11; int f48_11(int);
extern int d48_12; int f48_12(int);
extern int d48_13; int f48_13(int);
extern int d48_14; int f48_14(int);
extern int d48_15; int f48_15(int);
extern int d48_16; int f48_16(int);
extern int d48_17; int f48_17(int);
extern int d48_18; int f48_18(int);
extern int d48_19; int f48_19(int);
extern int d49_0; int f49_0(int);
extern int d49_1; int f49_1(int);
extern int d49_2; int f49_2(int);
extern int d49_3; int f49_3(int);
extern int d49_4; int f49_4(int);
extern int d49_5; int f49_5(int);
extern int d49_6; int f49_6(int);
extern int d49_7; int f49_7(int);
extern int d49_8; int f49_8(int);
extern int d49_9; int f49_9(int);
extern int d49_10; int f49_10(int);
extern int d49_11; int f49_11(int);
extern int d49_12; int f49_12(int);
extern int d49_13; int f49_13(int);
extern int d49_14; int f49_14(int);
extern int d49_15; int f49_15(int);
extern int d49_16; int f49_16(int);
extern int d49_17; int f49_17(int);
extern int d49_18; int f49_18(int);
extern int d49_19; int f49_19(int);
extern int d50_0; int f50_0(int);
extern int d50_1; int f50_1(int);
extern int d50_2; int f50_2(int);
extern int d50_3; int f50_3(int);
extern int d50_4; int f50_4(int);
extern int d50_5; int f50_5(int);
extern int d50_6; int f50_6(int);
extern int d50_7; int f50_7(int);
extern int d50_8; int f50_8(int);
extern int d50_9; int f50_9(int);
extern int d50_10; int f50_10(int);
extern int d50_11; int f50_11(int);
extern int d50_12; int f50_12(int);
extern int d50_13; int f50_13(int);
extern int d50_14; int f50_14(int);
extern int d50_15; int f50_15(int);
extern int d50_16; int f50_16(int);
extern int d50_17; int f50_17(int);
extern int d50_18; int f50_18(int);
extern int d50_19; int f50_19(int);
extern int d51_0; int f51_0(int);
extern int d51_1; int f51_1(int);
extern int d51_2; int f51_2(int);
extern int d51_3; int f51_3(int);
extern int d51_4; int f51_4(int);
extern int d51_5; int f51_5(int);
extern int d51_6; int f51_6(int);
extern int d51_7; int f51_7(int);
extern int d51_8; int f51_8(int);
extern int d51_9; int f51_9(int);
extern int d51_10; int f51_10(int);
extern int d51_11; int f51_11(int);
extern int d51_12; int f51_12(int);
extern int d51_13; int f51_13(int);
extern int d51_14; int f51_14(int);
extern int d51_15; int f51_15(int);
extern int d51_16; int f51_16(int);
extern int d51_17; int f51_17(int);
extern int d51_18; int f51_18(int);
extern int d51_19; int f51_19(int);
extern int d52_0; int f52_0(int);
extern int d52_1; int f52_1(int);
extern int d52_2; int f52_2(int);
extern int d52_3; int f52_3(int);
extern int d52_4; int f52_4(int);
extern int d52_5; int f52_5(int);
extern int d52_6; int f52_6(int);
extern int d52_7; int f52_7(int);
extern int d52_8; int f52_8(int);
extern int d52_9; int f52_9(int);
extern int d52_10; int f52_10(int);
extern int d52_11; int f52_11(int);
extern int d52_12; int f52_12(int);
extern int d52_13; int f52_13(int);
extern int d52_14; int f52_14(int);
extern int d52_15; int f52_15(int);
extern int d52_16; int f52_16(int);
extern int d52_17; int f52_17(int);
extern int d52_18; int f52_18(int);
extern int d52_19; int f52_19(int);
extern int d53_0; int f53_0(int);
extern int d53_1; int f53_1(int);
extern int d53_2; int f53_2(int);
extern int d53_3; int f53_3(int);
extern int d53_4; int f53_4(int);
extern int d53_5; int f53_5(int);
extern int d53_6; int f53_6(int);
extern int d53_7; int f53_7(int);
extern int d53_8; int f53_8(int);
extern int d53_9; int f53_9(int);
extern int d53_10; int f53_10(int);
extern int d53_11; int f53_11(int);
extern int d53_12; int f53_12(int);
extern int d53_13; int f53_13(int);
extern int d53_14; int f53_14(int);
extern int d53_15; int f53_15(int);
extern int d53_16; int f53_16(int);
extern int d53_17; int f53_17(int);
extern int d53_18; int f53_18(int);
extern int d53_19; int f53_19(int);
extern int d54_0; int f54_0(int);
extern int d54_1; int f54_1(int);
extern int d54_2; int f54_2(int);
extern int d54_3; int f54_3(int);
extern int d54_4; int f54_4(int);
extern int d54_5; int f54_5(int);
extern int d54_6; int f54_6(int);
extern int d54_7; int f54_7(int);
extern int d54_8; int f54_8(int);
extern int d54_9; int f54_9(int);
extern int d54_10; int f54_10(int);
extern int d54_11; int f54_11(int);
extern int d54_12; int f54_12(int);
extern int d54_13; int f54_13(int);
extern int d54_14; int f54_14(int);
extern int d54_15; int f54_15(int);
extern int d54_16; int f54_16(int);
extern int d54_17; int f54_17(int);
extern int d54_18; int f54_18(int);
extern int d54_19; int f54_19(int);
extern int d55_0; int f55_0(int);
extern int d55_1; int f55_1(int);
extern int d55_2; int f55_2(int);
extern int d55_3; int f55_3(int);
extern int d55_4; int f55_4(int);
extern int d55_5; int f55_5(int);
extern int d55_6; int f55_6(int);
extern int d55_7; int f55_7(int);
extern int d55_8; int f55_8(int);
extern int d55_9; int f55_9(int);
extern int d55_10; int f55_10(int);
extern int d55_11; int f55_11(int);
extern int d55_12; int f55_12(int);
extern int d55_13; int f55_13(int);
extern int d55_14; int f55_14(int);
extern int d55_15; int f55_15(int);
extern int d55_16; int f55_16(int);
extern int d55_17; int f55_17(int);
extern int d55_18; int f55_18(int);
extern int d55_19; int f55_19(int);
extern int d56_0; int f56_0(int);
extern int d56_1; int f56_1(int);
extern int d56_2; int f56_2(int);
extern int d56_3; int f56_3(int);
extern int d56_4; int f56_4(int);
extern int d56_5; int f56_5(int);
extern int d56_6; int f56_6(int);
extern int d56_7; int f56_7(int);
extern int d56_8; int f56_8(int);
extern int d56_9; int f56_9(int);
extern int d56_10; int f56_10(int);
extern int d56_11; int f56_11(int);
extern int d56_12; int f56_12(int);
extern int d56_13; int f56_13(int);
extern int d56_14; int f56_14(int);
extern int d56_15; int f56_15(int);
extern int d56_16; int f56_16(int);
extern int d56_17; int f56_17(int);
extern int d56_18; int f56_18(int);
extern int d56_19; int f56_19(int);
extern int d57_0; int f57_0(int);
extern int d57_1; int f57_1(int);
extern int d57_2; int f57_2(int);
extern int d57_3; int f57_3(int);
extern int d57_4; int f57_4(int);
extern int d57_5; int f57_5(int);
extern int d57_6; int f57_6(int);
extern int d57_7; int f57_7(int);
extern int d57_8; int f57_8(int);
extern int d57_9; int f57_9(int);
extern int d57_10; int f57_10(int);
extern int d57_11; int f57_11(int);
extern int d57_12; int f57_12(int);
extern int d57_13; int f57_13(int);
extern int d57_14; int f57_14(int);
extern int d57_15; int f57_15(int);
extern int d57_16; int f57_16(int);
extern int d57_17; int f57_17(int);
extern int d57_18; int f57_18(int);
extern int d57_19; int f57_19(int);
extern int d58_0; int f58_0(int);
extern int d58_1; int f58_1(int);
extern int d58_2; int f58_2(int);
extern int d58_3; int f58_3(int);
extern int d58_4; int f58_4(int);
extern int d58_5; int f58_5(int);
extern int d58_6; int f58_6(int);
extern int d58_7; int f58_7(int);
extern int d58_8; int f58_8(int);
extern int d58_9; int f58_9(int);
extern int d58_10; int f58_10(int);
extern int d58_11; int f58_11(int);
extern int d58_12; int f58_12(int);
extern int d58_13; int f58_13(int);
extern int d58_14; int f58_14(int);
extern int d58_15; int f58_15(int);
extern int d58_16; int f58_16(int);
extern int d58_17; int f58_17(int);
extern int d58_18; int f58_18(int);
extern int d58_19; int f58_19(int);
extern int d59_0; int f59_0(int);
extern int d59_1; int f59_1(int);
extern int d59_2; int f59_2(int);
extern int d59_3; int f59_3(int);
extern int d59_4; int f59_4(int);
extern int d59_5; int f59_5(int);
extern int d59_6; int f59_6(int);
extern int d59_7; int f59_7(int);
extern int d59_8; int f59_8(int);
extern int d59_9; int f59_9(int);
extern int d59_10; int f59_10(int);
extern int d59_11; int f59_11(int);
extern int d59_12; int f59_12(int);
extern int d59_13; int f59_13(int);
extern int d59_14; int f59_14(int);
extern int d59_15; int f59_15(int);
extern int d59_16; int f59_16(int);
extern int d59_17; int f59_17(int);
extern int d59_18; int f59_18(int);
extern int d59_19; int f59_19(int);
extern int d60_0; int f60_0(int);
extern int d60_1; int f60_1(int);
extern int d60_2; int f60_2(int);
extern int d60_3; int f60_3(int);
extern int d60_4; int f60_4(int);
extern int d60_5; int f60_5(int);
extern int d60_6; int f60_6(int);
extern int d60_7; int f60_7(int);
extern int d60_8; int f60_8(int);
extern int d60_9; int f60_9(int);
extern int d60_10; int f60_10(int);
extern int d60_11; int f60_11(int);
extern int d60_12; int f60_12(int);
extern int d60_13; int f60_13(int);
extern int d60_14; int f60_14(int);
extern int d60_15; int f60_15(int);
extern int d60_16; int f60_16(int);
extern int d60_17; int f60_17(int);
extern int d60_18; int f60_18(int);
extern int d60_19; int f60_19(int);
extern int d61_0; int f61_0(int);
extern int d61_1; int f61_1(int);
extern int d61_2; int f61_2(int);
extern int d61_3; int f61_3(int);
extern int d61_4; int f61_4(int);
extern int d61_5; int f61_5(int);
extern int d61_6; int f61_6(int);
extern int d61_7; int f61_7(int);
extern int d61_8; int f61_8(int);
extern int d61_9; int f61_9(int);
extern int d61_10; int f61_10(int);
extern int d61_11; int f61_11(int);
extern int d61_12; int f61_12(int);
extern int d61_13; int f61_13(int);
extern int d61_14; int f61_14(int);
extern int d61_15; int f61_15(int);
extern int d61_16; int f61_16(int);
extern int d61_17; int f61_17(int);
extern int d61_18; int f61_18(int);
extern int d61_19; int f61_19(int);
extern int d62_0; int f62_0(int);
extern int d62_1; int f62_1(int);
extern int d62_2; int f62_2(int);
extern int d62_3; int f62_3(int);
extern int d62_4; int f62_4(int);
extern int d62_5; int f62_5(int);
extern int d62_6; int f62_6(int);
extern int d62_7; int f62_7(int);
extern int d62_8; int f62_8(int);
extern int d62_9; int f62_9(int);
extern int d62_10; int f62_10(int);
extern int d62_11; int f62_11(int);
extern int d62_12; int f62_12(int);
extern int d62_13; int f62_13(int);
extern int d62_14; int f62_14(int);
extern int d62_15; int f62_15(int);
extern int d62_16; int f62_16(int);
extern int d62_17; int f62_17(int);
extern int d62_18; int f62_18(int);
extern int d62_19; int f62_19(int);
extern int d63_0; int f63_0(int);
extern int d63_1; int f63_1(int);
extern int d63_2; int f63_2(int);
extern int d63_3; int f63_3(int);
extern int d63_4; int f63_4(int);
extern int d63_5; int f63_5(int);
extern int d63_6; int f63_6(int);
extern int d63_7; int f63_7(int);
extern int d63_8; int f63_8(int);
extern int d63_9; int f63_9(int);
extern int d63_10; int f63_10(int);
extern int d63_11; int f63_11(int);
extern int d63_12; int f63_12(int);
extern int d63_13; int f63_13(int);
extern int d63_14; int f63_14(int);
extern int d63_15; int f63_15(int);
extern int d63_16; int f63_16(int);
extern int d63_17; int f63_17(int);
extern int d63_18; int f63_18(int);
extern int d63_19; int f63_19(int);
extern int d64_0; int f64_0(int);
extern int d64_1; int f64_1(int);
extern int d64_2; int f64_2(int);
extern int d64_3; int f64_3(int);
extern int d64_4; int f64_4(int);
extern int d64_5; int f64_5(int);
extern int d64_6; int f64_6(int);
extern int d64_7; int f64_7(int);
extern int d64_8; int f64_8(int);
extern int d64_9; int f64_9(int);
extern int d64_10; int f64_10(int);
extern int d64_11; int f64_11(int);
extern int d64_12; int f64_12(int);
extern int d64_13; int f64_13(int);
extern int d64_14; int f64_14(int);
extern int d64_15; int f64_15(int);
extern int d64_16; int f64_16(int);
extern int d64_17; int f64_17(int);
extern int d64_18; int f64_18(int);
extern int d64_19; int f64_19(int);
extern int d65_0; int f65_0(int);
extern int d65_1; int f65_1(int);
extern int d65_2; int f65_2(int);
extern int d65_3; int f65_3(int);
extern int d65_4; int f65_4(int);
extern int d65_5; int f65_5(int);
extern int d65_6; int f65_6(int);
extern int d65_7; int f65_7(int);
extern int d65_8; int f65_8(int);
extern int d65_9; int f65_9(int);
extern int d65_10; int f65_10(int);
extern int d65_11; int f65_11(int);
extern int d65_12; int f65_12(int);
extern int d65_13; int f65_13(int);
extern int d65_14; int f65_14(int);
extern int d65_15; int f65_15(int);
extern int d65_16; int f65_16(int);
extern int d65_17; int f65_17(int);
extern int d65_18; int f65_18(int);
extern int d65_19; int f65_19(int);
extern int d66_0; int f66_0(int);
extern int d66_1; int f66_1(int);
extern int d66_2; int f66_2(int);
extern int d66_3; int f66_3(int);
extern int d66_4; int f66_4(int);
extern int d66_5; int f66_5(int);
extern int d66_6; int f66_6(int);
extern int d66_7; int f66_7(int);
extern int d66_8; int f66_8(int);
extern int d66_9; int f66_9(int);
extern int d66_10; int f66_10(int);
extern int d66_11; int f66_11(int);
extern int d66_12; int f66_12(int);
extern int d66_13; int f66_13(int);
extern int d66_14; int f66_14(int);
extern int d66_15; int f66_15(int);
extern int d66_16; int f66_16(int);
extern int d66_17; int f66_17(int);
extern int d66_18; int f66_18(int);
extern int d66_19; int f66_19(int);
extern int d67_0; int f67_0(int);
extern int d67_1; int f67_1(int);
extern int d67_2; int f67_2(int);
extern int d67_3; int f67_3(int);
extern int d67_4; int f67_4(int);
extern int d67_5; int f67_5(int);
extern int d67_6; int f67_6(int);
extern int d67_7; int f67_7(int);
extern int d67_8; int f67_8(int);
extern int d67_9; int f67_9(int);
extern int d67_10; int f67_10(int);
extern int d67_11; int f67_11(int);
extern int d67_12; int f67_12(int);
extern int d67_13; int f67_13(int);
extern int d67_14; int f67_14(int);
extern int d67_15; int f67_15(int);
extern int d67_16; int f67_16(int);
extern int d67_17; int f67_17(int);
extern int d67_18; int f67_18(int);
extern int d67_19; int f67_19(int);
extern int d68_0; int f68_0(int);
extern int d68_1; int f68_1(int);
extern int d68_2; int f68_2(int);
extern int d68_3; int f68_3(int);
extern int d68_4; int f68_4(int);
extern int d68_5; int f68_5(int);
extern int d68_6; int f68_6(int);
extern int d68_7; int f68_7(int);
extern int d68_8; int f68_8(int);
extern int d68_9; int f68_9(int);
extern int d68_10; int f68_10(int);
extern int d68_11; int f68_11(int);
extern int d68_12; int f68_12(int);
extern int d68_13; int f68_13(int);
extern int d68_14; int f68_14(int);
extern int d68_15; int f68_15(int);
extern int d68_16; int f68_16(int);
extern int d68_17; int f68_17(int);
extern int d68_18; int f68_18(int);
extern int d68_19; int f68_19(int);
extern int d69_0; int f69_0(int);
extern int d69_1; int f69_1(int);
extern int d69_2; int f69_2(int);
extern int d69_3; int f69_3(int);
extern int d69_4; int f69_4(int);
extern int d69_5; int f69_5(int);
extern int d69_6; int f69_6(int);
extern int d69_7; int f69_7(int);
extern int d69_8; int f69_8(int);
extern int d69_9; int f69_9(int);
extern int d69_10; int f69_10(int);
extern int d69_11; int f69_11(int);
extern int d69_12; int f69_12(int);
extern int d69_13; int f69_13(int);
extern int d69_14; int f69_14(int);
extern int d69_15; int f69_15(int);
extern int d69_16; int f69_16(int);
extern int d69_17; int f69_17(int);
extern int d69_18; int f69_18(int);
extern int d69_19; int f69_19(int);
extern int d70_0; int f70_0(int);
extern int d70_1; int f70_1(int);
extern int d70_2; int f70_2(int);
extern int d70_3; int f70_3(int);
extern int d70_4; int f70_4(int);
extern int d70_5; int f70_5(int);
extern int d70_6; int f70_6(int);
extern int d70_7; int f70_7(int);
extern int d70_8; int f70_8(int);
extern int d70_9; int f70_9(int);
extern int d70_10; int f70_10(int);
extern int d70_11; int f70_11(int);
extern int d70_12; int f70_12(int);
extern int d70_13; int f70_13(int);
extern int d70_14; int f70_14(int);
extern int d70_15; int f70_15(int);
extern int d70_16; int f70_16(int);
extern int d70_17; int f70_17(int);
extern int d70_18; int f70_18(int);
extern int d70_19; int f70_19(int);
extern int d71_0; int f71_0(int);
extern int d71_1; int f71_1(int);
extern int d71_2; int f71_2(int);
extern int d71_3; int f71_3(int);
extern int d71_4; int f71_4(int);
extern int d71_5; int f71_5(int);
extern int d71_6; int f71_6(int);
extern int d71_7; int f71_7(int);
extern int d71_8; int f71_8(int);
extern int d71_9; int f71_9(int);
extern int d71_10; int f71_10(int);
extern int d71_11; int f71_11(int);
extern int d71_12; int f71_12(int);
extern int d71_13; int f71_13(int);
extern int d71_14; int f71_14(int);
extern int d71_15; int f71_15(int);
extern int d71_16; int f71_16(int);
extern int d71_17; int f71_17(int);
extern int d71_18; int f71_18(int);
extern int d71_19; int f71_19(int);
extern int d72_0; int f72_0(int);
extern int d72_1; int f72_1(int);
extern int d72_2; int f72_2(int);
extern int d72_3; int f72_3(int);
extern int d72_4; int f72_4(int);
extern int d72_5; int f72_5(int);
extern int d72_6; int f72_6(int);
extern int d72_7; int f72_7(int);
extern int d72_8; int f72_8(int);
extern int d72_9; int f72_9(int);
extern int d72_10; int f72_10(int);
extern int d72_11; int f72_11(int);
extern int d72_12; int f72_12(int);
extern int d72_13; int f72_13(int);
extern int d72_14; int f72_14(int);
extern int d72_15; int f72_15(int);
extern int d72_16; int f72_16(int);
extern int d72_17; int f72_17(int);
extern int d72_18; int f72_18(int);
extern int d72_19; int f72_19(int);
extern int d73_0; int f73_0(int);
extern int d73_1; int f73_1(int);
extern int d73_2; int f73_2(int);
extern int d73_3; int f73_3(int);
extern int d73_4; int f73_4(int);
extern int d73_5; int f73_5(int);
extern int d73_6; int f73_6(int);
extern int d73_7; int f73_7(int);
extern int d73_8; int f73_8(int);
extern int d73_9; int f73_9(int);
extern int d73_10; int f73_10(int);
extern int d73_11; int f73_11(int);
extern int d73_12; int f73_12(int);
extern int d73_13; int f73_13(int);
extern int d73_14; int f73_14(int);
extern int d73_15; int f73_15(int);
extern int d73_16; int f73_16(int);
extern int d73_17; int f73_17(int);
extern int d73_18; int f73_18(int);
extern int d73_19; int f73_19(int);
extern int d74_0; int f74_0(int);
extern int d74_1; int f74_1(int);
extern int d74_2; int f74_2(int);
extern int d74_3; int f74_3(int);
extern int d74_4; int f74_4(int);
extern int d74_5; int f74_5(int);
extern int d74_6; int f74_6(int);
extern int d74_7; int f74_7(int);
extern int d74_8; int f74_8(int);
extern int d74_9; int f74_9(int);
extern int d74_10; int f74_10(int);
extern int d74_11; int f74_11(int);
extern int d74_12; int f74_12(int);
extern int d74_13; int f74_13(int);
extern int d74_14; int f74_14(int);
extern int d74_15; int f74_15(int);
extern int d74_16; int f74_16(int);
extern int d74_17; int f74_17(int);
extern int d74_18; int f74_18(int);
extern int d74_19; int f74_19(int);
extern int d75_0; int f75_0(int);
extern int d75_1; int f75_1(int);
extern int d75_2; int f75_2(int);
extern int d75_3; int f75_3(int);
extern int d75_4; int f75_4(int);
extern int d75_5; int f75_5(int);
extern int d75_6; int f75_6(int);
extern int d75_7; int f75_7(int);
extern int d75_8; int f75_8(int);
extern int d75_9; int f75_9(int);
extern int d75_10; int f75_10(int);
extern int d75_11; int f75_11(int);
extern int d75_12; int f75_12(int);
extern int d75_13; int f75_13(int);
extern int d75_14; int f75_14(int);
extern int d75_15; int f75_15(int);
extern int d75_16; int f75_16(int);
extern int d75_17; int f75_17(int);
extern int d75_18; int f75_18(int);
extern int d75_19; int f75_19(int);
extern int d76_0; int f76_0(int);
extern int d76_1; int f76_1(int);
extern int d76_2; int f76_2(int);
extern int d76_3; int f76_3(int);
extern int d76_4; int f76_4(int);
extern int d76_5; int f76_5(int);
extern int d76_6; int f76_6(int);
extern int d76_7; int f76_7(int);
extern int d76_8; int f76_8(int);
extern int d76_9; int f76_9(int);
extern int d76_10; int f76_10(int);
extern int d76_11; int f76_11(int);
extern int d76_12; int f76_12(int);
extern int d76_13; int f76_13(int);
extern int d76_14; int f76_14(int);
extern int d76_15; int f76_15(int);
extern int d76_16; int f76_16(int);
extern int d76_17; int f76_17(int);
extern int d76_18; int f76_18(int);
extern int d76_19; int f76_19(int);
extern int d77_0; int f77_0(int);
extern int d77_1; int f77_1(int);
extern int d77_2; int f77_2(int);
extern int d77_3; int f77_3(int);
extern int d77_4; int f77_4(int);
extern int d77_5; int f77_5(int);
extern int d77_6; int f77_6(int);
extern int d77_7; int f77_7(int);
extern int d77_8; int f77_8(int);
extern int d77_9; int f77_9(int);
extern int d77_10; int f77_10(int);
extern int d77_11; int f77_11(int);
extern int d77_12; int f77_12(int);
extern int d77_13; int f77_13(int);
extern int d77_14; int f77_14(int);
extern int d77_15; int f77_15(int);
extern int d77_16; int f77_16(int);
extern int d77_17; int f77_17(int);
extern int d77_18; int f77_18(int);
extern int d77_19; int f77_19(int);
extern int d78_0; int f78_0(int);
extern int d78_1; int f78_1(int);
extern int d78_2; int f78_2(int);
extern int d78_3; int f78_3(int);
extern int d78_4; int f78_4(int);
extern int d78_5; int f78_5(int);
extern int d78_6; int f78_6(int);
extern int d78_7; int f78_7(int);
extern int d78_8; int f78_8(int);
extern int d78_9; int f78_9(int);
extern int d78_10; int f78_10(int);
extern int d78_11; int f78_11(int);
extern int d78_12; int f78_12(int);
extern int d78_13; int f78_13(int);
extern int d78_14; int f78_14(int);
extern int d78_15; int f78_15(int);
extern int d78_16; int f78_16(int);
extern int d78_17; int f78_17(int);
extern int d78_18; int f78_18(int);
extern int d78_19; int f78_19(int);
extern int d79_0; int f79_0(int);
extern int d79_1; int f79_1(int);
extern int d79_2; int f79_2(int);
extern int d79_3; int f79_3(int);
extern int d79_4; int f79_4(int);
extern int d79_5; int f79_5(int);
extern int d79_6; int f79_6(int);
extern int d79_7; int f79_7(int);
extern int d79_8; int f79_8(int);
extern int d79_9; int f79_9(int);
extern int d79_10; int f79_10(int);
extern int d79_11; int f79_11(int);
extern int d79_12; int f79_12(int);
extern int d79_13; int f79_13(int);
extern int d79_14; int f79_14(int);
extern int d79_15; int f79_15(int);
extern int d79_16; int f79_16(int);
extern int d79_17; int f79_17(int);
extern int d79_18; int f79_18(int);
extern int d79_19; int f79_19(int);
extern int d80_0; int f80_0(int);
extern int d80_1; int f80_1(int);
extern int d80_2; int f80_2(int);
extern int d80_3; int f80_3(int);
extern int d80_4; int f80_4(int);
extern int d80_5; int f80_5(int);
extern int d80_6; int f80_6(int);
extern int d80_7; int f80_7(int);
extern int d80_8; int f80_8(int);
extern int d80_9; int f80_9(int);
extern int d80_10; int f80_10(int);
extern int d80_11; int f80_11(int);
extern int d80_12; int f80_12(int);
extern int d80_13; int f80_13(int);
extern int d80_14; int f80_14(int);
extern int d80_15; int f80_15(int);
extern int d80_16; int f80_16(int);
extern int d80_17; int f80_17(int);
extern int d80_18; int f80_18(int);
extern int d80_19; int f80_19(int);
extern int d81_0; int f81_0(int);
extern int d81_1; int f81_1(int);
extern int d81_2; int f81_2(int);
extern int d81_3; int f81_3(int);
extern int d81_4; int f81_4(int);
extern int d81_5; int f81_5(int);
extern int d81_6; int f81_6(int);
extern int d81_7; int f81_7(int);
extern int d81_8; int f81_8(int);
extern int d81_9; int f81_9(int);
extern int d81_10; int f81_10(int);
extern int d81_11; int f81_11(int);
extern int d81_12; int f81_12(int);
extern int d81_13; int f81_13(int);
extern int d81_14; int f81_14(int);
extern int d81_15; int f81_15(int);
extern int d81_16; int f81_16(int);
extern int d81_17; int f81_17(int);
extern int d81_18; int f81_18(int);
extern int d81_19; int f81_19(int);
extern int d82_0; int f82_0(int);
extern int d82_1; int f82_1(int);
extern int d82_2; int f82_2(int);
extern int d82_3; int f82_3(int);
extern int d82_4; int f82_4(int);
extern int d82_5; int f82_5(int);
extern int d82_6; int f82_6(int);
extern int d82_7; int f82_7(int);
extern int d82_8; int f82_8(int);
extern int d82_9; int f82_9(int);
extern int d82_10; int f82_10(int);
extern int d82_11; int f82_11(int);
extern int d82_12; int f82_12(int);
extern int d82_13; int f82_13(int);
extern int d82_14; int f82_14(int);
extern int d82_15; int f82_15(int);
extern int d82_16; int f82_16(int);
extern int d82_17; int f82_17(int);
extern int d82_18; int f82_18(int);
extern int d82_19; int f82_19(int);
extern int d83_0; int f83_0(int);
extern int d83_1; int f83_1(int);
extern int d83_2; int f83_2(int);
extern int d83_3; int f83_3(int);
extern int d83_4; int f83_4(int);
extern int d83_5; int f83_5(int);
extern int d83_6; int f83_6(int);
extern int d83_7; int f83_7(int);
extern int d83_8; int f83_8(int);
extern int d83_9; int f83_9(int);
extern int d83_10; int f83_10(int);
extern int d83_11; int f83_11(int);
extern int d83_12; int f83_12(int);
extern int d83_13; int f83_13(int);
extern int d83_14; int f83_14(int);
extern int d83_15; int f83_15(int);
extern int d83_16; int f83_16(int);
extern int d83_17; int f83_17(int);
extern int d83_18; int f83_18(int);
extern int d83_19; int f83_19(int);
extern int d84_0; int f84_0(int);
extern int d84_1; int f84_1(int);
extern int d84_2; int f84_2(int);
extern int d84_3; int f84_3(int);
extern int d84_4; int f84_4(int);
extern int d84_5; int f84_5(int);
extern int d84_6; int f84_6(int);
extern int d84_7; int f84_7(int);
extern int d84_8; int f84_8(int);
extern int d84_9; int f84_9(int);
extern int d84_10; int f84_10(int);
extern int d84_11; int f84_11(int);
extern int d84_12; int f84_12(int);
extern int d84_13; int f84_13(int);
extern int d84_14; int f84_14(int);
extern int d84_15; int f84_15(int);
extern int d84_16; int f84_16(int);
extern int d84_17; int f84_17(int);
extern int d84_18; int f84_18(int);
extern int d84_19; int f84_19(int);
extern int d85_0; int f85_0(int);
extern int d85_1; int f85_1(int);
extern int d85_2; int f85_2(int);
extern int d85_3; int f85_3(int);
extern int d85_4; int f85_4(int);
extern int d85_5; int f85_5(int);
extern int d85_6; int f85_6(int);
extern int d85_7; int f85_7(int);
extern int d85_8; int f85_8(int);
extern int d85_9; int f85_9(int);
extern int d85_10; int f85_10(int);
extern int d85_11; int f85_11(int);
extern int d85_12; int f85_12(int);
extern int d85_13; int f85_13(int);
extern int d85_14; int f85_14(int);
extern int d85_15; int f85_15(int);
extern int d85_16; int f85_16(int);
extern int d85_17; int f85_17(int);
extern int d85_18; int f85_18(int);
extern int d85_19; int f85_19(int);
extern int d86_0; int f86_0(int);
extern int d86_1; int f86_1(int);
extern int d86_2; int f86_2(int);
extern int d86_3; int f86_3(int);
extern int d86_4; int f86_4(int);
extern int d86_5; int f86_5(int);
extern int d86_6; int f86_6(int);
extern int d86_7; int f86_7(int);
extern int d86_8; int f86_8(int);
extern int d86_9; int f86_9(int);
extern int d86_10; int f86_10(int);
extern int d86_11; int f86_11(int);
extern int d86_12; int f86_12(int);
extern int d86_13; int f86_13(int);
extern int d86_14; int f86_14(int);
extern int d86_15; int f86_15(int);
extern int d86_16; int f86_16(int);
extern int d86_17; int f86_17(int);
extern int d86_18; int f86_18(int);
extern int d86_19; int f86_19(int);
extern int d87_0; int f87_0(int);
extern int d87_1; int f87_1(int);
extern int d87_2; int f87_2(int);
extern int d87_3; int f87_3(int);
extern int d87_4; int f87_4(int);
extern int d87_5; int f87_5(int);
extern int d87_6; int f87_6(int);
extern int d87_7; int f87_7(int);
extern int d87_8; int f87_8(int);
extern int d87_9; int f87_9(int);
extern int d87_10; int f87_10(int);
extern int d87_11; int f87_11(int);
extern int d87_12; int f87_12(int);
extern int d87_13; int f87_13(int);
extern int d87_14; int f87_14(int);
extern int d87_15; int f87_15(int);
extern int d87_16; int f87_16(int);
extern int d87_17; int f87_17(int);
extern int d87_18; int f87_18(int);
extern int d87_19; int f87_19(int);
extern int d88_0; int f88_0(int);
extern int d88_1; int f88_1(int);
extern int d88_2; int f88_2(int);
extern int d88_3; int f88_3(int);
extern int d88_4; int f88_4(int);
extern int d88_5; int f88_5(int);
extern int d88_6; int f88_6(int);
extern int d88_7; int f88_7(int);
extern int d88_8; int f88_8(int);
extern int d88_9; int f88_9(int);
extern int d88_10; int f88_10(int);
extern int d88_11; int f88_11(int);
extern int d88_12; int f88_12(int);
extern int d88_13; int f88_13(int);
extern int d88_14; int f88_14(int);
extern int d88_15; int f88_15(int);
extern int d88_16; int f88_16(int);
extern int d88_17; int f88_17(int);
extern int d88_18; int f88_18(int);
extern int d88_19; int f88_19(int);
extern int d89_0; int f89_0(int);
extern int d89_1; int f89_1(int);
extern int d89_2; int f89_2(int);
extern int d89_3; int f89_3(int);
extern int d89_4; int f89_4(int);
extern int d89_5; int f89_5(int);
extern int d89_6; int f89_6(int);
extern int d89_7; int f89_7(int);
extern int d89_8; int f89_8(int);
extern int d89_9; int f89_9(int);
extern int d89_10; int f89_10(int);
extern int d89_11; int f89_11(int);
extern int d89_12; int f89_12(int);
extern int d89_13; int f89_13(int);
extern int d89_14; int f89_14(int);
extern int d89_15; int f89_15(int);
extern int d89_16; int f89_16(int);
extern int d89_17; int f89_17(int);
extern int d89_18; int f89_18(int);
extern int d89_19; int f89_19(int);
extern int d90_0; int f90_0(int);
extern int d90_1; int f90_1(int);
extern int d90_2; int f90_2(int);
extern int d90_3; int f90_3(int);
extern int d90_4; int f90_4(int);
extern int d90_5; int f90_5(int);
extern int d90_6; int f90_6(int);
extern int d90_7; int f90_7(int);
extern int d90_8; int f90_8(int);
extern int d90_9; int f90_9(int);
extern int d90_10; int f90_10(int);
extern int d90_11; int f90_11(int);
extern int d90_12; int f90_12(int);
extern int d90_13; int f90_13(int);
extern int d90_14; int f90_14(int);
extern int d90_15; int f90_15(int);
extern int d90_16; int f90_16(int);
extern int d90_17; int f90_17(int);
extern int d90_18; int f90_18(int);
extern int d90_19; int f90_19(int);
extern int d91_0; int f91_0(int);
extern int d91_1; int f91_1(int);
extern int d91_2; int f91_2(int);
extern int d91_3; int f91_3(int);
extern int d91_4; int f91_4(int);
extern int d91_5; int f91_5(int);
extern int d91_6; int f91_6(int);
extern int d91_7; int f91_7(int);
extern int d91_8; int f91_8(int);
extern int d91_9; int f91_9(int);
extern int d91_10; int f91_10(int);
extern int d91_11; int f91_11(int);
extern int d91_12; int f91_12(int);
extern int d91_13; int f91_13(int);
extern int d91_14; int f91_14(int);
extern int d91_15; int f91_15(int);
extern int d91_16; int f91_16(int);
extern int d91_17; int f91_17(int);
extern int d91_18; int f91_18(int);
extern int d91_19; int f91_19(int);
extern int d92_0; int f92_0(int);
extern int d92_1; int f92_1(int);
extern int d92_2; int f92_2(int);
extern int d92_3; int f92_3(int);
extern int d92_4; int f92_4(int);
extern int d92_5; int f92_5(int);
extern int d92_6; int f92_6(int);
extern int d92_7; int f92_7(int);
extern int d92_8; int f92_8(int);
extern int d92_9; int f92_9(int);
extern int d92_10; int f92_10(int);
extern int d92_11; int f92_11(int);
extern int d92_12; int f92_12(int);
extern int d92_13; int f92_13(int);
extern int d92_14; int f92_14(int);
extern int d92_15; int f92_15(int);
extern int d92_16; int f92_16(int);
extern int d92_17; int f92_17(int);
extern int d92_18; int f92_18(int);
extern int d92_19; int f92_19(int);
extern int d93_0; int f93_0(int);
extern int d93_1; int f93_1(int);
extern int d93_2; int f93_2(int);
extern int d93_3; int f93_3(int);
extern int d93_4; int f93_4(int);
extern int d93_5; int f93_5(int);
extern int d93_6; int f93_6(int);
extern int d93_7; int f93_7(int);
extern int d93_8; int f93_8(int);
extern int d93_9; int f93_9(int);
extern int d93_10; int f93_10(int);
extern int d93_11; int f93_11(int);
extern int d93_12; int f93_12(int);
extern int d93_13; int f93_13(int);
extern int d93_14; int f93_14(int);
extern int d93_15; int f93_15(int);
extern int d93_16; int f93_16(int);
extern int d93_17; int f93_17(int);
extern int d93_18; int f93_18(int);
extern int d93_19; int f93_19(int);
extern int d94_0; int f94_0(int);
extern int d94_1; int f94_1(int);
extern int d94_2; int f94_2(int);
extern int d94_3; int f94_3(int);
extern int d94_4; int f94_4(int);
extern int d94_5; int f94_5(int);
extern int d94_6; int f94_6(int);
extern int d94_7; int f94_7(int);
extern int d94_8; int f94_8(int);
extern int d94_9; int f94_9(int);
extern int d94_10; int f94_10(int);
extern int d94_11; int f94_11(int);
extern int d94_12; int f94_12(int);
extern int d94_13; int f94_13(int);
extern int d94_14; int f94_14(int);
extern int d94_15; int f94_15(int);
extern int d94_16; int f94_16(int);
extern int d94_17; int f94_17(int);
extern int d94_18; int f94_18(int);
extern int d94_19; int f94_19(int);
extern int d95_0; int f95_0(int);
extern int d95_1; int f95_1(int);
extern int d95_2; int f95_2(int);
extern int d95_3; int f95_3(int);
extern int d95_4; int f95_4(int);
extern int d95_5; int f95_5(int);
extern int d95_6; int f95_6(int);
extern int d95_7; int f95_7(int);
extern int d95_8; int f95_8(int);
extern int d95_9; int f95_9(int);
extern int d95_10; int f95_10(int);
extern int d95_11; int f95_11(int);
extern int d95_12; int f95_12(int);
extern int d95_13; int f95_13(int);
extern int d95_14; int f95_14(int);
extern int d95_15; int f95_15(int);
extern int d95_16; int f95_16(int);
extern int d95_17; int f95_17(int);
extern int d95_18; int f95_18(int);
extern int d95_19; int f95_19(int);
extern int d96_0; int f96_0(int);
extern int d96_1; int f96_1(int);
extern int d96_2; int f96_2(int);
extern int d96_3; int f96_3(int);
extern int d96_4; int f96_4(int);
extern int d96_5; int f96_5(int);
extern int d96_6; int f96_6(int);
extern int d96_7; int f96_7(int);
extern int d96_8; int f96_8(int);
extern int d96_9; int f96_9(int);
extern int d96_10; int f96_10(int);
extern int d96_11; int f96_11(int);
extern int d96_12; int f96_12(int);
extern int d96_13; int f96_13(int);
extern int d96_14; int f96_14(int);
extern int d96_15; int f96_15(int);
extern int d96_16; int f96_16(int);
extern int d96_17; int f96_17(int);
extern int d96_18; int f96_18(int);
extern int d96_19; int f96_19(int);
extern int d97_0; int f97_0(int);
extern int d97_1; int f97_1(int);
extern int d97_2; int f97_2(int);
extern int d97_3; int f97_3(int);
extern int d97_4; int f97_4(int);
extern int d97_5; int f97_5(int);
extern int d97_6; int f97_6(int);
extern int d97_7; int f97_7(int);
extern int d97_8; int f97_8(int);
extern int d97_9; int f97_9(int);
extern int d97_10; int f97_10(int);
extern int d97_11; int f97_11(int);
extern int d97_12; int f97_12(int);
extern int d97_13; int f97_13(int);
extern int d97_14; int f97_14(int);
extern int d97_15; int f97_15(int);
extern int d97_16; int f97_16(int);
extern int d97_17; int f97_17(int);
extern int d97_18; int f97_18(int);
extern int d97_19; int f97_19(int);
extern int d98_0; int f98_0(int);
extern int d98_1; int f98_1(int);
extern int d98_2; int f98_2(int);
extern int d98_3; int f98_3(int);
extern int d98_4; int f98_4(int);
extern int d98_5; int f98_5(int);
extern int d98_6; int f98_6(int);
extern int d98_7; int f98_7(int);
extern int d98_8; int f98_8(int);
extern int d98_9; int f98_9(int);
extern int d98_10; int f98_10(int);
extern int d98_11; int f98_11(int);
extern int d98_12; int f98_12(int);
extern int d98_13; int f98_13(int);
extern int d98_14; int f98_14(int);
extern int d98_15; int f98_15(int);
extern int d98_16; int f98_16(int);
extern int d98_17; int f98_17(int);
extern int d98_18; int f98_18(int);
extern int d98_19; int f98_19(int);
extern int d99_0; int f99_0(int);
extern int d99_1; int f99_1(int);
extern int d99_2; int f99_2(int);
extern int d99_3; int f99_3(int);
extern int d99_4; int f99_4(int);
extern int d99_5; int f99_5(int);
extern int d99_6; int f99_6(int);
extern int d99_7; int f99_7(int);
extern int d99_8; int f99_8(int);
extern int d99_9; int f99_9(int);
extern int d99_10; int f99_10(int);
extern int d99_11; int f99_11(int);
extern int d99_12; int f99_12(int);
extern int d99_13; int f99_13(int);
extern int d99_14; int f99_14(int);
extern int d99_15; int f99_15(int);
extern int d99_16; int f99_16(int);
extern int d99_17; int f99_17(int);
extern int d99_18; int f99_18(int);
extern int d99_19; int f99_19(int);
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
(void *)f9_19, (void *)&d9_19,
(void *)f10_0, (void *)&d10_0,
(void *)f10_1, (void *)&d10_1,
(void *)f10_2, (void *)&d10_2,
(void *)f10_3, (void *)&d10_3,
(void *)f10_4, (void *)&d10_4,
(void *)f10_5, (void *)&d10_5,
(void *)f10_6, (void *)&d10_6,
(void *)f10_7, (void *)&d10_7,
(void *)f10_8, (void *)&d10_8,
(void *)f10_9, (void *)&d10_9,
(void *)f10_10, (void *)&d10_10,
(void *)f10_11, (void *)&d10_11,
(void *)f10_12, (void *)&d10_12,
(void *)f10_13, (void *)&d10_13,
(void *)f10_14, (void *)&d10_14,
(void *)f10_15, (void *)&d10_15,
(void *)f10_16, (void *)&d10_16,
(void *)f10_17, (void *)&d10_17,
(void *)f10_18, (void *)&d10_18,
(void *)f10_19, (void *)&d10_19,
(void *)f11_0, (void *)&d11_0,
(void *)f11_1, (void *)&d11_1,
(void *)f11_2, (void *)&d11_2,
(void *)f11_3, (void *)&d11_3,
(void *)f11_4, (void *)&d11_4,
(void *)f11_5, (void *)&d11_5,
(void *)f11_6, (void *)&d11_6,
(void *)f11_7, (void *)&d11_7,
(void *)f11_8, (void *)&d11_8,
(void *)f11_9, (void *)&d11_9,
(void *)f11_10, (void *)&d11_10,
(void *)f11_11, (void *)&d11_11,
(void *)f11_12, (void *)&d11_12,
(void *)f11_13, (void *)&d11_13,
(void *)f11_14, (void *)&d11_14,
(void *)f11_15, (void *)&d11_15,
(void *)f11_16, (void *)&d11_16,
(void *)f11_17, (void *)&d11_17,
(void *)f11_18, (void *)&d11_18,
(void *)f11_19, (void *)&d11_19,
(void *)f12_0, (void *)&d12_0,
(void *)f12_1, (void *)&d12_1,
(void *)f12_2, (void *)&d12_2,
(void *)f12_3, (void *)&d12_3,
(void *)f12_4, (void *)&d12_4,
(void *)f12_5, (void *)&d12_5,
(void *)f12_6, (void *)&d12_6,
(void *)f12_7, (void *)&d12_7,
(void *)f12_8, (void *)&d12_8,
(void *)f12_9, (void *)&d12_9,
(void *)f12_10, (void *)&d12_10,
(void *)f12_11, (void *)&d12_11,
(void *)f12_12, (void *)&d12_12,
(void *)f12_13, (void *)&d12_13,
(void *)f12_14, (void *)&d12_14,
(void *)f12_15, (void *)&d12_15,
(void *)f12_16, (void *)&d12_16,
(void *)f12_17, (void *)&d12_17,
(void *)f12_18, (void *)&d12_18,
(void *)f12_19, (void *)&d12_19,
(void *)f13_0, (void *)&d13_0,
(void *)f13_1, (void *)&d13_1,
(void *)f13_2, (void *)&d13_2,
(void *)f13_3, (void *)&d13_3,
(void *)f13_4, (void *)&d13_4,
(void *)f13_5, (void *)&d13_5,
(void *)f13_6, (void *)&d13_6,
(void *)f13_7, (void *)&d13_7,
(void *)f13_8, (void *)&d13_8,
(void *)f13_9, (void *)&d13_9,
(void *)f13_10, (void *)&d13_10,
(void *)f13_11, (void *)&d13_11,
(void *)f13_12, (void *)&d13_12,
(void *)f13_13, (void *)&d13_13,
(void *)f13_14, (void *)&d13_14,
(void *)f13_15, (void *)&d13_15,
(void *)f13_16, (void *)&d13_16,
(void *)f13_17, (void *)&d13_17,
(void *)f13_18, (void *)&d13_18,
(void *)f13_19, (void *)&d13_19,
(void *)f14_0, (void *)&d14_0,
(void *)f14_1, (void *)&d14_1,
(void *)f14_2, (void *)&d14_2,
(void *)f14_3, (void *)&d14_3,
(void *)f14_4, (void *)&d14_4,
(void *)f14_5, (void *)&d14_5,
(void *)f14_6, (void *)&d14_6,
(void *)f14_7, (void *)&d14_7,
(void *)f14_8, (void *)&d14_8,
(void *)f14_9, (void *)&d14_9,
(void *)f14_10, (void *)&d14_10,
(void *)f14_11, (void *)&d14_11,
(void *)f14_12, (void *)&d14_12,
(void *)f14_13, (void *)&d14_13,
(void *)f14_14, (void *)&d14_14,
(void *)f14_15, (void *)&d14_15,
(void *)f14_16, (void *)&d14_16,
(void *)f14_17, (void *)&d14_17,
(void *)f14_18, (void *)&d14_18,
(void *)f14_19, (void *)&d14_19,
(void *)f15_0, (void *)&d15_0,
(void *)f15_1, (void *)&d15_1,
(void *)f15_2, (void *)&d15_2,
(void *)f15_3, (void *)&d15_3,
(void *)f15_4, (void *)&d15_4,
(void *)f15_5, (void *)&d15_5,
(void *)f15_6, (void *)&d15_6,
(void *)f15_7, (void *)&d15_7,
(void *)f15_8, (void *)&d15_8,
(void *)f15_9, (void *)&d15_9,
(void *)f15_10, (void *)&d15_10,
(void *)f15_11, (void *)&d15_11,
(void *)f15_12, (void *)&d15_12,
(void *)f15_13, (void *)&d15_13,
(void *)f15_14, (void *)&d15_14,
(void *)f15_15, (void *)&d15_15,
(void *)f15_16, (void *)&d15_16,
(void *)f15_17, (void *)&d15_17,
(void *)f15_18, (void *)&d15_18,
(void *)f15_19, (void *)&d15_19,
(void *)f16_0, (void *)&d16_0,
(void *)f16_1, (void *)&d16_1,
(void *)f16_2, (void *)&d16_2,
(void *)f16_3, (void *)&d16_3,
(void *)f16_4, (void *)&d16_4,
(void *)f16_5, (void *)&d16_5,
(void *)f16_6, (void *)&d16_6,
(void *)f16_7, (void *)&d16_7,
(void *)f16_8, (void *)&d16_8,
(void *)f16_9, (void *)&d16_9,
(void *)f16_10, (void *)&d16_10,
(void *)f16_11, (void *)&d16_11,
(void *)f16_12, (void *)&d16_12,
(void *)f16_13, (void *)&d16_13,
(void *)f16_14, (void *)&d16_14,
(void *)f16_15, (void *)&d16_15,
(void *)f16_16, (void *)&d16_16,
(void *)f16_17, (void *)&d16_17,
(void *)f16_18, (void *)&d16_18,
(void *)f16_19, (void *)&d16_19,
(void *)f17_0, (void *)&d17_0,
(void *)f17_1, (void *)&d17_1,
(void *)f17_2, (void *)&d17_2,
(void *)f17_3, (void *)&d17_3,
(void *)f17_4, (void *)&d17_4,
(void *)f17_5, (void *)&d17_5,
(void *)f17_6, (void *)&d17_6,
(void *)f17_7, (void *)&d17_7,
(void *)f17_8, (void *)&d17_8,
(void *)f17_9, (void *)&d17_9,
(void *)f17_10, (void *)&d17_10,
(void *)f17_11, (void *)&d17_11,
(void *)f17_12, (void *)&d17_12,
(void *)f17_13, (void *)&d17_13,
(void *)f17_14, (void *)&d17_14,
(void *)f17_15, (void *)&d17_15,
(void *)f17_16, (void *)&d17_16,
(void *)f17_17, (void *)&d17_17,
(void *)f17_18, (void *)&d17_18,
(void *)f17_19, (void *)&d17_19,
(void *)f18_0, (void *)&d18_0,
(void *)f18_1, (void *)&d18_1,
(void *)f18_2, (void *)&d18_2,
(void *)f18_3, (void *)&d18_3,
(void *)f18_4, (void *)&d18_4,
(void *)f18_5, (void *)&d18_5,
(void *)f18_6, (void *)&d18_6,
(void *)f18_7, (void *)&d18_7,
(void *)f18_8, (void *)&d18_8,
(void *)f18_9, (void *)&d18_9,
(void *)f18_10, (void *)&d18_10,
(void *)f18_11, (void *)&d18_11,
(void *)f18_12, (void *)&d18_12,
(void *)f18_13, (void *)&d18_13,
(void *)f18_14, (void *)&d18_14,
(void *)f18_15, (void *)&d18_15,
(void *)f18_16, (void *)&d18_16,
(void *)f18_17, (void *)&d18_17,
(void *)f18_18, (void *)&d18_18,
(void *)f18_19, (void *)&d18_19,
(void *)f19_0, (void *)&d19_0,
(void *)f19_1, (void *)&d19_1,
(void *)f19_2, (void *)&d19_2,
(void *)f19_3, (void *)&d19_3,
(void *)f19_4, (void *)&d19_4,
(void *)f19_5, (void *)&d19_5,
(void *)f19_6, (void *)&d19_6,
(void *)f19_7, (void *)&d19_7,
(void *)f19_8, (void *)&d19_8,
(void *)f19_9, (void *)&d19_9,
(void *)f19_10, (void *)&d19_10,
(void *)f19_11, (void *)&d19_11,
(void *)f19_12, (void *)&d19_12,
(void *)f19_13, (void *)&d19_13,
(void *)f19_14, (void *)&d19_14,
(void *)f19_15, (void *)&d19_15,
(void *)f19_16, (void *)&d19_16,
(void *)f19_17, (void *)&d19_17,
(void *)f19_18, (void *)&d19_18,
(void *)f19_19, (void *)&d19_19,
(void *)f20_0, (void *)&d20_0,
(void *)f20_1, (void *)&d20_1,
(void *)f20_2, (void *)&d20_2,
(void *)f20_3, (void *)&d20_3,
(void *)f20_4, (void *)&d20_4,
(void *)f20_5, (void *)&d20_5,
(void *)f20_6, (void *)&d20_6,
(void *)f20_7, (void *)&d20_7,
(void *)f20_8, (void *)&d20_8,
(void *)f20_9, (void *)&d20_9,
(void *)f20_10, (void *)&d20_10,
(void *)f20_11, (void *)&d20_11,
(void *)f20_12, (void *)&d20_12,
(void *)f20_13, (void *)&d20_13,
(void *)f20_14, (void *)&d20_14,
(void *)f20_15, (void *)&d20_15,
(void *)f20_16, (void *)&d20_16,
(void *)f20_17, (void *)&d20_17,
(void *)f20_18, (void *)&d20_18,
(void *)f20_19, (void *)&d20_19,
(void *)f21_0, (void *)&d21_0,
(void *)f21_1, (void *)&d21_1,
(void *)f21_2, (void *)&d21_2,
(void *)f21_3, (void *)&d21_3,
(void *)f21_4, (void *)&d21_4,
(void *)f21_5, (void *)&d21_5,
(void *)f21_6, (void *)&d21_6,
(void *)f21_7, (void *)&d21_7,
(void *)f21_8, (void *)&d21_8,
(void *)f21_9, (void *)&d21_9,
(void *)f21_10, (void *)&d21_10,
(void *)f21_11, (void *)&d21_11,
(void *)f21_12, (void *)&d21_12,
(void *)f21_13, (void *)&d21_13,
(void *)f21_14, (void *)&d21_14,
(void *)f21_15, (void *)&d21_15,
(void *)f21_16, (void *)&d21_16,
(void *)f21_17, (void *)&d21_17,
(void *)f21_18, (void *)&d21_18,
(void *)f21_19, (void *)&d21_19,
(void *)f22_0, (void *)&d22_0,
(void *)f22_1, (void *)&d22_1,
(void *)f22_2, (void *)&d22_2,
(void *)f22_3, (void *)&d22_3,
(void *)f22_4, (void *)&d22_4,
(void *)f22_5, (void *)&d22_5,
(void *)f22_6, (void *)&d22_6,
(void *)f22_7, (void *)&d22_7,
(void *)f22_8, (void *)&d22_8,
(void *)f22_9, (void *)&d22_9,
(void *)f22_10, (void *)&d22_10,
(void *)f22_11, (void *)&d22_11,
(void *)f22_12, (void *)&d22_12,
(void *)f22_13, (void *)&d22_13,
(void *)f22_14, (void *)&d22_14,
(void *)f22_15, (void *)&d22_15,
(void *)f22_16, (void *)&d22_16,
(void *)f22_17, (void *)&d22_17,
(void *)f22_18, (void *)&d22_18,
(void *)f22_19, (void *)&d22_19,
(void *)f23_0, (void *)&d23_0,
(void *)f23_1, (void *)&d23_1,
(void *)f23_2, (void *)&d23_2,
(void *)f23_3, (void *)&d23_3,
(void *)f23_4, (void *)&d23_4,
(void *)f23_5, (void *)&d23_5,
(void *)f23_6, (void *)&d23_6,
(void *)f23_7, (void *)&d23_7,
(void *)f23_8, (void *)&d23_8,
(void *)f23_9, (void *)&d23_9,
(void *)f23_10, (void *)&d23_10,
(void *)f23_11, (void *)&d23_11,
(void *)f23_12, (void *)&d23_12,
(void *)f23_13, (void *)&d23_13,
(void *)f23_14, (void *)&d23_14,
(void *)f23_15, (void *)&d23_15,
(void *)f23_16, (void *)&d23_16,
(void *)f23_17, (void *)&d23_17,
(void *)f23_18, (void *)&d23_18,
(void *)f23_19, (void *)&d23_19,
(void *)f24_0, (void *)&d24_0,
(void *)f24_1, (void *)&d24_1,
(void *)f24_2, (void *)&d24_2,
(void *)f24_3, (void *)&d24_3,
(void *)f24_4, (void *)&d24_4,
(void *)f24_5, (void *)&d24_5,
(void *)f24_6, (void *)&d24_6,
(void *)f24_7, (void *)&d24_7,
(void *)f24_8, (void *)&d24_8,
(void *)f24_9, (void *)&d24_9,
(void *)f24_10, (void *)&d24_10,
(void *)f24_11, (void *)&d24_11,
(void *)f24_12, (void *)&d24_12,
(void *)f24_13, (void *)&d24_13,
(void *)f24_14, (void *)&d24_14,
(void *)f24_15, (void *)&d24_15,
(void *)f24_16, (void *)&d24_16,
(void *)f24_17, (void *)&d24_17,
(void *)f24_18, (void *)&d24_18,
(void *)f24_19, (void *)&d24_19,
(void *)f25_0, (void *)&d25_0,
(void *)f25_1, (void *)&d25_1,
(void *)f25_2, (void *)&d25_2,
(void *)f25_3, (void *)&d25_3,
(void *)f25_4, (void *)&d25_4,
(void *)f25_5, (void *)&d25_5,
(void *)f25_6, (void *)&d25_6,
(void *)f25_7, (void *)&d25_7,
(void *)f25_8, (void *)&d25_8,
(void *)f25_9, (void *)&d25_9,
(void *)f25_10, (void *)&d25_10,
(void *)f25_11, (void *)&d25_11,
(void *)f25_12, (void *)&d25_12,
(void *)f25_13, (void *)&d25_13,
(void *)f25_14, (void *)&d25_14,
(void *)f25_15, (void *)&d25_15,
(void *)f25_16, (void *)&d25_16,
(void *)f25_17, (void *)&d25_17,
(void *)f25_18, (void *)&d25_18,
(void *)f25_19, (void *)&d25_19,
(void *)f26_0, (void *)&d26_0,
(void *)f26_1, (void *)&d26_1,
(void *)f26_2, (void *)&d26_2,
(void *)f26_3, (void *)&d26_3,
(void *)f26_4, (void *)&d26_4,
(void *)f26_5, (void *)&d26_5,
(void *)f26_6, (void *)&d26_6,
(void *)f26_7, (void *)&d26_7,
(void *)f26_8, (void *)&d26_8,
(void *)f26_9, (void *)&d26_9,
(void *)f26_10, (void *)&d26_10,
(void *)f26_11, (void *)&d26_11,
(void *)f26_12, (void *)&d26_12,
(void *)f26_13, (void *)&d26_13,
(void *)f26_14, (void *)&d26_14,
(void *)f26_15, (void *)&d26_15,
(void *)f26_16, (void *)&d26_16,
(void *)f26_17, (void *)&d26_17,
(void *)f26_18, (void *)&d26_18,
(void *)f26_19, (void *)&d26_19,
(void *)f27_0, (void *)&d27_0,
(void *)f27_1, (void *)&d27_1,
(void *)f27_2, (void *)&d27_2,
(void *)f27_3, (void *)&d27_3,
(void *)f27_4, (void *)&d27_4,
(void *)f27_5, (void *)&d27_5,
(void *)f27_6, (void *)&d27_6,
(void *)f27_7, (void *)&d27_7,
(void *)f27_8, (void *)&d27_8,
(void *)f27_9, (void *)&d27_9,
(void *)f27_10, (void *)&d27_10,
(void *)f27_11, (void *)&d27_11,
(void *)f27_12, (void *)&d27_12,
(void *)f27_13, (void *)&d27_13,
(void *)f27_14, (void *)&d27_14,
(void *)f27_15, (void *)&d27_15,
(void *)f27_16, (void *)&d27_16,
(void *)f27_17, (void *)&d27_17,
(void *)f27_18, (void *)&d27_18,
(void *)f27_19, (void *)&d27_19,
(void *)f28_0, (void *)&d28_0,
(void *)f28_1, (void *)&d28_1,
(void *)f28_2, (void *)&d28_2,
(void *)f28_3, (void *)&d28_3,
(void *)f28_4, (void *)&d28_4,
(void *)f28_5, (void *)&d28_5,
(void *)f28_6, (void *)&d28_6,
(void *)f28_7, (void *)&d28_7,
(void *)f28_8, (void *)&d28_8,
(void *)f28_9, (void *)&d28_9,
(void *)f28_10, (void *)&d28_10,
(void *)f28_11, (void *)&d28_11,
(void *)f28_12, (void *)&d28_12,
(void *)f28_13, (void *)&d28_13,
(void *)f28_14, (void *)&d28_14,
(void *)f28_15, (void *)&d28_15,
(void *)f28_16, (void *)&d28_16,
(void *)f28_17, (void *)&d28_17,
(void *)f28_18, (void *)&d28_18,
(void *)f28_19, (void *)&d28_19,
(void *)f29_0, (void *)&d29_0,
(void *)f29_1, (void *)&d29_1,
(void *)f29_2, (void *)&d29_2,
(void *)f29_3, (void *)&d29_3,
(void *)f29_4, (void *)&d29_4,
(void *)f29_5, (void *)&d29_5,
(void *)f29_6, (void *)&d29_6,
(void *)f29_7, (void *)&d29_7,
(void *)f29_8, (void *)&d29_8,
(void *)f29_9, (void *)&d29_9,
(void *)f29_10, (void *)&d29_10,
(void *)f29_11, (void *)&d29_11,
(void *)f29_12, (void *)&d29_12,
(void *)f29_13, (void *)&d29_13,
(void *)f29_14, (void *)&d29_14,
(void *)f29_15, (void *)&d29_15,
(void *)f29_16, (void *)&d29_16,
(void *)f29_17, (void *)&d29_17,
(void *)f29_18, (void *)&d29_18,
(void *)f29_19, (void *)&d29_19,
(void *)f30_0, (void *)&d30_0,
(void *)f30_1, (void *)&d30_1,
(void *)f30_2, (void *)&d30_2,
(void *)f30_3, (void *)&d30_3,
(void *)f30_4, (void *)&d30_4,
(void *)f30_5, (void *)&d30_5,
(void *)f30_6, (void *)&d30_6,
(void *)f30_7, (void *)&d30_7,
(void *)f30_8, (void *)&d30_8,
(void *)f30_9, (void *)&d30_9,
(void *)f30_10, (void *)&d30_10,
(void *)f30_11, (void *)&d30_11,
(void *)f30_12, (void *)&d30_12,
(void *)f30_13, (void *)&d30_13,
(void *)f30_14, (void *)&d30_14,
(void *)f30_15, (void *)&d30_15,
(void *)f30_16, (void *)&d30_16,
(void *)f30_17, (void *)&d30_17,
(void *)f30_18, (void *)&d30_18,
(void *)f30_19, (void *)&d30_19,
(void *)f31_0, (void *)&d31_0,
(void *)f31_1, (void *)&d31_1,
(void *)f31_2, (void *)&d31_2,
(void *)f31_3, (void *)&d31_3,
(void *)f31_4, (void *)&d31_4,
(void *)f31_5, (void *)&d31_5,
(void *)f31_6, (void *)&d31_6,
(void *)f31_7, (void *)&d31_7,
(void *)f31_8, (void *)&d31_8,
(void *)f31_9, (void *)&d31_9,
(void *)f31_10, (void *)&d31_10,
(void *)f31_11, (void *)&d31_11,
(void *)f31_12, (void *)&d31_12,
(void *)f31_13, (void *)&d31_13,
(void *)f31_14, (void *)&d31_14,
(void *)f31_15, (void *)&d31_15,
(void *)f31_16, (void *)&d31_16,
(void *)f31_17, (void *)&d31_17,
(void *)f31_18, (void *)&d31_18,
(void *)f31_19, (void *)&d31_19,
(void *)f32_0, (void *)&d32_0,
(void *)f32_1, (void *)&d32_1,
(void *)f32_2, (void *)&d32_2,
(void *)f32_3, (void *)&d32_3,
(void *)f32_4, (void *)&d32_4,
(void *)f32_5, (void *)&d32_5,
(void *)f32_6, (void *)&d32_6,
(void *)f32_7, (void *)&d32_7,
(void *)f32_8, (void *)&d32_8,
(void *)f32_9, (void *)&d32_9,
(void *)f32_10, (void *)&d32_10,
(void *)f32_11, (void *)&d32_11,
(void *)f32_12, (void *)&d32_12,
(void *)f32_13, (void *)&d32_13,
(void *)f32_14, (void *)&d32_14,
(void *)f32_15, (void *)&d32_15,
(void *)f32_16, (void *)&d32_16,
(void *)f32_17, (void *)&d32_17,
(void *)f32_18, (void *)&d32_18,
(void *)f32_19, (void *)&d32_19,
(void *)f33_0, (void *)&d33_0,
(void *)f33_1, (void *)&d33_1,
(void *)f33_2, (void *)&d33_2,
(void *)f33_3, (void *)&d33_3,
(void *)f33_4, (void *)&d33_4,
(void *)f33_5, (void *)&d33_5,
(void *)f33_6, (void *)&d33_6,
(void *)f33_7, (void *)&d33_7,
(void *)f33_8, (void *)&d33_8,
(void *)f33_9, (void *)&d33_9,
(void *)f33_10, (void *)&d33_10,
(void *)f33_11, (void *)&d33_11,
(void *)f33_12, (void *)&d33_12,
(void *)f33_13, (void *)&d33_13,
(void *)f33_14, (void *)&d33_14,
(void *)f33_15, (void *)&d33_15,
(void *)f33_16, (void *)&d33_16,
(void *)f33_17, (void *)&d33_17,
(void *)f33_18, (void *)&d33_18,
(void *)f33_19, (void *)&d33_19,
(void *)f34_0, (void *)&d34_0,
(void *)f34_1, (void *)&d34_1,
(void *)f34_2, (void *)&d34_2,
(void *)f34_3, (void *)&d34_3,
(void *)f34_4, (void *)&d34_4,
(void *)f34_5, (void *)&d34_5,
(void *)f34_6, (void *)&d34_6,
(void *)f34_7, (void *)&d34_7,
(void *)f34_8, (void *)&d34_8,
(void *)f34_9, (void *)&d34_9,
(void *)f34_10, (void *)&d34_10,
(void *)f34_11, (void *)&d34_11,
(void *)f34_12, (void *)&d34_12,
(void *)f34_13, (void *)&d34_13,
(void *)f34_14, (void *)&d34_14,
(void *)f34_15, (void *)&d34_15,
(void *)f34_16, (void *)&d34_16,
(void *)f34_17, (void *)&d34_17,
(void *)f34_18, (void *)&d34_18,
(void *)f34_19, (void *)&d34_19,
(void *)f35_0, (void *)&d35_0,
(void *)f35_1, (void *)&d35_1,
(void *)f35_2, (void *)&d35_2,
(void *)f35_3, (void *)&d35_3,
(void *)f35_4, (void *)&d35_4,
(void *)f35_5, (void *)&d35_5,
(void *)f35_6, (void *)&d35_6,
(void *)f35_7, (void *)&d35_7,
(void *)f35_8, (void *)&d35_8,
(void *)f35_9, (void *)&d35_9,
(void *)f35_10, (void *)&d35_10,
(void *)f35_11, (void *)&d35_11,
(void *)f35_12, (void *)&d35_12,
(void *)f35_13, (void *)&d35_13,
(void *)f35_14, (void *)&d35_14,
(void *)f35_15, (void *)&d35_15,
(void *)f35_16, (void *)&d35_16,
(void *)f35_17, (void *)&d35_17,
(void *)f35_18, (void *)&d35_18,
(void *)f35_19, (void *)&d35_19,
(void *)f36_0, (void *)&d36_0,
(void *)f36_1, (void *)&d36_1,
(void *)f36_2, (void *)&d36_2,
(void *)f36_3, (void *)&d36_3,
(void *)f36_4, (void *)&d36_4,
(void *)f36_5, (void *)&d36_5,
(void *)f36_6, (void *)&d36_6,
(void *)f36_7, (void *)&d36_7,
(void *)f36_8, (void *)&d36_8,
(void *)f36_9, (void *)&d36_9,
(void *)f36_10, (void *)&d36_10,
(void *)f36_11, (void *)&d36_11,
(void *)f36_12, (void *)&d36_12,
(void *)f36_13, (void *)&d36_13,
(void *)f36_14, (void *)&d36_14,
(void *)f36_15, (void *)&d36_15,
(void *)f36_16, (void *)&d36_16,
(void *)f36_17, (void *)&d36_17,
(void *)f36_18, (void *)&d36_18,
(void *)f36_19, (void *)&d36_19,
(void *)f37_0, (void *)&d37_0,
(void *)f37_1, (void *)&d37_1,
(void *)f37_2, (void *)&d37_2,
(void *)f37_3, (void *)&d37_3,
(void *)f37_4, (void *)&d37_4,
(void *)f37_5, (void *)&d37_5,
(void *)f37_6, (void *)&d37_6,
(void *)f37_7, (void *)&d37_7,
(void *)f37_8, (void *)&d37_8,
(void *)f37_9, (void *)&d37_9,
(void *)f37_10, (void *)&d37_10,
(void *)f37_11, (void *)&d37_11,
(void *)f37_12, (void *)&d37_12,
(void *)f37_13, (void *)&d37_13,
(void *)f37_14, (void *)&d37_14,
(void *)f37_15, (void *)&d37_15,
(void *)f37_16, (void *)&d37_16,
(void *)f37_17, (void *)&d37_17,
(void *)f37_18, (void *)&d37_18,
(void *)f37_19, (void *)&d37_19,
(void *)f38_0, (void *)&d38_0,
(void *)f38_1, (void *)&d38_1,
(void *)f38_2, (void *)&d38_2,
(void *)f38_3, (void *)&d38_3,
(void *)f38_4, (void *)&d38_4,
(void *)f38_5, (void *)&d38_5,
(void *)f38_6, (void *)&d38_6,
(void *)f38_7, (void *)&d38_7,
(void *)f38_8, (void *)&d38_8,
(void *)f38_9, (void *)&d38_9,
(void *)f38_10, (void *)&d38_10,
(void *)f38_11, (void *)&d38_11,
(void *)f38_12, (void *)&d38_12,
(void *)f38_13, (void *)&d38_13,
(void *)f38_14, (void *)&d38_14,
(void *)f38_15, (void *)&d38_15,
(void *)f38_16, (void *)&d38_16,
(void *)f38_17, (void *)&d38_17,
(void *)f38_18, (void *)&d38_18,
(void *)f38_19, (void *)&d38_19,
(void *)f39_0, (void *)&d39_0,
(void *)f39_1, (void *)&d39_1,
(void *)f39_2, (void *)&d39_2,
(void *)f39_3, (void *)&d39_3,
(void *)f39_4, (void *)&d39_4,
(void *)f39_5, (void *)&d39_5,
(void *)f39_6, (void *)&d39_6,
(void *)f39_7, (void *)&d39_7,
(void *)f39_8, (void *)&d39_8,
(void *)f39_9, (void *)&d39_9,
(void *)f39_10, (void *)&d39_10,
(void *)f39_11, (void *)&d39_11,
(void *)f39_12, (void *)&d39_12,
(void *)f39_13, (void *)&d39_13,
(void *)f39_14, (void *)&d39_14,
(void *)f39_15, (void *)&d39_15,
(void *)f39_16, (void *)&d39_16,
(void *)f39_17, (void *)&d39_17,
(void *)f39_18, (void *)&d39_18,
(void *)f39_19, (void *)&d39_19,
(void *)f40_0, (void *)&d40_0,
(void *)f40_1, (void *)&d40_1,
(void *)f40_2, (void *)&d40_2,
(void *)f40_3, (void *)&d40_3,
(void *)f40_4, (void *)&d40_4,
(void *)f40_5, (void *)&d40_5,
(void *)f40_6, (void *)&d40_6,
(void *)f40_7, (void *)&d40_7,
(void *)f40_8, (void *)&d40_8,
(void *)f40_9, (void *)&d40_9,
(void *)f40_10, (void *)&d40_10,
(void *)f40_11, (void *)&d40_11,
(void *)f40_12, (void *)&d40_12,
(void *)f40_13, (void *)&d40_13,
(void *)f40_14, (void *)&d40_14,
(void *)f40_15, (void *)&d40_15,
(void *)f40_16, (void *)&d40_16,
(void *)f40_17, (void *)&d40_17,
(void *)f40_18, (void *)&d40_18,
(void *)f40_19, (void *)&d40_19,
(void *)f41_0, (void *)&d41_0,
(void *)f41_1, (void *)&d41_1,
(void *)f41_2, (void *)&d41_2,
(void *)f41_3, (void *)&d41_3,
(void *)f41_4, (void *)&d41_4,
(void *)f41_5, (void *)&d41_5,
(void *)f41_6, (void *)&d41_6,
(void *)f41_7, (void *)&d41_7,
(void *)f41_8, (void *)&d41_8,
(void *)f41_9, (void *)&d41_9,
(void *)f41_10, (void *)&d41_10,
(void *)f41_11, (void *)&d41_11,
(void *)f41_12, (void *)&d41_12,
(void *)f41_13, (void *)&d41_13,
(void *)f41_14, (void *)&d41_14,
(void *)f41_15, (void *)&d41_15,
(void *)f41_16, (void *)&d41_16,
(void *)f41_17, (void *)&d41_17,
(void *)f41_18, (void *)&d41_18,
(void *)f41_19, (void *)&d41_19,
(void *)f42_0, (void *)&d42_0,
(void *)f42_1, (void *)&d42_1,
(void *)f42_2, (void *)&d42_2,
(void *)f42_3, (void *)&d42_3,
(void *)f42_4, (void *)&d42_4,
(void *)f42_5, (void *)&d42_5,
(void *)f42_6, (void *)&d42_6,
(void *)f42_7, (void *)&d42_7,
(void *)f42_8, (void *)&d42_8,
(void *)f42_9, (void *)&d42_9,
(void *)f42_10, (void *)&d42_10,
(void *)f42_11, (void *)&d42_11,
(void *)f42_12, (void *)&d42_12,
(void *)f42_13, (void *)&d42_13,
(void *)f42_14, (void *)&d42_14,
(void *)f42_15, (void *)&d42_15,
(void *)f42_16, (void *)&d42_16,
(void *)f42_17, (void *)&d42_17,
(void *)f42_18, (void *)&d42_18,
(void *)f42_19, (void *)&d42_19,
(void *)f43_0, (void *)&d43_0,
(void *)f43_1, (void *)&d43_1,
(void *)f43_2, (void *)&d43_2,
(void *)f43_3, (void *)&d43_3,
(void *)f43_4, (void *)&d43_4,
(void *)f43_5, (void *)&d43_5,
(void *)f43_6, (void *)&d43_6,
(void *)f43_7, (void *)&d43_7,
(void *)f43_8, (void *)&d43_8,
(void *)f43_9, (void *)&d43_9,
(void *)f43_10, (void *)&d43_10,
(void *)f43_11, (void *)&d43_11,
(void *)f43_12, (void *)&d43_12,
(void *)f43_13, (void *)&d43_13,
(void *)f43_14, (void *)&d43_14,
(void *)f43_15, (void *)&d43_15,
(void *)f43_16, (void *)&d43_16,
(void *)f43_17, (void *)&d43_17,
(void *)f43_18, (void *)&d43_18,
(void *)f43_19, (void *)&d43_19,
(void *)f44_0, (void *)&d44_0,
(void *)f44_1, (void *)&d44_1,
(void *)f44_2, (void *)&d44_2,
(void *)f44_3, (void *)&d44_3,
(void *)f44_4, (void *)&d44_4,
(void *)f44_5, (void *)&d44_5,
(void *)f44_6, (void *)&d44_6,
(void *)f44_7, (void *)&d44_7,
(void *)f44_8, (void *)&d44_8,
(void *)f44_9, (void *)&d44_9,
(void *)f44_10, (void *)&d44_10,
(void *)f44_11, (void *)&d44_11,
(void *)f44_12, (void *)&d44_12,
(void *)f44_13, (void *)&d44_13,
(void *)f44_14, (void *)&d44_14,
(void *)f44_15, (void *)&d44_15,
(void *)f44_16, (void *)&d44_16,
(void *)f44_17, (void *)&d44_17,
(void *)f44_18, (void *)&d44_18,
(void *)f44_19, (void *)&d44_19,
(void *)f45_0, (void *)&d45_0,
(void *)f45_1, (void *)&d45_1,
(void *)f45_2, (void *)&d45_2,
(void *)f45_3, (void *)&d45_3,
(void *)f45_4, (void *)&d45_4,
(void *)f45_5, (void *)&d45_5,
(void *)f45_6, (void *)&d45_6,
(void *)f45_7, (void *)&d45_7,
(void *)f45_8, (void *)&d45_8,
(void *)f45_9, (void *)&d45_9,
(void *)f45_10, (void *)&d45_10,
(void *)f45_11, (void *)&d45_11,
(void *)f45_12, (void *)&d45_12,
(void *)f45_13, (void *)&d45_13,
(void *)f45_14, (void *)&d45_14,
(void *)f45_15, (void *)&d45_15,
(void *)f45_16, (void *)&d45_16,
(void *)f45_17, (void *)&d45_17,
(void *)f45_18, (void *)&d45_18,
(void *)f45_19, (void *)&d45_19,
(void *)f46_0, (void *)&d46_0,
(void *)f46_1, (void *)&d46_1,
(void *)f46_2, (void *)&d46_2,
(void *)f46_3, (void *)&d46_3,
(void *)f46_4, (void *)&d46_4,
(void *)f46_5, (void *)&d46_5,
(void *)f46_6, (void *)&d46_6,
(void *)f46_7, (void *)&d46_7,
(void *)f46_8, (void *)&d46_8,
(void *)f46_9, (void *)&d46_9,
(void *)f46_10, (void *)&d46_10,
(void *)f46_11, (void *)&d46_11,
(void *)f46_12, (void *)&d46_12,
(void *)f46_13, (void *)&d46_13,
(void *)f46_14, (void *)&d46_14,
(void *)f46_15, (void *)&d46_15,
(void *)f46_16, (void *)&d46_16,
(void *)f46_17, (void *)&d46_17,
(void *)f46_18, (void *)&d46_18,
(void *)f46_19, (void *)&d46_19,
(void *)f47_0, (void *)&d47_0,
(void *)f47_1, (void *)&d47_1,
(void *)f47_2, (void *)&d47_2,
(void *)f47_3, (void *)&d47_3,
(void *)f47_4, (void *)&d47_4,
(void *)f47_5, (void *)&d47_5,
(void *)f47_6, (void *)&d47_6,
(void *)f47_7, (void *)&d47_7,
(void *)f47_8, (void *)&d47_8,
(void *)f47_9, (void *)&d47_9,
(void *)f47_10, (void *)&d47_10,
(void *)f47_11, (void *)&d47_11,
(void *)f47_12, (void *)&d47_12,
(void *)f47_13, (void *)&d47_13,
(void *)f47_14, (void *)&d47_14,
(void *)f47_15, (void *)&d47_15,
(void *)f47_16, (void *)&d47_16,
(void *)f47_17, (void *)&d47_17,
(void *)f47_18, (void *)&d47_18,
(void *)f47_19, (void *)&d47_19,
(void *)f48_0, (void *)&d48_0,
(void *)f48_1, (void *)&d48_1,
(void *)f48_2, (void *)&d48_2,
(void *)f48_3, (void *)&d48_3,
(void *)f48_4, (void *)&d48_4,
(void *)f48_5, (void *)&d48_5,
(void *)f48_6, (void *)&d48_6,
(void *)f48_7, (void *)&d48_7,
(void *)f48_8, (void *)&d48_8,
(void *)f48_9, (void *)&d48_9,
(void *)f48_10, (void *)&d48_10,
(void *)f48_11, (void *)&d48_11,
(void *)f48_12, (void *)&d48_12,
(void *)f48_13, (void *)&d48_13,
(void *)f48_14, (void *)&d48_14,
(void *)f48_15, (void *)&d48_15,
(void *)f48_16, (void *)&d48_16,
(void *)f48_17, (void *)&d48_17,
(void *)f48_18, (void *)&d48_18,
(void *)f48_19, (void *)&d48_19,
(void *)f49_0, (void *)&d49_0,
(void *)f49_1, (void *)&d49_1,
(void *)f49_2, (void *)&d49_2,
(void *)f49_3, (void *)&d49_3,
(void *)f49_4, (void *)&d49_4,
(void *)f49_5, (void *)&d49_5,
(void *)f49_6, (void *)&d49_6,
(void *)f49_7, (void *)&d49_7,
(void *)f49_8, (void *)&d49_8,
(void *)f49_9, (void *)&d49_9,
(void *)f49_10, (void *)&d49_10,
(void *)f49_11, (void *)&d49_11,
(void *)f49_12, (void *)&d49_12,
(void *)f49_13, (void *)&d49_13,
(void *)f49_14, (void *)&d49_14,
(void *)f49_15, (void *)&d49_15,
(void *)f49_16, (void *)&d49_16,
(void *)f49_17, (void *)&d49_17,
(void *)f49_18, (void *)&d49_18,
(void *)f49_19, (void *)&d49_19,
(void *)f50_0, (void *)&d50_0,
(void *)f50_1, (void *)&d50_1,
(void *)f50_2, (void *)&d50_2,
(void *)f50_3, (void *)&d50_3,
(void *)f50_4, (void *)&d50_4,
(void *)f50_5, (void *)&d50_5,
(void *)f50_6, (void *)&d50_6,
(void *)f50_7, (void *)&d50_7,
(void *)f50_8, (void *)&d50_8,
(void *)f50_9, (void *)&d50_9,
(void *)f50_10, (void *)&d50_10,
(void *)f50_11, (void *)&d50_11,
(void *)f50_12, (void *)&d50_12,
(void *)f50_13, (void *)&d50_13,
(void *)f50_14, (void *)&d50_14,
(void *)f50_15, (void *)&d50_15,
(void *)f50_16, (void *)&d50_16,
(void *)f50_17, (void *)&d50_17,
(void *)f50_18, (void *)&d50_18,
(void *)f50_19, (void *)&d50_19,
(void *)f51_0, (void *)&d51_0,
(void *)f51_1, (void *)&d51_1,
(void *)f51_2, (void *)&d51_2,
(void *)f51_3, (void *)&d51_3,
(void *)f51_4, (void *)&d51_4,
(void *)f51_5, (void *)&d51_5,
(void *)f51_6, (void *)&d51_6,
(void *)f51_7, (void *)&d51_7,
(void *)f51_8, (void *)&d51_8,
(void *)f51_9, (void *)&d51_9,
(void *)f51_10, (void *)&d51_10,
(void *)f51_11, (void *)&d51_11,
(void *)f51_12, (void *)&d51_12,
(void *)f51_13, (void *)&d51_13,
(void *)f51_14, (void *)&d51_14,
(void *)f51_15, (void *)&d51_15,
(void *)f51_16, (void *)&d51_16,
(void *)f51_17, (void *)&d51_17,
(void *)f51_18, (void *)&d51_18,
(void *)f51_19, (void *)&d51_19,
(void *)f52_0, (void *)&d52_0,
(void *)f52_1, (void *)&d52_1,
(void *)f52_2, (void *)&d52_2,
(void *)f52_3, (void *)&d52_3,
(void *)f52_4, (void *)&d52_4,
(void *)f52_5, (void *)&d52_5,
(void *)f52_6, (void *)&d52_6,
(void *)f52_7, (void *)&d52_7,
(void *)f52_8, (void *)&d52_8,
(void *)f52_9, (void *)&d52_9,
(void *)f52_10, (void *)&d52_10,
(void *)f52_11, (void *)&d52_11,
(void *)f52_12, (void *)&d52_12,
(void *)f52_13, (void *)&d52_13,
(void *)f52_14, (void *)&d52_14,
(void *)f52_15, (void *)&d52_15,
(void *)f52_16, (void *)&d52_16,
(void *)f52_17, (void *)&d52_17,
(void *)f52_18, (void *)&d52_18,
(void *)f52_19, (void *)&d52_19,
(void *)f53_0, (void *)&d53_0,
(void *)f53_1, (void *)&d53_1,
(void *)f53_2, (void *)&d53_2,
(void *)f53_3, (void *)&d53_3,
(void *)f53_4, (void *)&d53_4,
(void *)f53_5, (void *)&d53_5,
(void *)f53_6, (void *)&d53_6,
(void *)f53_7, (void *)&d53_7,
(void *)f53_8, (void *)&d53_8,
(void *)f53_9, (void *)&d53_9,
(void *)f53_10, (void *)&d53_10,
(void *)f53_11, (void *)&d53_11,
(void *)f53_12, (void *)&d53_12,
(void *)f53_13, (void *)&d53_13,
(void *)f53_14, (void *)&d53_14,
(void *)f53_15, (void *)&d53_15,
(void *)f53_16, (void *)&d53_16,
(void *)f53_17, (void *)&d53_17,
(void *)f53_18, (void *)&d53_18,
(void *)f53_19, (void *)&d53_19,
(void *)f54_0, (void *)&d54_0,
(void *)f54_1, (void *)&d54_1,
(void *)f54_2, (void *)&d54_2,
(void *)f54_3, (void *)&d54_3,
(void *)f54_4, (void *)&d54_4,
(void *)f54_5, (void *)&d54_5,
(void *)f54_6, (void *)&d54_6,
(void *)f54_7, (void *)&d54_7,
(void *)f54_8, (void *)&d54_8,
(void *)f54_9, (void *)&d54_9,
(void *)f54_10, (void *)&d54_10,
(void *)f54_11, (void *)&d54_11,
(void *)f54_12, (void *)&d54_12,
(void *)f54_13, (void *)&d54_13,
(void *)f54_14, (void *)&d54_14,
(void *)f54_15, (void *)&d54_15,
(void *)f54_16, (void *)&d54_16,
(void *)f54_17, (void *)&d54_17,
(void *)f54_18, (void *)&d54_18,
(void *)f54_19, (void *)&d54_19,
(void *)f55_0, (void *)&d55_0,
(void *)f55_1, (void *)&d55_1,
(void *)f55_2, (void *)&d55_2,
(void *)f55_3, (void *)&d55_3,
(void *)f55_4, (void *)&d55_4,
(void *)f55_5, (void *)&d55_5,
(void *)f55_6, (void *)&d55_6,
(void *)f55_7, (void *)&d55_7,
(void *)f55_8, (void *)&d55_8,
(void *)f55_9, (void *)&d55_9,
(void *)f55_10, (void *)&d55_10,
(void *)f55_11, (void *)&d55_11,
(void *)f55_12, (void *)&d55_12,
(void *)f55_13, (void *)&d55_13,
(void *)f55_14, (void *)&d55_14,
(void *)f55_15, (void *)&d55_15,
(void *)f55_16, (void *)&d55_16,
(void *)f55_17, (void *)&d55_17,
(void *)f55_18, (void *)&d55_18,
(void *)f55_19, (void *)&d55_19,
(void *)f56_0, (void *)&d56_0,
(void *)f56_1, (void *)&d56_1,
(void *)f56_2, (void *)&d56_2,
(void *)f56_3, (void *)&d56_3,
(void *)f56_4, (void *)&d56_4,
(void *)f56_5, (void *)&d56_5,
(void *)f56_6, (void *)&d56_6,
(void *)f56_7, (void *)&d56_7,
(void *)f56_8, (void *)&d56_8,
(void *)f56_9, (void *)&d56_9,
(void *)f56_10, (void *)&d56_10,
(void *)f56_11, (void *)&d56_11,
(void *)f56_12, (void *)&d56_12,
(void *)f56_13, (void *)&d56_13,
(void *)f56_14, (void *)&d56_14,
(void *)f56_15, (void *)&d56_15,
(void *)f56_16, (void *)&d56_16,
(void *)f56_17, (void *)&d56_17,
(void *)f56_18, (void *)&d56_18,
(void *)f56_19, (void *)&d56_19,
(void *)f57_0, (void *)&d57_0,
(void *)f57_1, (void *)&d57_1,
(void *)f57_2, (void *)&d57_2,
(void *)f57_3, (void *)&d57_3,
(void *)f57_4, (void *)&d57_4,
(void *)f57_5, (void *)&d57_5,
(void *)f57_6, (void *)&d57_6,
(void *)f57_7, (void *)&d57_7,
(void *)f57_8, (void *)&d57_8,
(void *)f57_9, (void *)&d57_9,
(void *)f57_10, (void *)&d57_10,
(void *)f57_11, (void *)&d57_11,
(void *)f57_12, (void *)&d57_12,
(void *)f57_13, (void *)&d57_13,
(void *)f57_14, (void *)&d57_14,
(void *)f57_15, (void *)&d57_15,
(void *)f57_16, (void *)&d57_16,
(void *)f57_17, (void *)&d57_17,
(void *)f57_18, (void *)&d57_18,
(void *)f57_19, (void *)&d57_19,
(void *)f58_0, (void *)&d58_0,
(void *)f58_1, (void *)&d58_1,
(void *)f58_2, (void *)&d58_2,
(void *)f58_3, (void *)&d58_3,
(void *)f58_4, (void *)&d58_4,
(void *)f58_5, (void *)&d58_5,
(void *)f58_6, (void *)&d58_6,
(void *)f58_7, (void *)&d58_7,
(void *)f58_8, (void *)&d58_8,
(void *)f58_9, (void *)&d58_9,
(void *)f58_10, (void *)&d58_10,
(void *)f58_11, (void *)&d58_11,
(void *)f58_12, (void *)&d58_12,
(void *)f58_13, (void *)&d58_13,
(void *)f58_14, (void *)&d58_14,
(void *)f58_15, (void *)&d58_15,
(void *)f58_16, (void *)&d58_16,
(void *)f58_17, (void *)&d58_17,
(void *)f58_18, (void *)&d58_18,
(void *)f58_19, (void *)&d58_19,
(void *)f59_0, (void *)&d59_0,
(void *)f59_1, (void *)&d59_1,
(void *)f59_2, (void *)&d59_2,
(void *)f59_3, (void *)&d59_3,
(void *)f59_4, (void *)&d59_4,
(void *)f59_5, (void *)&d59_5,
(void *)f59_6, (void *)&d59_6,
(void *)f59_7, (void *)&d59_7,
(void *)f59_8, (void *)&d59_8,
(void *)f59_9, (void *)&d59_9,
(void *)f59_10, (void *)&d59_10,
(void *)f59_11, (void *)&d59_11,
(void *)f59_12, (void *)&d59_12,
(void *)f59_13, (void *)&d59_13,
(void *)f59_14, (void *)&d59_14,
(void *)f59_15, (void *)&d59_15,
(void *)f59_16, (void *)&d59_16,
(void *)f59_17, (void *)&d59_17,
(void *)f59_18, (void *)&d59_18,
(void *)f59_19, (void *)&d59_19,
(void *)f60_0, (void *)&d60_0,
(void *)f60_1, (void *)&d60_1,
(void *)f60_2, (void *)&d60_2,
(void *)f60_3, (void *)&d60_3,
(void *)f60_4, (void *)&d60_4,
(void *)f60_5, (void *)&d60_5,
(void *)f60_6, (void *)&d60_6,
(void *)f60_7, (void *)&d60_7,
(void *)f60_8, (void *)&d60_8,
(void *)f60_9, (void *)&d60_9,
(void *)f60_10, (void *)&d60_10,
(void *)f60_11, (void *)&d60_11,
(void *)f60_12, (void *)&d60_12,
(void *)f60_13, (void *)&d60_13,
(void *)f60_14, (void *)&d60_14,
(void *)f60_15, (void *)&d60_15,
(void *)f60_16, (void *)&d60_16,
(void *)f60_17, (void *)&d60_17,
(void *)f60_18, (void *)&d60_18,
(void *)f60_19, (void *)&d60_19,
(void *)f61_0, (void *)&d61_0,
(void *)f61_1, (void *)&d61_1,
(void *)f61_2, (void *)&d61_2,
(void *)f61_3, (void *)&d61_3,
(void *)f61_4, (void *)&d61_4,
(void *)f61_5, (void *)&d61_5,
(void *)f61_6, (void *)&d61_6,
(void *)f61_7, (void *)&d61_7,
(void *)f61_8, (void *)&d61_8,
(void *)f61_9, (void *)&d61_9,
(void *)f61_10, (void *)&d61_10,
(void *)f61_11, (void *)&d61_11,
(void *)f61_12, (void *)&d61_12,
(void *)f61_13, (void *)&d61_13,
(void *)f61_14, (void *)&d61_14,
(void *)f61_15, (void *)&d61_15,
(void *)f61_16, (void *)&d61_16,
(void *)f61_17, (void *)&d61_17,
(void *)f61_18, (void *)&d61_18,
(void *)f61_19, (void *)&d61_19,
(void *)f62_0, (void *)&d62_0,
(void *)f62_1, (void *)&d62_1,
(void *)f62_2, (void *)&d62_2,
(void *)f62_3, (void *)&d62_3,
(void *)f62_4, (void *)&d62_4,
(void *)f62_5, (void *)&d62_5,
(void *)f62_6, (void *)&d62_6,
(void *)f62_7, (void *)&d62_7,
(void *)f62_8, (void *)&d62_8,
(void *)f62_9, (void *)&d62_9,
(void *)f62_10, (void *)&d62_10,
(void *)f62_11, (void *)&d62_11,
(void *)f62_12, (void *)&d62_12,
(void *)f62_13, (void *)&d62_13,
(void *)f62_14, (void *)&d62_14,
(void *)f62_15, (void *)&d62_15,
(void *)f62_16, (void *)&d62_16,
(void *)f62_17, (void *)&d62_17,
(void *)f62_18, (void *)&d62_18,
(void *)f62_19, (void *)&d62_19,
(void *)f63_0, (void *)&d63_0,
(void *)f63_1, (void *)&d63_1,
(void *)f63_2, (void *)&d63_2,
(void *)f63_3, (void *)&d63_3,
(void *)f63_4, (void *)&d63_4,
(void *)f63_5, (void *)&d63_5,
(void *)f63_6, (void *)&d63_6,
(void *)f63_7, (void *)&d63_7,
(void *)f63_8, (void *)&d63_8,
(void *)f63_9, (void *)&d63_9,
(void *)f63_10, (void *)&d63_10,
(void *)f63_11, (void *)&d63_11,
(void *)f63_12, (void *)&d63_12,
(void *)f63_13, (void *)&d63_13,
(void *)f63_14, (void *)&d63_14,
(void *)f63_15, (void *)&d63_15,
(void *)f63_16, (void *)&d63_16,
(void *)f63_17, (void *)&d63_17,
(void *)f63_18, (void *)&d63_18,
(void *)f63_19, (void *)&d63_19,
(void *)f64_0, (void *)&d64_0,
(void *)f64_1, (void *)&d64_1,
(void *)f64_2, (void *)&d64_2,
(void *)f64_3, (void *)&d64_3,
(void *)f64_4, (void *)&d64_4,
(void *)f64_5, (void *)&d64_5,
(void *)f64_6, (void *)&d64_6,
(void *)f64_7, (void *)&d64_7,
(void *)f64_8, (void *)&d64_8,
(void *)f64_9, (void *)&d64_9,
(void *)f64_10, (void *)&d64_10,
(void *)f64_11, (void *)&d64_11,
(void *)f64_12, (void *)&d64_12,
(void *)f64_13, (void *)&d64_13,
(void *)f64_14, (void *)&d64_14,
(void *)f64_15, (void *)&d64_15,
(void *)f64_16, (void *)&d64_16,
(void *)f64_17, (void *)&d64_17,
(void *)f64_18, (void *)&d64_18,
(void *)f64_19, (void *)&d64_19,
(void *)f65_0, (void *)&d65_0,
(void *)f65_1, (void *)&d65_1,
(void *)f65_2, (void *)&d65_2,
(void *)f65_3, (void *)&d65_3,
(void *)f65_4, (void *)&d65_4,
(void *)f65_5, (void *)&d65_5,
(void *)f65_6, (void *)&d65_6,
(void *)f65_7, (void *)&d65_7,
(void *)f65_8, (void *)&d65_8,
(void *)f65_9, (void *)&d65_9,
(void *)f65_10, (void *)&d65_10,
(void *)f65_11, (void *)&d65_11,
(void *)f65_12, (void *)&d65_12,
(void *)f65_13, (void *)&d65_13,
(void *)f65_14, (void *)&d65_14,
(void *)f65_15, (void *)&d65_15,
(void *)f65_16, (void *)&d65_16,
(void *)f65_17, (void *)&d65_17,
(void *)f65_18, (void *)&d65_18,
(void *)f65_19, (void *)&d65_19,
(void *)f66_0, (void *)&d66_0,
(void *)f66_1, (void *)&d66_1,
(void *)f66_2, (void *)&d66_2,
(void *)f66_3, (void *)&d66_3,
(void *)f66_4, (void *)&d66_4,
(void *)f66_5, (void *)&d66_5,
(void *)f66_6, (void *)&d66_6,
(void *)f66_7, (void *)&d66_7,
(void *)f66_8, (void *)&d66_8,
(void *)f66_9, (void *)&d66_9,
(void *)f66_10, (void *)&d66_10,
(void *)f66_11, (void *)&d66_11,
(void *)f66_12, (void *)&d66_12,
(void *)f66_13, (void *)&d66_13,
(void *)f66_14, (void *)&d66_14,
(void *)f66_15, (void *)&d66_15,
(void *)f66_16, (void *)&d66_16,
(void *)f66_17, (void *)&d66_17,
(void *)f66_18, (void *)&d66_18,
(void *)f66_19, (void *)&d66_19,
(void *)f67_0, (void *)&d67_0,
(void *)f67_1, (void *)&d67_1,
(void *)f67_2, (void *)&d67_2,
(void *)f67_3, (void *)&d67_3,
(void *)f67_4, (void *)&d67_4,
(void *)f67_5, (void *)&d67_5,
(void *)f67_6, (void *)&d67_6,
(void *)f67_7, (void *)&d67_7,
(void *)f67_8, (void *)&d67_8,
(void *)f67_9, (void *)&d67_9,
(void *)f67_10, (void *)&d67_10,
(void *)f67_11, (void *)&d67_11,
(void *)f67_12, (void *)&d67_12,
(void *)f67_13, (void *)&d67_13,
(void *)f67_14, (void *)&d67_14,
(void *)f67_15, (void *)&d67_15,
(void *)f67_16, (void *)&d67_16,
(void *)f67_17, (void *)&d67_17,
(void *)f67_18, (void *)&d67_18,
(void *)f67_19, (void *)&d67_19,
(void *)f68_0, (void *)&d68_0,
(void *)f68_1, (void *)&d68_1,
(void *)f68_2, (void *)&d68_2,
(void *)f68_3, (void *)&d68_3,
(void *)f68_4, (void *)&d68_4,
(void *)f68_5, (void *)&d68_5,
(void *)f68_6, (void *)&d68_6,
(void *)f68_7, (void *)&d68_7,
(void *)f68_8, (void *)&d68_8,
(void *)f68_9, (void *)&d68_9,
(void *)f68_10, (void *)&d68_10,
(void *)f68_11, (void *)&d68_11,
(void *)f68_12, (void *)&d68_12,
(void *)f68_13, (void *)&d68_13,
(void *)f68_14, (void *)&d68_14,
(void *)f68_15, (void *)&d68_15,
(void *)f68_16, (void *)&d68_16,
(void *)f68_17, (void *)&d68_17,
(void *)f68_18, (void *)&d68_18,
(void *)f68_19, (void *)&d68_19,
(void *)f69_0, (void *)&d69_0,
(void *)f69_1, (void *)&d69_1,
(void *)f69_2, (void *)&d69_2,
(void *)f69_3, (void *)&d69_3,
(void *)f69_4, (void *)&d69_4,
(void *)f69_5, (void *)&d69_5,
(void *)f69_6, (void *)&d69_6,
(void *)f69_7, (void *)&d69_7,
(void *)f69_8, (void *)&d69_8,
(void *)f69_9, (void *)&d69_9,
(void *)f69_10, (void *)&d69_10,
(void *)f69_11, (void *)&d69_11,
(void *)f69_12, (void *)&d69_12,
(void *)f69_13, (void *)&d69_13,
(void *)f69_14, (void *)&d69_14,
(void *)f69_15, (void *)&d69_15,
(void *)f69_16, (void *)&d69_16,
(void *)f69_17, (void *)&d69_17,
(void *)f69_18, (void *)&d69_18,
(void *)f69_19, (void *)&d69_19,
(void *)f70_0, (void *)&d70_0,
(void *)f70_1, (void *)&d70_1,
(void *)f70_2, (void *)&d70_2,
(void *)f70_3, (void *)&d70_3,
(void *)f70_4, (void *)&d70_4,
(void *)f70_5, (void *)&d70_5,
(void *)f70_6, (void *)&d70_6,
(void *)f70_7, (void *)&d70_7,
(void *)f70_8, (void *)&d70_8,
(void *)f70_9, (void *)&d70_9,
(void *)f70_10, (void *)&d70_10,
(void *)f70_11, (void *)&d70_11,
(void *)f70_12, (void *)&d70_12,
(void *)f70_13, (void *)&d70_13,
(void *)f70_14, (void *)&d70_14,
(void *)f70_15, (void *)&d70_15,
(void *)f70_16, (void *)&d70_16,
(void *)f70_17, (void *)&d70_17,
(void *)f70_18, (void *)&d70_18,
(void *)f70_19, (void *)&d70_19,
(void *)f71_0, (void *)&d71_0,
(void *)f71_1, (void *)&d71_1,
(void *)f71_2, (void *)&d71_2,
(void *)f71_3, (void *)&d71_3,
(void *)f71_4, (void *)&d71_4,
(void *)f71_5, (void *)&d71_5,
(void *)f71_6, (void *)&d71_6,
(void *)f71_7, (void *)&d71_7,
(void *)f71_8, (void *)&d71_8,
(void *)f71_9, (void *)&d71_9,
(void *)f71_10, (void *)&d71_10,
(void *)f71_11, (void *)&d71_11,
(void *)f71_12, (void *)&d71_12,
(void *)f71_13, (void *)&d71_13,
(void *)f71_14, (void *)&d71_14,
(void *)f71_15, (void *)&d71_15,
(void *)f71_16, (void *)&d71_16,
(void *)f71_17, (void *)&d71_17,
(void *)f71_18, (void *)&d71_18,
(void *)f71_19, (void *)&d71_19,
(void *)f72_0, (void *)&d72_0,
(void *)f72_1, (void *)&d72_1,
(void *)f72_2, (void *)&d72_2,
(void *)f72_3, (void *)&d72_3,
(void *)f72_4, (void *)&d72_4,
(void *)f72_5, (void *)&d72_5,
(void *)f72_6, (void *)&d72_6,
(void *)f72_7, (void *)&d72_7,
(void *)f72_8, (void *)&d72_8,
(void *)f72_9, (void *)&d72_9,
(void *)f72_10, (void *)&d72_10,
(void *)f72_11, (void *)&d72_11,
(void *)f72_12, (void *)&d72_12,
(void *)f72_13, (void *)&d72_13,
(void *)f72_14, (void *)&d72_14,
(void *)f72_15, (void *)&d72_15,
(void *)f72_16, (void *)&d72_16,
(void *)f72_17, (void *)&d72_17,
(void *)f72_18, (void *)&d72_18,
(void *)f72_19, (void *)&d72_19,
(void *)f73_0, (void *)&d73_0,
(void *)f73_1, (void *)&d73_1,
(void *)f73_2, (void *)&d73_2,
(void *)f73_3, (void *)&d73_3,
(void *)f73_4, (void *)&d73_4,
(void *)f73_5, (void *)&d73_5,
(void *)f73_6, (void *)&d73_6,
(void *)f73_7, (void *)&d73_7,
(void *)f73_8, (void *)&d73_8,
(void *)f73_9, (void *)&d73_9,
(void *)f73_10, (void *)&d73_10,
(void *)f73_11, (void *)&d73_11,
(void *)f73_12, (void *)&d73_12,
(void *)f73_13, (void *)&d73_13,
(void *)f73_14, (void *)&d73_14,
(void *)f73_15, (void *)&d73_15,
(void *)f73_16, (void *)&d73_16,
(void *)f73_17, (void *)&d73_17,
(void *)f73_18, (void *)&d73_18,
(void *)f73_19, (void *)&d73_19,
(void *)f74_0, (void *)&d74_0,
(void *)f74_1, (void *)&d74_1,
(void *)f74_2, (void *)&d74_2,
(void *)f74_3, (void *)&d74_3,
(void *)f74_4, (void *)&d74_4,
(void *)f74_5, (void *)&d74_5,
(void *)f74_6, (void *)&d74_6,
(void *)f74_7, (void *)&d74_7,
(void *)f74_8, (void *)&d74_8,
(void *)f74_9, (void *)&d74_9,
(void *)f74_10, (void *)&d74_10,
(void *)f74_11, (void *)&d74_11,
(void *)f74_12, (void *)&d74_12,
(void *)f74_13, (void *)&d74_13,
(void *)f74_14, (void *)&d74_14,
(void *)f74_15, (void *)&d74_15,
(void *)f74_16, (void *)&d74_16,
(void *)f74_17, (void *)&d74_17,
(void *)f74_18, (void *)&d74_18,
(void *)f74_19, (void *)&d74_19,
(void *)f75_0, (void *)&d75_0,
(void *)f75_1, (void *)&d75_1,
(void *)f75_2, (void *)&d75_2,
(void *)f75_3, (void *)&d75_3,
(void *)f75_4, (void *)&d75_4,
(void *)f75_5, (void *)&d75_5,
(void *)f75_6, (void *)&d75_6,
(void *)f75_7, (void *)&d75_7,
(void *)f75_8, (void *)&d75_8,
(void *)f75_9, (void *)&d75_9,
(void *)f75_10, (void *)&d75_10,
(void *)f75_11, (void *)&d75_11,
(void *)f75_12, (void *)&d75_12,
(void *)f75_13, (void *)&d75_13,
(void *)f75_14, (void *)&d75_14,
(void *)f75_15, (void *)&d75_15,
(void *)f75_16, (void *)&d75_16,
(void *)f75_17, (void *)&d75_17,
(void *)f75_18, (void *)&d75_18,
(void *)f75_19, (void *)&d75_19,
(void *)f76_0, (void *)&d76_0,
(void *)f76_1, (void *)&d76_1,
(void *)f76_2, (void *)&d76_2,
(void *)f76_3, (void *)&d76_3,
(void *)f76_4, (void *)&d76_4,
(void *)f76_5, (void *)&d76_5,
(void *)f76_6, (void *)&d76_6,
(void *)f76_7, (void *)&d76_7,
(void *)f76_8, (void *)&d76_8,
(void *)f76_9, (void *)&d76_9,
(void *)f76_10, (void *)&d76_10,
(void *)f76_11, (void *)&d76_11,
(void *)f76_12, (void *)&d76_12,
(void *)f76_13, (void *)&d76_13,
(void *)f76_14, (void *)&d76_14,
(void *)f76_15, (void *)&d76_15,
(void *)f76_16, (void *)&d76_16,
(void *)f76_17, (void *)&d76_17,
(void *)f76_18, (void *)&d76_18,
(void *)f76_19, (void *)&d76_19,
(void *)f77_0, (void *)&d77_0,
(void *)f77_1, (void *)&d77_1,
(void *)f77_2, (void *)&d77_2,
(void *)f77_3, (void *)&d77_3,
(void *)f77_4, (void *)&d77_4,
(void *)f77_5, (void *)&d77_5,
(void *)f77_6, (void *)&d77_6,
(void *)f77_7, (void *)&d77_7,
(void *)f77_8, (void *)&d77_8,
(void *)f77_9, (void *)&d77_9,
(void *)f77_10, (void *)&d77_10,
(void *)f77_11, (void *)&d77_11,
(void *)f77_12, (void *)&d77_12,
(void *)f77_13, (void *)&d77_13,
(void *)f77_14, (void *)&d77_14,
(void *)f77_15, (void *)&d77_15,
(void *)f77_16, (void *)&d77_16,
(void *)f77_17, (void *)&d77_17,
(void *)f77_18, (void *)&d77_18,
(void *)f77_19, (void *)&d77_19,
(void *)f78_0, (void *)&d78_0,
(void *)f78_1, (void *)&d78_1,
(void *)f78_2, (void *)&d78_2,
(void *)f78_3, (void *)&d78_3,
(void *)f78_4, (void *)&d78_4,
(void *)f78_5, (void *)&d78_5,
(void *)f78_6, (void *)&d78_6,
(void *)f78_7, (void *)&d78_7,
(void *)f78_8, (void *)&d78_8,
(void *)f78_9, (void *)&d78_9,
(void *)f78_10, (void *)&d78_10,
(void *)f78_11, (void *)&d78_11,
(void *)f78_12, (void *)&d78_12,
(void *)f78_13, (void *)&d78_13,
(void *)f78_14, (void *)&d78_14,
(void *)f78_15, (void *)&d78_15,
(void *)f78_16, (void *)&d78_16,
(void *)f78_17, (void *)&d78_17,
(void *)f78_18, (void *)&d78_18,
(void *)f78_19, (void *)&d78_19,
(void *)f79_0, (void *)&d79_0,
(void *)f79_1, (void *)&d79_1,
(void *)f79_2, (void *)&d79_2,
(void *)f79_3, (void *)&d79_3,
(void *)f79_4, (void *)&d79_4,
(void *)f79_5, (void *)&d79_5,
(void *)f79_6, (void *)&d79_6,
(void *)f79_7, (void *)&d79_7,
(void *)f79_8, (void *)&d79_8,
(void *)f79_9, (void *)&d79_9,
(void *)f79_10, (void *)&d79_10,
(void *)f79_11, (void *)&d79_11,
(void *)f79_12, (void *)&d79_12,
(void *)f79_13, (void *)&d79_13,
(void *)f79_14, (void *)&d79_14,
(void *)f79_15, (void *)&d79_15,
(void *)f79_16, (void *)&d79_16,
(void *)f79_17, (void *)&d79_17,
(void *)f79_18, (void *)&d79_18,
(void *)f79_19, (void *)&d79_19,
(void *)f80_0, (void *)&d80_0,
(void *)f80_1, (void *)&d80_1,
(void *)f80_2, (void *)&d80_2,
(void *)f80_3, (void *)&d80_3,
(void *)f80_4, (void *)&d80_4,
(void *)f80_5, (void *)&d80_5,
(void *)f80_6, (void *)&d80_6,
(void *)f80_7, (void *)&d80_7,
(void *)f80_8, (void *)&d80_8,
(void *)f80_9, (void *)&d80_9,
(void *)f80_10, (void *)&d80_10,
(void *)f80_11, (void *)&d80_11,
(void *)f80_12, (void *)&d80_12,
(void *)f80_13, (void *)&d80_13,
(void *)f80_14, (void *)&d80_14,
(void *)f80_15, (void *)&d80_15,
(void *)f80_16, (void *)&d80_16,
(void *)f80_17, (void *)&d80_17,
(void *)f80_18, (void *)&d80_18,
(void *)f80_19, (void *)&d80_19,
(void *)f81_0, (void *)&d81_0,
(void *)f81_1, (void *)&d81_1,
(void *)f81_2, (void *)&d81_2,
(void *)f81_3, (void *)&d81_3,
(void *)f81_4, (void *)&d81_4,
(void *)f81_5, (void *)&d81_5,
(void *)f81_6, (void *)&d81_6,
(void *)f81_7, (void *)&d81_7,
(void *)f81_8, (void *)&d81_8,
(void *)f81_9, (void *)&d81_9,
(void *)f81_10, (void *)&d81_10,
(void *)f81_11, (void *)&d81_11,
(void *)f81_12, (void *)&d81_12,
(void *)f81_13, (void *)&d81_13,
(void *)f81_14, (void *)&d81_14,
(void *)f81_15, (void *)&d81_15,
(void *)f81_16, (void *)&d81_16,
(void *)f81_17, (void *)&d81_17,
(void *)f81_18, (void *)&d81_18,
(void *)f81_19, (void *)&d81_19,
(void *)f82_0, (void *)&d82_0,
(void *)f82_1, (void *)&d82_1,
(void *)f82_2, (void *)&d82_2,
(void *)f82_3, (void *)&d82_3,
(void *)f82_4, (void *)&d82_4,
(void *)f82_5, (void *)&d82_5,
(void *)f82_6, (void *)&d82_6,
(void *)f82_7, (void *)&d82_7,
(void *)f82_8, (void *)&d82_8,
(void *)f82_9, (void *)&d82_9,
(void *)f82_10, (void *)&d82_10,
(void *)f82_11, (void *)&d82_11,
(void *)f82_12, (void *)&d82_12,
(void *)f82_13, (void *)&d82_13,
(void *)f82_14, (void *)&d82_14,
(void *)f82_15, (void *)&d82_15,
(void *)f82_16, (void *)&d82_16,
(void *)f82_17, (void *)&d82_17,
(void *)f82_18, (void *)&d82_18,
(void *)f82_19, (void *)&d82_19,
(void *)f83_0, (void *)&d83_0,
(void *)f83_1, (void *)&d83_1,
(void *)f83_2, (void *)&d83_2,
(void *)f83_3, (void *)&d83_3,
(void *)f83_4, (void *)&d83_4,
(void *)f83_5, (void *)&d83_5,
(void *)f83_6, (void *)&d83_6,
(void *)f83_7, (void *)&d83_7,
(void *)f83_8, (void *)&d83_8,
(void *)f83_9, (void *)&d83_9,
(void *)f83_10, (void *)&d83_10,
(void *)f83_11, (void *)&d83_11,
(void *)f83_12, (void *)&d83_12,
(void *)f83_13, (void *)&d83_13,
(void *)f83_14, (void *)&d83_14,
(void *)f83_15, (void *)&d83_15,
(void *)f83_16, (void *)&d83_16,
(void *)f83_17, (void *)&d83_17,
(void *)f83_18, (void *)&d83_18,
(void *)f83_19, (void *)&d83_19,
(void *)f84_0, (void *)&d84_0,
(void *)f84_1, (void *)&d84_1,
(void *)f84_2, (void *)&d84_2,
(void *)f84_3, (void *)&d84_3,
(void *)f84_4, (void *)&d84_4,
(void *)f84_5, (void *)&d84_5,
(void *)f84_6, (void *)&d84_6,
(void *)f84_7, (void *)&d84_7,
(void *)f84_8, (void *)&d84_8,
(void *)f84_9, (void *)&d84_9,
(void *)f84_10, (void *)&d84_10,
(void *)f84_11, (void *)&d84_11,
(void *)f84_12, (void *)&d84_12,
(void *)f84_13, (void *)&d84_13,
(void *)f84_14, (void *)&d84_14,
(void *)f84_15, (void *)&d84_15,
(void *)f84_16, (void *)&d84_16,
(void *)f84_17, (void *)&d84_17,
(void *)f84_18, (void *)&d84_18,
(void *)f84_19, (void *)&d84_19,
(void *)f85_0, (void *)&d85_0,
(void *)f85_1, (void *)&d85_1,
(void *)f85_2, (void *)&d85_2,
(void *)f85_3, (void *)&d85_3,
(void *)f85_4, (void *)&d85_4,
(void *)f85_5, (void *)&d85_5,
(void *)f85_6, (void *)&d85_6,
(void *)f85_7, (void *)&d85_7,
(void *)f85_8, (void *)&d85_8,
(void *)f85_9, (void *)&d85_9,
(void *)f85_10, (void *)&d85_10,
(void *)f85_11, (void *)&d85_11,
(void *)f85_12, (void *)&d85_12,
(void *)f85_13, (void *)&d85_13,
(void *)f85_14, (void *)&d85_14,
(void *)f85_15, (void *)&d85_15,
(void *)f85_16, (void *)&d85_16,
(void *)f85_17, (void *)&d85_17,
(void *)f85_18, (void *)&d85_18,
(void *)f85_19, (void *)&d85_19,
(void *)f86_0, (void *)&d86_0,
(void *)f86_1, (void *)&d86_1,
(void *)f86_2, (void *)&d86_2,
(void *)f86_3, (void *)&d86_3,
(void *)f86_4, (void *)&d86_4,
(void *)f86_5, (void *)&d86_5,
(void *)f86_6, (void *)&d86_6,
(void *)f86_7, (void *)&d86_7,
(void *)f86_8, (void *)&d86_8,
(void *)f86_9, (void *)&d86_9,
(void *)f86_10, (void *)&d86_10,
(void *)f86_11, (void *)&d86_11,
(void *)f86_12, (void *)&d86_12,
(void *)f86_13, (void *)&d86_13,
(void *)f86_14, (void *)&d86_14,
(void *)f86_15, (void *)&d86_15,
(void *)f86_16, (void *)&d86_16,
(void *)f86_17, (void *)&d86_17,
(void *)f86_18, (void *)&d86_18,
(void *)f86_19, (void *)&d86_19,
(void *)f87_0, (void *)&d87_0,
(void *)f87_1, (void *)&d87_1,
(void *)f87_2, (void *)&d87_2,
(void *)f87_3, (void *)&d87_3,
(void *)f87_4, (void *)&d87_4,
(void *)f87_5, (void *)&d87_5,
(void *)f87_6, (void *)&d87_6,
(void *)f87_7, (void *)&d87_7,
(void *)f87_8, (void *)&d87_8,
(void *)f87_9, (void *)&d87_9,
(void *)f87_10, (void *)&d87_10,
(void *)f87_11, (void *)&d87_11,
(void *)f87_12, (void *)&d87_12,
(void *)f87_13, (void *)&d87_13,
(void *)f87_14, (void *)&d87_14,
(void *)f87_15, (void *)&d87_15,
(void *)f87_16, (void *)&d87_16,
(void *)f87_17, (void *)&d87_17,
(void *)f87_18, (void *)&d87_18,
(void *)f87_19, (void *)&d87_19,
(void *)f88_0, (void *)&d88_0,
(void *)f88_1, (void *)&d88_1,
(void *)f88_2, (void *)&d88_2,
(void *)f88_3, (void *)&d88_3,
(void *)f88_4, (void *)&d88_4,
(void *)f88_5, (void *)&d88_5,
(void *)f88_6, (void *)&d88_6,
(void *)f88_7, (void *)&d88_7,
(void *)f88_8, (void *)&d88_8,
(void *)f88_9, (void *)&d88_9,
(void *)f88_10, (void *)&d88_10,
(void *)f88_11, (void *)&d88_11,
(void *)f88_12, (void *)&d88_12,
(void *)f88_13, (void *)&d88_13,
(void *)f88_14, (void *)&d88_14,
(void *)f88_15, (void *)&d88_15,
(void *)f88_16, (void *)&d88_16,
(void *)f88_17, (void *)&d88_17,
(void *)f88_18, (void *)&d88_18,
(void *)f88_19, (void *)&d88_19,
(void *)f89_0, (void *)&d89_0,
(void *)f89_1, (void *)&d89_1,
(void *)f89_2, (void *)&d89_2,
(void *)f89_3, (void *)&d89_3,
(void *)f89_4, (void *)&d89_4,
(void *)f89_5, (void *)&d89_5,
(void *)f89_6, (void *)&d89_6,
(void *)f89_7, (void *)&d89_7,
(void *)f89_8, (void *)&d89_8,
(void *)f89_9, (void *)&d89_9,
(void *)f89_10, (void *)&d89_10,
(void *)f89_11, (void *)&d89_11,
(void *)f89_12, (void *)&d89_12,
(void *)f89_13, (void *)&d89_13,
(void *)f89_14, (void *)&d89_14,
(void *)f89_15, (void *)&d89_15,
(void *)f89_16, (void *)&d89_16,
(void *)f89_17, (void *)&d89_17,
(void *)f89_18, (void *)&d89_18,
(void *)f89_19, (void *)&d89_19,
(void *)f90_0, (void *)&d90_0,
(void *)f90_1, (void *)&d90_1,
(void *)f90_2, (void *)&d90_2,
(void *)f90_3, (void *)&d90_3,
(void *)f90_4, (void *)&d90_4,
(void *)f90_5, (void *)&d90_5,
(void *)f90_6, (void *)&d90_6,
(void *)f90_7, (void *)&d90_7,
(void *)f90_8, (void *)&d90_8,
(void *)f90_9, (void *)&d90_9,
(void *)f90_10, (void *)&d90_10,
(void *)f90_11, (void *)&d90_11,
(void *)f90_12, (void *)&d90_12,
(void *)f90_13, (void *)&d90_13,
(void *)f90_14, (void *)&d90_14,
(void *)f90_15, (void *)&d90_15,
(void *)f90_16, (void *)&d90_16,
(void *)f90_17, (void *)&d90_17,
(void *)f90_18, (void *)&d90_18,
(void *)f90_19, (void *)&d90_19,
(void *)f91_0, (void *)&d91_0,
(void *)f91_1, (void *)&d91_1,
(void *)f91_2, (void *)&d91_2,
(void *)f91_3, (void *)&d91_3,
(void *)f91_4, (void *)&d91_4,
(void *)f91_5, (void *)&d91_5,
(void *)f91_6, (void *)&d91_6,
(void *)f91_7, (void *)&d91_7,
(void *)f91_8, (void *)&d91_8,
(void *)f91_9, (void *)&d91_9,
(void *)f91_10, (void *)&d91_10,
(void *)f91_11, (void *)&d91_11,
(void *)f91_12, (void *)&d91_12,
(void *)f91_13, (void *)&d91_13,
(void *)f91_14, (void *)&d91_14,
(void *)f91_15, (void *)&d91_15,
(void *)f91_16, (void *)&d91_16,
(void *)f91_17, (void *)&d91_17,
(void *)f91_18, (void *)&d91_18,
(void *)f91_19, (void *)&d91_19,
(void *)f92_0, (void *)&d92_0,
(void *)f92_1, (void *)&d92_1,
(void *)f92_2, (void *)&d92_2,
(void *)f92_3, (void *)&d92_3,
(void *)f92_4, (void *)&d92_4,
(void *)f92_5, (void *)&d92_5,
(void *)f92_6, (void *)&d92_6,
(void *)f92_7, (void *)&d92_7,
(void *)f92_8, (void *)&d92_8,
(void *)f92_9, (void *)&d92_9,
(void *)f92_10, (void *)&d92_10,
(void *)f92_11, (void *)&d92_11,
(void *)f92_12, (void *)&d92_12,
(void *)f92_13, (void *)&d92_13,
(void *)f92_14, (void *)&d92_14,
(void *)f92_15, (void *)&d92_15,
(void *)f92_16, (void *)&d92_16,
(void *)f92_17, (void *)&d92_17,
(void *)f92_18, (void *)&d92_18,
(void *)f92_19, (void *)&d92_19,
(void *)f93_0, (void *)&d93_0,
(void *)f93_1, (void *)&d93_1,
(void *)f93_2, (void *)&d93_2,
(void *)f93_3, (void *)&d93_3,
(void *)f93_4, (void *)&d93_4,
(void *)f93_5, (void *)&d93_5,
(void *)f93_6, (void *)&d93_6,
(void *)f93_7, (void *)&d93_7,
(void *)f93_8, (void *)&d93_8,
(void *)f93_9, (void *)&d93_9,
(void *)f93_10, (void *)&d93_10,
(void *)f93_11, (void *)&d93_11,
(void *)f93_12, (void *)&d93_12,
(void *)f93_13, (void *)&d93_13,
(void *)f93_14, (void *)&d93_14,
(void *)f93_15, (void *)&d93_15,
(void *)f93_16, (void *)&d93_16,
(void *)f93_17, (void *)&d93_17,
(void *)f93_18, (void *)&d93_18,
(void *)f93_19, (void *)&d93_19,
(void *)f94_0, (void *)&d94_0,
(void *)f94_1, (void *)&d94_1,
(void *)f94_2, (void *)&d94_2,
(void *)f94_3, (void *)&d94_3,
(void *)f94_4, (void *)&d94_4,
(void *)f94_5, (void *)&d94_5,
(void *)f94_6, (void *)&d94_6,
(void *)f94_7, (void *)&d94_7,
(void *)f94_8, (void *)&d94_8,
(void *)f94_9, (void *)&d94_9,
(void *)f94_10, (void *)&d94_10,
(void *)f94_11, (void *)&d94_11,
(void *)f94_12, (void *)&d94_12,
(void *)f94_13, (void *)&d94_13,
(void *)f94_14, (void *)&d94_14,
(void *)f94_15, (void *)&d94_15,
(void *)f94_16, (void *)&d94_16,
(void *)f94_17, (void *)&d94_17,
(void *)f94_18, (void *)&d94_18,
(void *)f94_19, (void *)&d94_19,
(void *)f95_0, (void *)&d95_0,
(void *)f95_1, (void *)&d95_1,
(void *)f95_2, (void *)&d95_2,
(void *)f95_3, (void *)&d95_3,
(void *)f95_4, (void *)&d95_4,
(void *)f95_5, (void *)&d95_5,
(void *)f95_6, (void *)&d95_6,
(void *)f95_7, (void *)&d95_7,
(void *)f95_8, (void *)&d95_8,
(void *)f95_9, (void *)&d95_9,
(void *)f95_10, (void *)&d95_10,
(void *)f95_11, (void *)&d95_11,
(void *)f95_12, (void *)&d95_12,
(void *)f95_13, (void *)&d95_13,
(void *)f95_14, (void *)&d95_14,
(void *)f95_15, (void *)&d95_15,
(void *)f95_16, (void *)&d95_16,
(void *)f95_17, (void *)&d95_17,
(void *)f95_18, (void *)&d95_18,
(void *)f95_19, (void *)&d95_19,
(void *)f96_0, (void *)&d96_0,
(void *)f96_1, (void *)&d96_1,
(void *)f96_2, (void *)&d96_2,
(void *)f96_3, (void *)&d96_3,
(void *)f96_4, (void *)&d96_4,
(void *)f96_5, (void *)&d96_5,
(void *)f96_6, (void *)&d96_6,
(void *)f96_7, (void *)&d96_7,
(void *)f96_8, (void *)&d96_8,
(void *)f96_9, (void *)&d96_9,
(void *)f96_10, (void *)&d96_10,
(void *)f96_11, (void *)&d96_11,
(void *)f96_12, (void *)&d96_12,
(void *)f96_13, (void *)&d96_13,
(void *)f96_14, (void *)&d96_14,
(void *)f96_15, (void *)&d96_15,
(void *)f96_16, (void *)&d96_16,
(void *)f96_17, (void *)&d96_17,
(void *)f96_18, (void *)&d96_18,
(void *)f96_19, (void *)&d96_19,
(void *)f97_0, (void *)&d97_0,
(void *)f97_1, (void *)&d97_1,
(void *)f97_2, (void *)&d97_2,
(void *)f97_3, (void *)&d97_3,
(void *)f97_4, (void *)&d97_4,
(void *)f97_5, (void *)&d97_5,
(void *)f97_6, (void *)&d97_6,
(void *)f97_7, (void *)&d97_7,
(void *)f97_8, (void *)&d97_8,
(void *)f97_9, (void *)&d97_9,
(void *)f97_10, (void *)&d97_10,
(void *)f97_11, (void *)&d97_11,
(void *)f97_12, (void *)&d97_12,
(void *)f97_13, (void *)&d97_13,
(void *)f97_14, (void *)&d97_14,
(void *)f97_15, (void *)&d97_15,
(void *)f97_16, (void *)&d97_16,
(void *)f97_17, (void *)&d97_17,
(void *)f97_18, (void *)&d97_18,
(void *)f97_19, (void *)&d97_19,
(void *)f98_0, (void *)&d98_0,
(void *)f98_1, (void *)&d98_1,
(void *)f98_2, (void *)&d98_2,
(void *)f98_3, (void *)&d98_3,
(void *)f98_4, (void *)&d98_4,
(void *)f98_5, (void *)&d98_5,
(void *)f98_6, (void *)&d98_6,
(void *)f98_7, (void *)&d98_7,
(void *)f98_8, (void *)&d98_8,
(void *)f98_9, (void *)&d98_9,
(void *)f98_10, (void *)&d98_10,
(void *)f98_11, (void *)&d98_11,
(void *)f98_12, (void *)&d98_12,
(void *)f98_13, (void *)&d98_13,
(void *)f98_14, (void *)&d98_14,
(void *)f98_15, (void *)&d98_15,
(void *)f98_16, (void *)&d98_16,
(void *)f98_17, (void *)&d98_17,
(void *)f98_18, (void *)&d98_18,
(void *)f98_19, (void *)&d98_19,
(void *)f99_0, (void *)&d99_0,
(void *)f99_1, (void *)&d99_1,
(void *)f99_2, (void *)&d99_2,
(void *)f99_3, (void *)&d99_3,
(void *)f99_4, (void *)&d99_4,
(void *)f99_5, (void *)&d99_5,
(void *)f99_6, (void *)&d99_6,
(void *)f99_7, (void *)&d99_7,
(void *)f99_8, (void *)&d99_8,
(void *)f99_9, (void *)&d99_9,
(void *)f99_10, (void *)&d99_10,
(void *)f99_11, (void *)&d99_11,
(void *)f99_12, (void *)&d99_12,
(void *)f99_13, (void *)&d99_13,
(void *)f99_14, (void *)&d99_14,
(void *)f99_15, (void *)&d99_15,
(void *)f99_16, (void *)&d99_16,
(void *)f99_17, (void *)&d99_17,
(void *)f99_18, (void *)&d99_18,
(void *)f99_19, (void *)&d99_19
};
int main(void) { printf("%d\n", all_refs[1] != 0); return 0; }
