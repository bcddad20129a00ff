const char *who(void) { return "two"; }
int shared_value = 2;
