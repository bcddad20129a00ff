/* Preloaded (--preload, LD_PRELOAD): its list_dir is found before libfiles.so's. */
#include <stdio.h>

int list_dir(const char *path) {
    printf("  (preloaded list_dir of %s)\n", path);
    return -7;
}
