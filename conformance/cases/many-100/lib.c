/* Library IDX of 100: a data symbol, a constructor and a function, all named by index. */
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
extern int ctor_count;
int XCAT(value_, IDX) = IDX;
__attribute__((constructor)) static void init(void) { ctor_count++; }
int XCAT(triple_, IDX)(void) { return XCAT(value_, IDX) * 3; }
