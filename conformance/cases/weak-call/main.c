void side_call_hook(void);
int main(void) { side_call_hook(); return 0; }
