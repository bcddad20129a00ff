const char *which(void) { return "c (depth-first would pick this)"; }
