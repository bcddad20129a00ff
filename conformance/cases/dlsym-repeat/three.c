int which(void) { return 3; }
