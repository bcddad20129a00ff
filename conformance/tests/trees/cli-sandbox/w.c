int value(void) { return 21; }
