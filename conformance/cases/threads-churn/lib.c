/* Built 4 times with -DIDX=n. */
int value(void) { return 1000 + IDX; }
