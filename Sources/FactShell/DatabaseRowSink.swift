import DataImport
import FactStore
import PostgresStore

/// A data file's rows on their way into the database as the loader checks them, chunk by
/// chunk (`PostgresLoad`). A failure on the server's side is kept, to be reported as the
/// database's rather than as a problem at a line of the file.
final class DatabaseRowSink: RowSink {
    let load: PostgresLoad
    /// Why the database refused the rows, once it has.
    private(set) var failure: PostgresFailure?

    init(_ load: PostgresLoad) { self.load = load }

    func start(_ fields: [Field]) throws(Diagnostic) {
        do { try load.start(fields) } catch { throw stopped(by: error) }
    }

    func take(_ rows: Relation) throws(Diagnostic) {
        do { try load.append(rows) } catch { throw stopped(by: error) }
    }

    private func stopped(by error: PostgresFailure) -> Diagnostic {
        failure = error
        return Diagnostic(.databaseUnavailable, error.message)
    }
}
