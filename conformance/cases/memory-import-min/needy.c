int needy(void) { return 8; }
