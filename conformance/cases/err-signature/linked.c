/* The library main is linked against; the one found at run time (side.c) changed its signature. */
int side_fn(int x) { return x; }
