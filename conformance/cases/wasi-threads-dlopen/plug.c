static int data = IDX * 100;
_Thread_local int calls_here;
/* data (the library's own) plus how often this thread called this instance of the library. */
int plug_value(void) {
    calls_here++;
    return data + calls_here;
}
