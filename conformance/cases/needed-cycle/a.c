/* liba.so and libb.so need each other. */
int b_twice(int x);
int a_value(void) { return 5; }
int a_calls_b(void) { return b_twice(a_value()); }
