_Thread_local int counter = 5;
_Thread_local int *self_ptr;
int *counter_addr(void) { return &counter; }
int bump(int times) {
    self_ptr = &counter;
    for (int i = 0; i < times; i++) counter++;
    return counter;
}
