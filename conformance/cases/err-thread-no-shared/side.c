int calls;
int side_fn(int x) {
    calls++;
    return 2 * x;
}
