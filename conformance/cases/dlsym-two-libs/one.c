const char *who(void) { return "one"; }
int shared_value = 1;
