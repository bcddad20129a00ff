/* A plugin that needs liba.so, with no RUNPATH either. */
int a_value(void);
int plug_value(void) { return a_value() * 10; }
