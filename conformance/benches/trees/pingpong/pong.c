__attribute__((noinline)) int pong(int x) { return x ^ (x >> 3); }
