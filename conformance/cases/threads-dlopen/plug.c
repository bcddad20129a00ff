/* One of 50 plug-ins, built with -DIDX=n: every one exports the same name. */
int plug(int x) { return x + IDX; }
