const char *where(void) { return "found through RUNPATH $ORIGIN/private"; }
