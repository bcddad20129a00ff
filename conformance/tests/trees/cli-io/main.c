/* What a program gets from `wasmlink run`: stdin, arguments, the variables given with --env,
 * a read-write --dir preopen, and entropy from the operating system. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int write_file(const char *path, const char *text);
int read_file(const char *path, char *buf, int size);
int list_dir(const char *path);

static const char *var(const char *name) {
    const char *v = getenv(name);
    return v ? v : "(unset)";
}

int main(int argc, char **argv) {
    char line[256];
    while (fgets(line, sizeof line, stdin)) printf("stdin: %s", line);
    printf("args: %d, last: %s\n", argc, argv[argc - 1]);
    printf("GIVEN=%s FROM_HOST=%s NOT_GIVEN=%s\n", var("GIVEN"), var("FROM_HOST"), var("NOT_GIVEN"));
    if (write_file("/data/one.txt", "first file\n") || write_file("/data/two.txt", "second\n")) {
        perror("write");
        return 1;
    }
    char buf[128];
    int n = read_file("/data/one.txt", buf, sizeof buf);
    printf("read back %d bytes: %s", n, buf);
    printf("listing:\n");
    printf("entries: %d\n", list_dir("/data"));
    unsigned char a[16], b[16];
    if (getentropy(a, sizeof a) || getentropy(b, sizeof b)) {
        perror("getentropy");
        return 1;
    }
    printf("entropy differs: %s\n", memcmp(a, b, sizeof a) ? "yes" : "no");
    return 3;
}
