import DataImport
import FactEngine
import FactFigures
import FactStore
import FactSyntax
import PostgresStore

/// A session whose relations live in PostgreSQL (`--db URI`, `.open URI`).
///
/// The session keeps only the relations' fields (`environment.catalog` holds them with no
/// rows, reread from the database before each statement, so other sessions' committed loads
/// are seen); `let` bindings stay in memory. A query over a stored relation is translated to
/// one SQL statement (`SQLTranslator`, PostgreSQL dialect) and only its result rows come back.
/// A query the translation has no SQL form for (`overlaps`, date arithmetic) reads its
/// relation whole and runs here, as `.why` does. A data file's rows go to the server chunk by
/// chunk as factsh reads and checks them (`DatabaseRowSink`); articles, scripts and `add` run
/// against the empty relations first, where factsh checks them as in memory, and then their
/// rows go to the server. Either way a load is one transaction, and a problem reports the
/// file's line and column.
extension Session {
    /// True when the session's relations live in a database.
    public var isAttachedToDatabase: Bool { database != nil }

    /// Connects and makes the database's relations the session's; bindings saved there come
    /// back into memory. On failure the session is left as it was.
    public func attach(_ connection: String) throws(PostgresFailure) {
        let database = try PostgresDatabase(connection)
        var environment = Environment()
        for schema in database.schemas {
            if schema.isBinding {
                environment.bind(schema.name, try database.read(schema.name))
            } else {
                environment.catalog.set(schema.name, schema.relation)
            }
        }
        for (name, why) in FigureRefresh.readOnly { environment.readOnly[name] = why }
        self.database = database
        self.environment = environment
        forgetReplacedFacts()
        figuresAreStale = false
    }

    /// Back to an in-memory session (`.open FILE`).
    func detach() { database = nil }

    /// Rereads the database's catalogue into the session's relations, keeping the bindings.
    func synchronize() throws(PostgresFailure) {
        guard let database else { return }
        try database.refresh()
        var catalog = Catalog()
        for schema in database.schemas where !schema.isBinding && environment.bindings[schema.name] == nil {
            catalog.set(schema.name, schema.relation)
        }
        environment.catalog = catalog
    }

    /// Runs a statement whose relation lives in the database: nil when it does not (a value,
    /// a binding), for the interpreter to run in memory. Throws a `Diagnostic`.
    func runInDatabase(_ statement: Statement) throws -> Interpreter.Outcome? {
        guard let database else { return nil }
        func failure(_ error: PostgresFailure) -> Diagnostic {
            Diagnostic(.serverError, error.message, in: statement.source, at: statement.range)
        }
        if case .dotCommand = statement.kind { return nil }
        do throws(PostgresFailure) { try synchronize() } catch {
            // Without the server, what runs in memory still runs; the rest fails when it tries.
            guard error.lostConnection else { throw failure(error) }
        }
        switch statement.kind {
        case .query(let query):
            guard let result = try databaseResult(query, in: statement.source) else { return nil }
            return .result(result)
        case .let(let name, let query):
            guard environment.catalog[name.text] == nil else { return nil }
            guard let result = try databaseResult(query, in: statement.source) else { return nil }
            environment.bind(name.text, result.relation)
            return .bound(name: name.text, result.relation)
        case .add(let relation, _):
            guard environment.bindings[relation.text] == nil, environment.readOnly[relation.text] == nil else { return nil }
            // The fact is checked as in memory, against the relation's fields, then inserted.
            var scratch = interpreter
            scratch.environment = environment
            let outcome = try scratch.execute(statement)
            guard let added = scratch.environment.catalog[relation.text] else { return outcome }
            var change = PostgresDatabase.Change()
            change.additions = [(relation.text, added)]
            do throws(PostgresFailure) { try database.apply(change) } catch { throw failure(error) }
            return outcome
        case .dotCommand:
            return nil
        }
    }

    /// The relation a query reads, when it is one in the database.
    func databaseRelation(of query: Query) -> String? {
        guard database != nil, case .name(let name) = query.source.kind, environment.catalog[name] != nil else { return nil }
        return name
    }

