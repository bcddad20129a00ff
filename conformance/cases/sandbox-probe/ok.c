int ok_value(void) { return 7; }
