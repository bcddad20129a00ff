int secret_value(void) { return 666; }
