_Thread_local int counter = 5;
int bump(int times) {
    for (int i = 0; i < times; i++) counter++;
    return counter;
}
int *counter_addr(void) { return &counter; }
