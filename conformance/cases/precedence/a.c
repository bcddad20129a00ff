const char *dup_fn(void) { return "a"; }
int dup_data = 1;
const char *only_ab(void) { return "a (loaded first)"; }
