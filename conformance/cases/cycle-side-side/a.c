int b_half(int n);
int a_count(int n) { return n <= 0 ? 0 : 1 + b_half(n - 1); }
