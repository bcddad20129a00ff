#include <stdlib.h>
#include <string.h>
char *side_dup(const char *s) { char *p = malloc(strlen(s) + 1); strcpy(p, s); return p; }
void side_free(void *p) { free(p); }
