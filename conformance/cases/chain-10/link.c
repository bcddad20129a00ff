/* Library IDX of a chain: adds its index and calls the next library (if any). Built once per
 * library with -DIDX=n [-DNEXT=n+1]. */
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#ifdef NEXT
int XCAT(link_, NEXT)(int);
#endif
int XCAT(link_, IDX)(int x) {
#ifdef NEXT
    return XCAT(link_, NEXT)(x + IDX);
#else
    return x + IDX;
#endif
}
