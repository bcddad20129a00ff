int fake(void);
int main(void) { return fake(); }
