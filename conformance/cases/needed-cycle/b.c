int a_value(void);
int b_twice(int x) { return 2 * x; }
int b_calls_a(void) { return a_value() + 100; }
