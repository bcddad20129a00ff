int plugin_ok(void) { return 7; }
