char *side_huge(void);
int main(void) { return side_huge() != 0; }
