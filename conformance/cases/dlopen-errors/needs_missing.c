int nowhere_at_all(int);
int call_missing(void) { return nowhere_at_all(1); }
