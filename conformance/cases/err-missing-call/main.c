int side_maybe(int call);
int main(void) { side_maybe(0); return side_maybe(1); }
