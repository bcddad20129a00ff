int plug_value(void) { return 11; }
