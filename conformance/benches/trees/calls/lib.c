/* The library side of the call benchmarks. */
int main_inc(int x);                 /* defined in main: a lazily bound (PLT) import */
__attribute__((noinline)) int lib_inc(int x) { return x + 1; }
int lib_to_main(int n) { int x = 0; for (int i = 0; i < n; i++) x = main_inc(x); return x; }
