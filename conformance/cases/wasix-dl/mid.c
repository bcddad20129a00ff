extern int base_value;
int base_add(int x);
/* Data holding another module's address (a relocation). */
int *mid_ptr = &base_value;
int mid_value(void) { return base_add(*mid_ptr) + 1; }
