/* An extension module: core_value comes from the program's global scope, dep_value from its own
   NEEDED library. */
int core_value(void);
int dep_value(void);
int ext_value(void) { return core_value() + dep_value(); }
