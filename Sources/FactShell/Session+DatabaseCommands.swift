import FactEngine
import FactStore
import FactSyntax
import PostgresStore
import SessionStore

/// The dot commands that take a file or a database: `.save` and `.open` by path or connection
/// URI, and `.explain` of a query the server runs.
extension Session {
    /// `.save PATH [replace]` or `.save URI`: the whole session, rows read from the database
    /// first when it lives in one.
    func save(_ command: DotCommand.Invocation) throws(StatementFailure) {
        let replacing = command.words.count == 2 && command.words[1] == "replace"
        guard command.words.count == 1 || replacing else { throw command.failureHidingLine(.usage, "usage: .save PATH|URI [replace]") }
        let target = command.words[0]
        let full: Environment
        do {
            try synchronize()
            full = try environmentWithRows()
        } catch {
            throw command.failureHidingLine(.databaseUnavailable, error.message)
        }
        if ConnectionString.isConnection(target) {
            do throws(PostgresFailure) {
                try PostgresDatabase(target).save(full)
                try synchronize()
            } catch {
                throw command.failureHidingLine(.databaseUnavailable, error.message)
            }
            return
        }
        do throws(SessionFile.Failure) {
            try SessionFile.save(full, to: FileSystem.expandingTilde(target), replacing: replacing)
        } catch {
            throw command.failure(.unwritable, error.message)
        }
    }

    /// `.open PATH` replaces the session with a saved one; `.open URI` works on a database's
    /// relations (and reconnects after a lost connection).
    func open(_ command: DotCommand.Invocation) throws(StatementFailure) {
        guard command.words.count == 1 else { throw command.failureHidingLine(.usage, "usage: .open PATH|URI") }
        let target = command.words[0]
        if ConnectionString.isConnection(target) {
            do { try attach(target) } catch { throw command.failureHidingLine(.databaseUnavailable, error.message) }
            return
        }
        do throws(SessionFile.Failure) {
            environment = try SessionFile.open(FileSystem.expandingTilde(target))
        } catch {
            throw command.failure(.unreadable, error.message)
        }
        detach()
        forgetReplacedFacts()
        figuresAreStale = true
    }

    /// Rereads the database's relations before a dot command that shows or uses them.
    func synchronize(for command: DotCommand.Invocation) throws(StatementFailure) {
        do { try synchronize() } catch { throw command.failure(.databaseUnavailable, error.message) }
    }

    /// `.explain` of a query over the database: the statement sent, then the server's plan.
    func explainInDatabase(_ query: Query, in source: SourceFile, command: DotCommand.Invocation) throws(StatementFailure) {
        guard let database else { return }
        let translation: SQLTranslator.Translation
        do {
            translation = try translator(for: source).translation(query)
        } catch let unsupported as SQLTranslator.Unsupported {
            throw command.failure(.notTranslatable, unsupported.message + "; the query reads its relation whole and runs in factsh")
        } catch {
            throw StatementFailure(error, at: command.statement)
        }
        var lines = Column(type: .string)
        lines.append(.string("sql: " + translation.sql))
        do {
            for line in try database.plan(of: translation.sql, parameters: Self.postgresParameters(translation.parameters)) { lines.append(.string(line)) }
        } catch {
            throw command.failure(.serverError, error.message)
        }
        try writeRelation(Relation(fields: [Field(name: "plan", type: .string)], columns: [lines], rowCount: lines.count), for: command.statement)
    }
}
