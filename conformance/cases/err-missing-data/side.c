extern int nowhere_defined;
int side_read(void) { return nowhere_defined; }
