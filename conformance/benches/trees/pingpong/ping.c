int pong(int x);
__attribute__((noinline)) int ping(int x) { return pong(x + 1); }
