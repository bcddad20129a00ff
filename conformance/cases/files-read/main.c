#include <stdio.h>
#include <sys/stat.h>
int count_lines(const char *path);
int main(void) {
    printf("lines: %d\n", count_lines("data/input.txt"));
    struct stat st;
    printf("stat size: %d\n", stat("data/input.txt", &st) == 0 ? (int)st.st_size : -1);
    printf("missing file: %d\n", count_lines("data/none.txt"));
    FILE *f = fopen("data/input.txt", "r");
    fseek(f, 6, SEEK_SET);
    char w[8] = {0};
    fread(w, 1, 4, f);
    printf("after seek: %s, at %ld\n", w, ftell(f));
    fclose(f);
    return 0;
}
