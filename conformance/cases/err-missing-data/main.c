int side_read(void);
int main(void) { return side_read(); }
