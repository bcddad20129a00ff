void side_probe(void);
int main(void) { side_probe(); return 0; }
