static char huge[1536u * 1024 * 1024];
char *huge_ptr(void) { return huge; }