    /// A query's result computed by the server; nil when the query reads no stored relation.
    func databaseResult(_ query: Query, in source: SourceFile) throws -> QueryResult? {
        guard let database, let name = databaseRelation(of: query) else { return nil }
        func runHere() throws -> QueryResult {
            try withRelationsRead([name], in: source, at: query.range) { () throws in
                try interpreter.run(query, in: source)
            }
        }
        let translation: SQLTranslator.Translation
        do {
            translation = try translator(for: source).translation(query)
        } catch is SQLTranslator.Unsupported {
            // No SQL form: the relation is read whole and the query runs here.
            return try runHere()
        }
        let relation: Relation
        do {
            relation = try database.query(
                translation.sql, parameters: Self.postgresParameters(translation.parameters), fields: translation.fields, isCancelled: interpreter.isCancelled)
        } catch {
            throw Diagnostic(.serverError, error.message, in: source, at: query.range)
        }
        // The translation carries a quantity's number and qualifier, not a range's upper end:
        // a result with a range in it (rare: `10–15`) is computed here instead.
        if Self.holdsRangeWithoutUpperEnd(relation) { return try runHere() }
        return QueryResult(relation: relation, isGrouped: translation.isGrouped)
    }

    private static func holdsRangeWithoutUpperEnd(_ relation: Relation) -> Bool {
        relation.fields.indices.contains { index in
            relation.fields[index].type == .quantity
                && (0..<relation.rowCount).contains { row in
                    if case .quantity(let quantity) = relation.columns[index][row] { quantity.qualifier == .range && quantity.upper == nil } else { false }
                }
        }
    }

    /// A statement's sets (`in (binding)`) as the server takes them: each an array's text.
    static func postgresParameters(_ sets: [SQLSetParameter]) -> [String?] {
        sets.map { PostgresArray.literal($0.values) }
    }

    /// The SQL translation over the database's tables.
    func translator(for source: SourceFile) -> SQLTranslator {
        var translator = SQLTranslator(environment: environment, source: source, dialect: .postgresql)
        translator.sendsBindingsAsParameters = true
        guard let database else { return translator }
        for name in environment.catalog.names {
            guard let table = database.table(of: name) else { continue }
            translator.tables[name] = SQLTranslator.Table(name: table.name, columns: table.columns, rowOrder: table.rowOrder)
        }
        return translator
    }

    /// Runs `body` with the named stored relations read whole into the session, then puts the
    /// session's fields-only relations back: for what only runs in memory.
    func withRelationsRead<Result>(
        _ names: [String], in source: SourceFile, at range: SourceRange,
        _ body: () throws -> Result
    ) throws -> Result {
        guard let database else { return try body() }
        let saved = environment
        defer { environment = saved }
        for name in names where environment.catalog[name] != nil {
            do { environment.catalog.set(name, try database.read(name)) } catch {
                throw Diagnostic(.databaseUnavailable, error.message, in: source, at: range)
            }
        }
        return try body()
    }

    /// Runs `body` (`.why`) with what can be behind a query's result read from the database:
    /// the rows of its relation that the query's leading `where` conditions keep (the server
    /// picks them) and, for mentions, the sentences of the articles those rows come from.
    func withFactsBehind<Result>(_ query: Query, in source: SourceFile, _ body: () throws -> Result) throws -> Result {
        guard let database, let name = databaseRelation(of: query) else { return try body() }
        let translator = translator(for: source)
        let saved = environment
        defer { environment = saved }
        do throws(PostgresFailure) {
            // A condition with no SQL form (`overlaps`) leaves the relation to be read whole.
            let relation = try database.read(name) { columns in
                (try? translator.leadingRows(query, columns: columns)).map { ($0.sql, Self.postgresParameters($0.parameters)) }
            }
            environment.catalog.set(name, relation)
            if relation.fieldIndex(named: "sentence") != nil, relation.fieldIndex(named: "article") != nil, environment.catalog["sentences"] != nil {
                let articles = Set((0..<relation.rowCount).compactMap { relation.origins[$0]?.source })
                environment.catalog.set("sentences", try database.read("sentences", where: "article", isOneOf: articles.sorted()))
            }
        } catch {
            throw Diagnostic(.databaseUnavailable, error.message, in: source, at: query.range)
        }
        return try body()
    }

