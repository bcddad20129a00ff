int fake(void) { return 0; }
