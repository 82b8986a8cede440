import ArticleIngest
import DataImport
import FactStore
import FactSyntax
import PostgresStore

extension Session {
    /// How deeply scripts may `.run` or `.load` one another before factsh assumes a loop.
    static let maximumScriptNesting = 32

    /// Why a file given on the command line could not be used.
    public enum FileProblem: Error {
        /// It could not be read or decoded: the command line exits with status 2.
        case unreadable(Diagnostic)
        /// It was read but some statement failed: status 1.
        case failed
    }

    /// A file named by the user (`~` expanded) as text, or why it cannot be used.
    private static func readText(_ path: String) -> Result<String, FileProblem> {
        do {
            return .success(try FileSystem.readText(FileSystem.expandingTilde(path), displayName: path))
        } catch {
            return .failure(.unreadable(error))
        }
    }

    /// Runs a script file's statements in order (`factsh report.fq`, `-f`, `.run`), going on
    /// after errors unless `--bail`.
    public func runScriptFile(_ path: String) -> Result<Void, FileProblem> {
        let text: String
        switch Session.readText(path) {
        case .success(let read): text = read
        case .failure(let problem): return .failure(problem)
        }
        guard scriptNesting < Session.maximumScriptNesting else {
            return .failure(.unreadable(Diagnostic(.scriptNesting, "scripts run one another more than \(Session.maximumScriptNesting) deep; is '\(path)' running itself?")))
        }
        scriptNesting += 1
        defer { scriptNesting -= 1 }
        return run(SourceFile(name: path, text: text)) ? .success(()) : .failure(.failed)
    }

    /// Loads a file atomically: a facts script whose statements all succeed, or an article,
    /// or nothing at all. `date` stands in for an article's missing `date:` header. In a
    /// session attached to a database the rows go there, in one transaction.
    /// `replace` loads a data file into its relation afresh instead of adding its rows.
    public func loadFile(_ path: String, as alias: String? = nil, date: Day? = nil, types: [String: ValueType] = [:], replace: Bool = false) -> Result<Void, FileProblem> {
        guard database != nil else { return loadFileInMemory(path, as: alias, date: date, types: types, replace: replace) }
        if replace {
            return .failure(.unreadable(Diagnostic(.usage, "'replace' is for relations in memory; with a database, .drop the relation and load it again")))
        }
        if Session.fileKind(path) == .data, date == nil { return loadDataIntoDatabase(path, as: alias, types: types) }
        let articles = Session.fileKind(path) == .article ? [ArticleLoader.id(forPath: path)] : []
        return loadIntoDatabase(path, replacingArticles: articles) {
            loadFileInMemory(path, as: alias, date: date, types: types, replace: false)
        }
    }

    private func loadFileInMemory(_ path: String, as alias: String?, date: Day?, types: [String: ValueType], replace: Bool) -> Result<Void, FileProblem> {
        if replace, Session.fileKind(path) != .data {
            return .failure(.unreadable(Diagnostic(.usage, "'replace' is for data files (.csv .tsv .json .jsonl)")))
        }
        switch Session.fileKind(path) {
        case .script:
            if alias != nil || date != nil {
                return .failure(.unreadable(Diagnostic(.usage, "a facts script names its own relations and dates; 'as' and 'date' are for data files and articles")))
            }
            let saved = environment
            let savedFailures = failureCount
            let outcome = runScriptFile(path)
            if case .failure(.failed) = outcome {
                environment = saved
                failureCount = savedFailures
                report(Diagnostic(.nothingLoaded, "nothing was loaded from '\(path)': fix the errors above and load it again", severity: .warning))
            }
            return outcome
        case .article:
            return loadArticlesInMemory([(path, nil)], date: date)
        case .data:
            if date != nil { return .failure(.unreadable(Diagnostic(.usage, "'date' is for articles; a data file has dates in its rows"))) }
            return loadData(path, as: alias, types: types, replace: replace)
        }
    }

