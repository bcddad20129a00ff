const char *colour(void) { return "blue"; }
