int base_next(void);
int left(void) { return base_next() * 10; }
