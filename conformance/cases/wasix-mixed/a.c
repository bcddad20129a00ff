int a_value = 11;
int a_fn(void) { return a_value * 2; }
