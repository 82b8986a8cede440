import FactLanguage
import FactStore

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

    /// Runs a script file's statements in order (`factsh report.fq`, `-f`, `.run`), going on
    /// after errors unless `--bail`.
    public func runScriptFile(_ path: String) -> Result<Void, FileProblem> {
        let text: String
        do {
            text = try FileSystem.readText(FileSystem.expandingTilde(path), displayName: path)
        } catch {
            return .failure(.unreadable(error))
        }
        guard scriptNesting < Session.maximumScriptNesting else {
            return .failure(.unreadable(Diagnostic(.io, "scripts run one another more than \(Session.maximumScriptNesting) deep; is '\(path)' running itself?")))
        }
        scriptNesting += 1
        defer { scriptNesting -= 1 }
        return run(SourceFile(name: path, text: text)) ? .success(()) : .failure(.failed)
    }

    /// Loads a file atomically: a facts script whose statements all succeed, or nothing.
    public func loadFile(_ path: String, as alias: String? = nil) -> Result<Void, FileProblem> {
        let kind = Session.fileKind(path)
        guard kind == .script else {
            return .failure(.unreadable(Diagnostic(.io, "cannot load '\(path)': factsh does not load \(kind.rawValue) files yet",
                                                   help: "facts scripts (.fq) load today")))
        }
        if alias != nil {
            return .failure(.unreadable(Diagnostic(.io, "'as NAME' names a data file's relation; a facts script names its own relations")))
        }
        let saved = environment
        let savedFailures = failureCount
        let outcome = runScriptFile(path)
        if case .failure(.failed) = outcome {
            environment = saved
            failureCount = savedFailures
            report(Diagnostic(.io, "nothing was loaded from '\(path)': fix the errors above and load it again", severity: .warning))
        }
        return outcome
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

    func load(_ path: String, as alias: String?, from statement: Statement) throws {
        if case .failure(let problem) = loadFile(path, as: alias) {
            throw located(problem, path: path, statement: statement)
        }
    }

    func runScript(at path: String, from statement: Statement) throws {
        if case .failure(let problem) = runScriptFile(path) {
            throw located(problem, path: path, statement: statement)
        }
    }

    /// A problem with a file named by a dot command, pointed at that command.
    private func located(_ problem: FileProblem, path: String, statement: Statement) -> any Error {
        switch problem {
        case .unreadable(let diagnostic) where diagnostic.location == nil:
            return Diagnostic(diagnostic.kind, diagnostic.message, in: statement.source, at: statement.range, help: diagnostic.help)
        case .unreadable(let diagnostic):
            return diagnostic
        case .failed:
            return AlreadyReported()
        }
    }
}

/// A failure whose errors were already written, such as a script that `.run` ran.
struct AlreadyReported: Error {}
