#include <string.h>
static unsigned char big[16 * 1024 * 1024];
unsigned long fill_and_sum(void) {
    unsigned long s = 0;
    for (unsigned long i = 0; i < sizeof big; i += 4096) s += big[i];
    memset(big, 1, sizeof big);
    for (unsigned long i = 0; i < sizeof big; i += 4096) s += big[i];
    return s;
}
