/* The bottom of the wrapping chain: the definitions the wrappers find with RTLD_NEXT. */
int compute(int x) { return x * 2; }
int level = 1;
