/* 64 KiB that a later load places where the failed load's memory (and the dlerror buffer
   allocated during it) was. */
static unsigned char big[65536];
__attribute__((constructor)) static void fill(void) {
    for (int i = 0; i < (int)sizeof big; i++) big[i] = (unsigned char)(i * 7 + 3);
}
int big_intact(void) {
    for (int i = 0; i < (int)sizeof big; i++)
        if (big[i] != (unsigned char)(i * 7 + 3)) return 0;
    return 1;
}
