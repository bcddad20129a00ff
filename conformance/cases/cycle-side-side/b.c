int a_count(int n);
int b_half(int n) { return n <= 0 ? 0 : 1 + a_count(n - 1); }
