int ctorerr_value(void);
/* Fails the load of libouter after libctorerr's constructor has run. */
__attribute__((constructor)) static void fail(void) {
    if (ctorerr_value() >= 0) __builtin_trap();
}
int trap_value(void) { return 1; }
