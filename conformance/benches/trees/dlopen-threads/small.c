int small_value(void) { return 3; }
