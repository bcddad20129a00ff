/* A program built for WASIX that also calls one of its system calls (getcwd): on wasmer it gets
 * it from wasmer-wasix, on the other engines the load fails naming it. */
#include <stdio.h>
#include <string.h>
#include "wasix.h"

__attribute__((import_module("wasix_32v1"), import_name("getcwd")))
int32_t wasix_getcwd(char *path, size_t *path_len);

int main(void) {
    char cwd[64] = {0};
    size_t len = sizeof cwd;
    int rc = wasix_getcwd(cwd, &len);
    printf("getcwd: %d %.*s\n", rc, (int)len, cwd);
    wasix_handle_t self = 0;
    char err[64];
    rc = wasix_dlopen(NULL, 0, WASIX_DL_NOW, err, sizeof err, NULL, 0, &self);
    printf("dlopen(NULL): %d %u\n", rc, (unsigned)self);
    return 0;
}