    /// Reads a CSV, TSV, JSON or JSON Lines file into a relation named after the file (or
    /// `alias`), appending to that relation when it exists (unless `replace`). All or nothing.
    /// With a `sink` the rows go there as they are checked, not into the session's relation.
    func loadData(_ path: String, as alias: String?, types: [String: ValueType], replace: Bool = false, sink: DatabaseRowSink? = nil) -> Result<Void, FileProblem> {
        guard let format = DataFormat(path: path) else {
            return .failure(.unreadable(Diagnostic(.unknownFormat, "cannot tell the format of '\(path)'")))
        }
        let source: any ByteSource
        do {
            source = try FileBytes.source(path: FileSystem.expandingTilde(path))
        } catch {
            return .failure(.unreadable(Diagnostic(.unreadable, "cannot read '\(path)': \(error.reason)")))
        }
        // The types an export kept beside the file; those given with `types (...)` win.
        var types = types
        let sidecar = TypesSidecar.path(for: FileSystem.expandingTilde(path))
        if format == .csv || format == .tsv, FileSystem.exists(sidecar) {
            let shownPath = TypesSidecar.path(for: path)
            let text: String
            do { text = try FileSystem.readText(sidecar, displayName: shownPath) } catch { return .failure(.unreadable(error)) }
            do {
                types.merge(try TypesSidecar.parse(text, sidecarPath: shownPath)) { given, _ in given }
            } catch {
                return .failure(.unreadable(error.inFile(shownPath)))
            }
        }
        let name = alias ?? DataLoader.relationName(forPath: path)
        if let why = environment.readOnly[name] {
            return .failure(.unreadable(Diagnostic(.readOnly, "'\(name)' is read-only: \(why); load into another name with 'as NAME'")))
        }
        if environment.bindings[name] != nil {
            return .failure(.unreadable(Diagnostic(.nameInUse, "'\(name)' is a let binding; load into another name with 'as NAME'")))
        }
        let canonicalPath = FileSystem.canonicalPath(path)
        if !replace, environment.catalog[name] != nil, loadedDataFiles[name]?.contains(canonicalPath) == true {
            return .failure(
                .unreadable(
                    Diagnostic(
                        .alreadyLoaded, "'\(path)' is already loaded into '\(name)'; loading it again would double its rows",
                        help: "'.load \(path) replace' loads it afresh; '.load \(path) as NAME' into another relation")))
        }
        let rowsBefore = replace ? 0 : environment.catalog[name]?.rowCount ?? 0
        do {
            let clock = ContinuousClock()
            let start = clock.now
            var shown = false
            let output = self.output
            let showsProgress = self.showsProgress
            // Ctrl-C stops the load between chunks; the catalog is changed only after it ends.
            defer { if shown { output.writeDiagnostic("\r\u{1B}[K") } }
            let loaded = try DataLoader.load(
                source, format: format, path: path, types: types, appendingTo: replace ? nil : environment.catalog[name],
                progress: { fraction in
                    // Only loads that take more than a second say how far they have got.
                    guard showsProgress, clock.now - start > .seconds(1) else { return }
                    output.writeDiagnostic("\rloading \(path): \(Int(fraction * 100))%")
                    shown = true
                }, cancellation: Cancellation(interpreter.isCancelled), sink: sink)
            if let sink {
                do throws(PostgresFailure) { try sink.load.finish() } catch { return .failure(.unreadable(Self.nothingLoaded(from: path, error))) }
            }
            for warning in loaded.warnings {
                report(warning.inFile(path))
            }
            environment.catalog.set(name, loaded.relation)
            if confirmsLoads {
                let added = sink?.load.rowCount ?? loaded.relation.rowCount - rowsBefore
                output.writeDiagnostic(LoadConfirmation.dataFile(rows: added, relation: name, fields: loaded.relation.fields.count, duration: clock.now - start))
            }
            loadedDataFiles[name] = (replace ? [] : loadedDataFiles[name] ?? []).union([canonicalPath])
            if name == "mentions" { figuresAreStale = true }
            return .success(())
        } catch {
            sink?.load.abandon(reason: error.id == .interrupted ? "interrupted" : "\(path):\(error.location?.line ?? 0): \(error.message)")
            if let failure = sink?.failure { return .failure(.unreadable(Self.nothingLoaded(from: path, failure))) }
            var diagnostic = error.inFile(path)
            diagnostic.help = "nothing was loaded from this file"
            return .failure(.unreadable(diagnostic))
        }
    }

    /// What a file is, by its extension, as the command line's FILE arguments are read.
    public enum FileKind: String {
        case script = "script"
        case data = "data"
        case article = "article"
    }

    public static func fileKind(_ path: String) -> FileKind {
        let name = path.split(separator: "/").last ?? ""
        guard name.contains("."), let fileExtension = name.split(separator: ".").last?.lowercased() else { return .article }
        switch fileExtension {
        case "fq": return .script
        case "csv", "tsv", "json", "jsonl": return .data
        default: return .article
        }
    }

    /// `.load PATH ...`: one file, or the articles of a folder or pattern as one load.
    func load(_ path: String, as alias: String?, date: Day?, types: [String: ValueType], replace: Bool, from statement: Statement) throws(StatementFailure) {
        let outcome: Result<Void, FileProblem>
        do throws(Diagnostic) {
            let files = try LoadTargets.files(path)
            if files == [path] {
                outcome = loadFile(path, as: alias, date: date, types: types, replace: replace)
            } else {
                if alias != nil || replace || !types.isEmpty {
                    throw Diagnostic(.usage, "'as', 'replace' and 'types' are for one data file; '\(path)' names \(files.count) files")
                }
                outcome = try loadArticles(checkingKindsOf: files, named: path, date: date)
            }
        } catch {
            throw located(.unreadable(error), path: path, statement: statement)
        }
        if case .failure(let problem) = outcome {
            throw located(problem, path: path, statement: statement)
        }
    }

    func runScript(at path: String, from statement: Statement) throws(StatementFailure) {
        if case .failure(let problem) = runScriptFile(path) {
            throw located(problem, path: path, statement: statement)
        }
    }

    /// A problem with a file named by a dot command, pointed at that command.
    private func located(_ problem: FileProblem, path: String, statement: Statement) -> StatementFailure {
        switch problem {
        case .unreadable(let diagnostic) where diagnostic.location == nil:
            return .diagnostic(Diagnostic(diagnostic.id, diagnostic.message, in: statement.source, at: statement.range, help: diagnostic.help))
        case .unreadable(let diagnostic):
            return .diagnostic(diagnostic)
        case .failed:
            // The script's statements reported their own errors.
            return .alreadyReported
        }
    }
}
