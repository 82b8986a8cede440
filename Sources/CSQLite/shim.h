// The system SQLite, for session files. SQLITE_TRANSIENT is a cast and sqlite3_db_config is
// variadic, and Swift can import neither, so those go through these wrappers. Only
// Sources/SessionStore/SQLiteDatabase.swift imports this module, and the differential test's
// oracle (Tests/DifferentialTests/OracleFunctions.swift), to register functions SQLite lacks.
#ifndef FACTSH_CSQLITE_SHIM_H
#define FACTSH_CSQLITE_SHIM_H

#include <sqlite3.h>

static inline int factsh_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

/// A file from elsewhere is untrusted: its schema may not call functions with side effects,
/// and nothing may write to it in ways that could corrupt it.
static inline void factsh_sqlite_distrust_schema(sqlite3 *database) {
    sqlite3_db_config(database, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    sqlite3_db_config(database, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
}

#endif
