/* SQLite as a shared library (libsqlite3.so, the amalgamation from the libsqlite3-sys crate), run
 * by a main module: 10,000 inserts in a transaction, then the SQL script in data/script.sql
 * (joins, aggregates, an error), each result row printed. */
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>

static int print_row(void *unused, int n, char **values, char **names) {
    (void)unused;
    for (int i = 0; i < n; i++) printf("%s%s=%s", i ? " " : "", names[i], values[i] ? values[i] : "NULL");
    printf("\n");
    return 0;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc(n + 1);
    s[fread(s, 1, n, f)] = 0;
    fclose(f);
    return s;
}

int main(void) {
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) { printf("open failed\n"); return 1; }
    sqlite3_exec(db, "CREATE TABLE item(id INTEGER PRIMARY KEY, grp INTEGER, name TEXT)", 0, 0, 0);
    sqlite3_exec(db, "BEGIN", 0, 0, 0);
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(db, "INSERT INTO item(id, grp, name) VALUES (?, ?, ?)", -1, &ins, 0);
    for (int i = 1; i <= 10000; i++) {
        char name[32];
        snprintf(name, sizeof name, "item-%05d", i);
        sqlite3_bind_int(ins, 1, i);
        sqlite3_bind_int(ins, 2, (i * 7919) % 13);
        sqlite3_bind_text(ins, 3, name, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE) { printf("insert %d failed\n", i); return 1; }
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    sqlite3_exec(db, "COMMIT", 0, 0, 0);
    char *script = read_file("data/script.sql");
    if (!script) { printf("cannot read the script\n"); return 1; }
    char *err = 0;
    /* Statement by statement, so that the failing one reports and the rest still run. */
    const char *sql = script;
    while (*sql) {
        sqlite3_stmt *st;
        const char *rest;
        if (sqlite3_prepare_v2(db, sql, -1, &st, &rest) != SQLITE_OK) {
            printf("error: %s\n", sqlite3_errmsg(db));
            if (rest && rest > sql) {
                sql = rest;
            } else {
                while (*sql && *sql != ';') sql++;
                if (*sql) sql++;
            }
            continue;
        }
        if (!st) break;
        int cols = sqlite3_column_count(st), rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            for (int i = 0; i < cols; i++) {
                const unsigned char *v = sqlite3_column_text(st, i);
                printf("%s%s=%s", i ? " " : "", sqlite3_column_name(st, i), v ? (const char *)v : "NULL");
            }
            printf("\n");
        }
        if (rc != SQLITE_DONE) printf("error: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        sql = rest;
    }
    sqlite3_exec(db, "SELECT sqlite_version() IS NOT NULL AS has_version", print_row, 0, &err);
    sqlite3_close(db);
    free(script);
    return 0;
}
