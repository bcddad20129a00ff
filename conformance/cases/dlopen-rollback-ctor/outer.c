int trap_value(void);
int outer_value(void) { return trap_value(); }
