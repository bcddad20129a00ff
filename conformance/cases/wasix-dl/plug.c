int mid_value(void);
int plug_calls;
int plug_fn(int x) {
    plug_calls++;
    return mid_value() * x;
}
