import FactStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Saves a whole session — every relation and binding, with its schema and the origin of every
/// row — to one SQLite file, and opens it again exactly.
///
/// SQLite because the file is then readable by sqlite3, DuckDB and Datasette too: each relation
/// is a table of plain columns (dates as ISO text, quantities as a number plus `_qualifier` and
/// `_upper` columns), beside two tables that say how to read them back (`SessionLayout`).
public enum SessionFile {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Writes the session beside `path` and renames it into place. What is already at `path`
    /// is replaced only if it is a session file, or any regular file when `replacing`.
    public static func save(_ environment: Environment, to path: String, replacing: Bool = false) throws(Failure) {
        try SaveTarget.check(path, replacing: replacing)
        SaveTarget.removeStaleTemporaries(of: path)
        let temporary = SaveTarget.temporaryPath(for: path)
        unlink(temporary)
        do {
            let database = try SQLiteDatabase(path: temporary, create: true)
            try database.execute("BEGIN")
            let layout = SessionLayout.plan(environment, columnLimit: database.columnLimit)
            try SessionLayout.writeCatalogue(layout, to: database)
            for stored in layout {
                guard let relation = environment.relation(named: stored.name) else { continue }
                try SessionWriter.write(relation, as: stored, to: database)
            }
            try database.execute("COMMIT")
        } catch {
            unlink(temporary)
            throw Failure(message: "cannot save to '\(path)': \(error.message)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            unlink(temporary)
            throw Failure(message: "cannot save to '\(path)': \(reason)")
        }
    }

    /// The session a file holds, or an error saying what in the file is wrong.
    public static func open(_ path: String) throws(Failure) -> Environment {
        var info = stat()
        if stat(path, &info) == 0, let reason = FileKind.reasonNotRegular(info) {
            throw Failure(message: "cannot open '\(path)' as a factsh session: \(reason)")
        }
        do {
            let database = try SQLiteDatabase(path: path, create: false)
            let reader = SessionReader(database: database, fileSize: Int(info.st_size))
            var environment = Environment()
            for stored in try reader.catalogue() {
                let relation = try reader.read(stored)
                if stored.kind == .binding { environment.bind(stored.name, relation) } else { environment.catalog.set(stored.name, relation) }
            }
            return environment
        } catch {
            throw Failure(message: "cannot open '\(path)' as a factsh session: \(error.message)")
        }
    }
}
