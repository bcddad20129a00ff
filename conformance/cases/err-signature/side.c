double side_fn(double x, double y) { return x * y; }
