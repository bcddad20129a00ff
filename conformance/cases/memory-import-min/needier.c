int needier(void) { return 16; }
