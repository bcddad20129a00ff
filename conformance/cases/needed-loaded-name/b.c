/* Needs liba.so but has no RUNPATH: the loader finds it because main loaded it already. */
int a_value(void);
int b_value(void) { return a_value() + 2; }
