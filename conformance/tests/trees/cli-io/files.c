/* File operations through libc in the main module: create, write, read back, list. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    int n = fputs(text, f);
    fclose(f);
    return n < 0 ? -1 : 0;
}

int read_file(const char *path, char *buf, int size) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    int n = (int)fread(buf, 1, size - 1, f);
    buf[n] = 0;
    fclose(f);
    return n;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints the regular entries of `path`, sorted (readdir's order is the filesystem's). */
int list_dir(const char *path) {
    DIR *d = opendir(path);
    if (!d) return -1;
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        if (e->d_name[0] == '.') continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], by_name);
    for (int i = 0; i < n; i++) {
        printf("  %s\n", names[i]);
        free(names[i]);
    }
    return n;
}