    /// Every relation and binding with its rows: what `.save` writes.
    func environmentWithRows() throws(PostgresFailure) -> Environment {
        guard let database else { return environment }
        var full = environment
        for name in environment.catalog.names { full.catalog.set(name, try database.read(name)) }
        return full
    }

    /// Runs a load against the session's fields-only relations, where factsh checks every row
    /// as in memory, then sends the rows it added to the database in one transaction: all of
    /// the file or, on any error, nothing. `replacingArticles` names the articles a load replaces.
    func loadIntoDatabase(
        _ path: String, replacingArticles articles: [String] = [],
        _ load: () -> Result<Void, FileProblem>
    ) -> Result<Void, FileProblem> {
        guard let database else { return load() }
        do throws(PostgresFailure) { try synchronize() } catch {
            return .failure(.unreadable(Diagnostic(.databaseUnavailable, error.message)))
        }
        let saved = environment
        // An article changes `mentions`, from which `figures` and `disputes` are derived over
        // all of them: those are read whole, derived here, and replaced whole.
        var before = environment
        let derived = articles.isEmpty ? [] : ["mentions", "articles", "figures", "disputes"]
        for name in derived.prefix(2) where before.catalog[name] != nil {
            do { before.catalog.set(name, try database.read(name)) } catch {
                return .failure(.unreadable(Diagnostic(.nothingLoaded, "nothing was loaded from '\(path)': \(error.message)")))
            }
        }
        environment = before
        self.database = nil
        let outcome = load()
        self.database = database
        var after = environment
        environment = saved
        figuresAreStale = false
        guard case .success = outcome else { return outcome }
        if !articles.isEmpty { FigureRefresh.apply(to: &after) }
        var change = PostgresDatabase.Change()
        change.deletions = articles.map { ("sentences", "article", $0) }
        for name in after.catalog.names {
            guard let relation = after.catalog[name] else { continue }
            if derived.contains(name) {
                change.replacements.append((name, relation))
            } else if relation.rowCount > 0 || before.catalog[name] == nil {
                change.additions.append((name, relation))
            }
        }
        for name in after.bindingNames where before.bindings[name] == nil {
            if let relation = after.bindings[name] { environment.bind(name, relation) }
        }
        do throws(PostgresFailure) {
            try database.apply(change, isCancelled: interpreter.isCancelled)
            try synchronize()
        } catch {
            return .failure(.unreadable(Self.nothingLoaded(from: path, error)))
        }
        return .success(())
    }

    /// Loads a CSV, TSV, JSON or JSON Lines file into the database as it is read: each chunk's
    /// rows, checked as in memory, are copied to the server while the next chunk is read, all
    /// in one transaction that a problem anywhere in the file rolls back.
    func loadDataIntoDatabase(_ path: String, as alias: String?, types: [String: ValueType]) -> Result<Void, FileProblem> {
        guard let database else { return loadData(path, as: alias, types: types) }
        do throws(PostgresFailure) { try synchronize() } catch {
            return .failure(.unreadable(Diagnostic(.databaseUnavailable, error.message)))
        }
        let name = alias ?? DataLoader.relationName(forPath: path)
        let outcome = loadData(path, as: alias, types: types, sink: DatabaseRowSink(PostgresLoad(into: name, of: database)))
        figuresAreStale = false
        guard case .success = outcome else { return outcome }
        do throws(PostgresFailure) { try synchronize() } catch { return .failure(.unreadable(Diagnostic(.databaseUnavailable, error.message))) }
        return outcome
    }

    /// A load the database refused: nothing of the file is there.
    static func nothingLoaded(from path: String, _ error: PostgresFailure) -> Diagnostic {
        var diagnostic = Diagnostic(.nothingLoaded, "nothing was loaded from '\(path)': \(error.message)")
        if let line = error.copyLine { diagnostic.message += " (row \(line) of the copy)" }
        return diagnostic
    }
}
