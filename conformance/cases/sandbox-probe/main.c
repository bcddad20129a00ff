#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Prints dlerror()'s message with each occurrence of `arg` written as ARG, so that the expected
   output does not depend on where the build directory is. */
static void print_error(const char *label, const char *arg) {
    const char *e = dlerror();
    size_t n = strlen(arg);
    printf("%s: ", label);
    if (!e) {
        puts("(no error)");
        return;
    }
    while (*e) {
        if (n && strncmp(e, arg, n) == 0) {
            fputs("ARG", stdout);
            e += n;
        } else {
            putchar(*e++);
        }
    }
    putchar('\n');
}

static void *try_open(const char *label, const char *path) {
    void *h = dlopen(path, RTLD_NOW);
    if (h)
        printf("%s: opened\n", label);
    else
        print_error(label, path);
    return h;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        puts("usage: main HOST-LIBRARY MISSING-HOST-FILE");
        return 2;
    }
    try_open("host file outside every mount", argv[1]);
    try_open("missing host file", argv[2]);
    try_open("/etc/passwd", "/etc/passwd");
    try_open("/proc/self/exe", "/proc/self/exe");
    try_open("/proc/self/root/etc/passwd", "/proc/self/root/etc/passwd");
    try_open("climbing above /", "../../etc/passwd");
    try_open("climbing out of a mount", "/plugins/../secret/libsecret.so");
    try_open("relative symlink out", "/lib/librel.so");
    try_open("absolute symlink out", "/lib/libabs.so");
    try_open("dangling symlink out", "/lib/libdangling.so");
    void *ok = try_open("library in the root mount", "/lib/libok.so");
    void *inside = try_open("symlink inside the mount", "/lib/libinside.so");
    printf("one file, one handle: %d\n", ok != NULL && ok == inside);
    void *plug = try_open("library in a preopen, by its guest path", "/plugins/libplug.so");
    void *byname = try_open("bare name through LD_LIBRARY_PATH=/plugins", "libplug.so");
    printf("same library: %d\n", plug != NULL && plug == byname);
    int (*okv)(void) = ok ? (int (*)(void))dlsym(ok, "ok_value") : NULL;
    int (*pv)(void) = plug ? (int (*)(void))dlsym(plug, "plug_value") : NULL;
    printf("calls: %d %d\n", okv ? okv() : -1, pv ? pv() : -1);
    FILE *f = fopen("/plugins/libplug.so", "rb");
    printf("fopen sees the library: %d\n", f != NULL);
    FILE *g = fopen(argv[1], "rb");
    printf("fopen of the host path: %d\n", g != NULL);
    return 0;
}
