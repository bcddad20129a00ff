int side_fn(int x) { return 2 * x; }
