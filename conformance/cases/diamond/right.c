int base_next(void);
int right(void) { return base_next() * 100; }
