int side_global = 42;
static int other = 7;
/* TLS data that holds addresses: wasm-ld initialises it through TLS relocations. */
_Thread_local int *tp = &side_global;
_Thread_local int *tq = &other;
int *get_tp(void) { return tp; }
int get_tq(void) { return *tq; }
void set_tp(int *p) { tp = p; }
