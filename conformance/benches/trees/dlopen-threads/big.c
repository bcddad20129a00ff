/* A larger library for the same loop: 768 functions whose addresses sit in a table (so its
 * element segment fills 768 slots), each reading a data word, and each exported
 * (a thread that instantiates it makes 768 exports and fills 768 slots): what
 * every running thread would instantiate as it catches up, without lazy replication. */
#define F(n) int big_##n(int x) { return x + big_data[(n) % 4096]; }
#define F4(n) F(n##0) F(n##1) F(n##2) F(n##3)
#define F16(n) F4(n##0) F4(n##1) F4(n##2) F4(n##3)
#define F64(n) F16(n##0) F16(n##1) F16(n##2) F16(n##3)
#define F256(n) F64(n##0) F64(n##1) F64(n##2) F64(n##3)
#define P(n) big_##n,
#define P4(n) P(n##0) P(n##1) P(n##2) P(n##3)
#define P16(n) P4(n##0) P4(n##1) P4(n##2) P4(n##3)
#define P64(n) P16(n##0) P16(n##1) P16(n##2) P16(n##3)
#define P256(n) P64(n##0) P64(n##1) P64(n##2) P64(n##3)

int big_data[4096];
F256(1) F256(2) F256(3)
int (*big_table[])(int) = { P256(1) P256(2) P256(3) };
int big_value(void) { return big_table[5](3); }
