const char *which(void);
const char *a_calls_which(void) { return which(); }
