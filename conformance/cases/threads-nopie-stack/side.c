extern char __stack_low, __stack_high;
/* Whether a local of the caller's frame lies in [__stack_low, __stack_high), and the bounds. */
int on_own_stack(unsigned long *low, unsigned long *high) {
    volatile char local = 0;
    *low = (unsigned long)&__stack_low;
    *high = (unsigned long)&__stack_high;
    return (unsigned long)&local >= *low && (unsigned long)&local < *high;
}
