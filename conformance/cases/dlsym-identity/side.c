int side_fn(int x) { return x + 5; }
int side_data = 3;
