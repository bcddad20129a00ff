static char huge[1536u * 1024 * 1024];
char *side_huge(void) { return huge; }
