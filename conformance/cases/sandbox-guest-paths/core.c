int dep_value(void);
int core_value(void) { return dep_value() * 10; }
