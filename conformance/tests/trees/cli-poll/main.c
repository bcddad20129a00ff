#include <poll.h>
#include <stdio.h>

int main(void) {
    /* The non-blocking check every event loop makes. */
    printf("poll(NULL, 0, 0) = %d\n", poll(NULL, 0, 0));
    /* With a descriptor too: returns at once, whatever it reports (a zero timeout may win
       the race with the descriptor's readiness). */
    struct pollfd out = {.fd = 1, .events = POLLOUT};
    printf("poll(stdout, POLLOUT, 0) returned: %d\n", poll(&out, 1, 0) >= 0);
    /* A real timeout: returns 0 once it has passed. */
    printf("poll(NULL, 0, 20) = %d\n", poll(NULL, 0, 20));
    return 0;
}
