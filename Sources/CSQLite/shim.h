// The system SQLite, for session files. SQLITE_TRANSIENT is a cast Swift cannot import, so
// binding text goes through this one wrapper. Only Sources/SessionStore/SQLiteDatabase.swift
// imports this module.
#ifndef FACTSH_CSQLITE_SHIM_H
#define FACTSH_CSQLITE_SHIM_H

#include <sqlite3.h>

static inline int factsh_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

#endif
