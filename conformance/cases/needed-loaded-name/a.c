/* In a directory only main's RUNPATH names. */
int a_value(void) { return 40; }
