const char *where(void) { return "found through LD_LIBRARY_PATH"; }
