#include <stdio.h>
extern int a_ready;
__attribute__((constructor)) static void main_init(void) { printf("ctor main (a ready: %d)\n", a_ready); }
int main(void) { printf("main\n"); return 0; }
