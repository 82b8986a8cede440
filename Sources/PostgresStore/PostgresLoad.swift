import FactStore
import SessionStore

/// A load whose rows reach the database while its file is still being read: the rows of each
/// chunk, once factsh has checked them, are copied to the server as the next chunk is read,
/// so reading the file and the server's work overlap instead of following one another. It is
/// one transaction all the same: `finish` commits it, and an error anywhere (a bad row further
/// on in the file, Ctrl-C, the server) ends it with `abandon`, which throws the copy away and
/// rolls back, so nothing of the file is added.
///
/// A relation wider than one table (PostgreSQL's 1,600 columns) takes one `COPY` per table,
/// and one connection runs one copy at a time: its rows are kept and copied at `finish`.
public final class PostgresLoad {
    private let database: PostgresDatabase
    private let relation: String
    /// What the database held when the load's transaction began; nil when none is open.
    private var known: PostgresDatabase.Known?
    private var stored: StoredRelation?
    /// The copy the rows go to while it is open, or the rows kept for a relation of several
    /// tables.
    private var copy: (fields: [Int], holdsOrigins: Bool)?
    private var kept: Relation?
    /// One buffer for every piece of rows sent.
    private var buffer: [UInt8] = []
    /// The rows taken since the load began.
    public private(set) var rowCount = 0

    /// A load into the relation `relation` of `database`; nothing happens until `start`.
    public init(into relation: String, of database: PostgresDatabase) {
        self.relation = relation
        self.database = database
    }

    /// Begins the load's transaction, with the relation's table ready for rows of `fields`
    /// (created when new, widened when the rows bring new fields), and starts the copy. Called
    /// again, it throws away what was copied and begins afresh: a row further on in the file
    /// did not fit the types guessed from the first rows.
    public func start(_ fields: [Field]) throws(PostgresFailure) {
        abandon(reason: "the load starts again")
        known = try database.begin()
        do {
            let stored = try database.storage(for: relation, fields: fields)
            self.stored = stored
            if stored.tables.count == 1 {
                let statement = database.copyStatement(into: stored.table, of: stored)
                try database.connection.beginCopy(statement.sql)
                copy = (statement.fields, statement.holdsOrigins)
            } else {
                kept = Relation(fields: fields)
            }
        } catch {
            abandon(reason: error.message)
            throw error
        }
    }

    /// Sends checked rows, of the fields the load started with, encoded straight from their
    /// columns a piece at a time.
    public func append(_ rows: Relation) throws(PostgresFailure) {
        if var kept {
            self.kept = nil
            do { try kept.append(contentsOf: rows) } catch { throw PostgresFailure(message: "the rows do not fit '\(relation)': \(error)") }
            self.kept = kept
        } else if let copy {
            var encoder = CopyTextEncoder(rows, fields: copy.fields, writesOrigins: copy.holdsOrigins)
            var row = 0
            while row < rows.rowCount {
                buffer.removeAll(keepingCapacity: true)
                row = encoder.appendRows(from: row, before: rows.rowCount, to: &buffer, upTo: PostgresDatabase.copyChunkSize)
                try database.connection.putCopyData(buffer)
            }
        } else {
            throw PostgresFailure(message: "rows for '\(relation)' came before its load began")
        }
        rowCount += rows.rowCount
    }

    /// Ends the copy and commits: the database then holds all the rows taken. On failure it
    /// holds none of them.
    public func finish() throws(PostgresFailure) {
        do {
            if copy != nil {
                copy = nil
                try database.connection.endCopy()
            }
            if let kept, let stored { try database.append(kept, to: stored) }
            try database.connection.execute("COMMIT")
        } catch {
            abandon(reason: error.message)
            throw error
        }
        known = nil
        try database.refresh()
    }

    /// Throws away what the load sent: the copy is ended with `reason`, which makes the
    /// server discard it, and the transaction rolled back. Nothing to do when none is open.
    public func abandon(reason: String) {
        if copy != nil {
            copy = nil
            _ = try? database.connection.endCopy(abandoning: reason)
        }
        if let known { database.rollBack(to: known) }
        known = nil
        stored = nil
        kept = nil
        rowCount = 0
    }
}
