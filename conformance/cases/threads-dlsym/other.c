int other_value = 7;
int side_inc(int x) { return x + 100; } /* never found first: libside is loaded before */
