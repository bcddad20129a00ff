const char *colour(void) { return "red"; }
