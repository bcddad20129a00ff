const char *which(void) { return "b (breadth-first scope)"; }
