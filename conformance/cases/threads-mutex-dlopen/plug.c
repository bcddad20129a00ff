/* A library whose data says which one it is. */
static int base = IDX * 100;
int plug_value(int x) { return base + x; }
