int a_secret(void) { return 11; }
