/* 100 data symbols s0..s99 (value 3*i), a function and a symbol whose name is longer than 48
   bytes. */
int which(void) { return 1; }
#define S(i) int s##i = 3 * i;
#define T(i) S(i##0) S(i##1) S(i##2) S(i##3) S(i##4) S(i##5) S(i##6) S(i##7) S(i##8) S(i##9)
S(0) S(1) S(2) S(3) S(4) S(5) S(6) S(7) S(8) S(9)
T(1) T(2) T(3) T(4) T(5) T(6) T(7) T(8) T(9)
int a_symbol_whose_name_is_much_longer_than_forty_eight_bytes_in_all = 4242;
