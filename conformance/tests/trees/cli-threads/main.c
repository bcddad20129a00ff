/* Threads that write to stdout and to a file the main thread opened: POSIX threads share the
 * descriptor table, so the thread's write(fd) reaches the same file. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "wasmlink_thread.h"

int log_line(int fd, int who);

static int fd;

static void worker(void *arg) {
    int who = (int)(long)arg;
    if (log_line(fd, who)) printf("thread %d: write failed\n", who);
}

int main(void) {
    fd = open("/data/log.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror("open");
        return 1;
    }
    for (long i = 1; i <= 3; i++) {
        wasmlink_thread_t t;
        int code = -1;
        if (wasmlink_thread_create(&t, worker, (void *)i) || wasmlink_thread_join(t, &code)) {
            printf("thread %ld did not run\n", i);
            return 1;
        }
    }
    close(fd);
    FILE *f = fopen("/data/log.txt", "r");
    char line[64];
    int lines = 0;
    while (f && fgets(line, sizeof line, f)) {
        printf("log: %s", line);
        lines++;
    }
    if (f) fclose(f);
    printf("lines in the log: %d\n", lines);
    return 0;
}
