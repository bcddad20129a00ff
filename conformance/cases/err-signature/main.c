int side_fn(int x);
int main(void) { return side_fn(3); }
