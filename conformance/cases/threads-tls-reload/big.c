/* 2 MiB of thread-local data, zero-initialised, and one initialised variable. */
_Thread_local int big_marker = 77;
_Thread_local char big_array[2 << 20];

/* 78 on a fresh block's first call, 79 on its second. */
int big_touch(int r) {
    int i = (r * 4099) % (int)sizeof big_array;
    big_array[i] += 1;
    return big_marker + big_array[i] + (big_array[(i + 1) % (int)sizeof big_array] != 0) * 100;
}
