import FactEngine
import FactStore
import FactSyntax

/// Where results go and how they look: the format of `.mode` / `--format`, the table style
/// of the terminal, the file of `.output` / `.once`, and the renderer each format uses.
///
/// Diagnostics never pass through here; they go straight to the `ShellOutput`'s other stream.
final class ResultWriter {
    let output: ShellOutput
    var format: OutputFormat = .table
    var tableStyle = TableStyle()
    /// Results go to a terminal: CSV and TSV write control characters as escapes there, as
    /// the other modes always do (a file gets them as data).
    var escapesControlCharacters = false
    /// The file of `.output` or `.once`, while one is open.
    private(set) var redirect: OutputRedirect?
    var isRedirected: Bool { redirect != nil }

    init(output: ShellOutput) { self.output = output }

    /// Writes a query result in the current format.
    func print(_ result: QueryResult) throws(FileSystem.Failure) {
        try write(result, failure: { $0 }, beforeEachBatch: { () throws(FileSystem.Failure) in })
    }

    /// Writes a statement's result; Ctrl-C stops it between two batches of rows.
    func print(_ result: QueryResult, of statement: Statement, cancellation: Cancellation) throws(StatementFailure) {
        try write(result, failure: { .diagnostic($0.diagnostic(at: statement)) }) { () throws(StatementFailure) in
            if cancellation.requested { throw .diagnostic(Diagnostic(.interrupted, "interrupted", in: statement.source, at: statement.range)) }
        }
    }

    /// A result in the current format: CSV, TSV, JSON, JSON Lines and Markdown written as
    /// their rows are turned into text, a batch at a time (`beforeEachBatch` may stop it),
    /// so the first rows of a big result come out at once; the table whole, since it pads
    /// every cell to its column's width.
    private func write<Problem: Error>(
        _ result: QueryResult, failure: @escaping (FileSystem.Failure) -> Problem, beforeEachBatch: @escaping () throws(Problem) -> Void
    ) throws(Problem) {
        guard let renderer = streamingRenderer() else {
            do throws(FileSystem.Failure) { try write(render(result)) } catch { throw failure(error) }
            return
        }
        try renderer.stream(result.relation) { (text: String) throws(Problem) in
            try beforeEachBatch()
            do throws(FileSystem.Failure) { try write(text) } catch { throw failure(error) }
        }
    }

    /// Results go to the file of `.output` / `.once` when one is open.
    func write(_ text: String) throws(FileSystem.Failure) {
        if let redirect {
            try redirect.write(text)
        } else {
            try output.writeResult(text)
        }
    }

    func render(_ result: QueryResult) -> String {
        if let renderer = streamingRenderer() { return renderer.text(of: result.relation) }
        if format == .line { return LineRenderer(nullText: tableStyle.nullText).render(result.relation) }
        if result.isBareValue {
            let column = result.relation.columns[0]
            return (column.isNull(0) ? "NULL" : column[0].description.escapingControlCharacters()) + "\n"
        }
        return TableRenderer(style: redirect == nil ? tableStyle : tableStyle.forFile).render(result.relation)
    }

    /// The renderer of a format written a batch of rows at a time; nil for the table and
    /// line formats.
    private func streamingRenderer() -> (any StreamingRenderer)? {
        switch format {
        case .csv, .tsv:
            let toTerminal = escapesControlCharacters && redirect == nil
            return DelimitedRenderer(format == .csv ? .csv : .tsv, escapesControlCharacters: toTerminal, writesHeader: tableStyle.showsHeaders)
        case .json: return JSONRenderer(linePerRow: false)
        case .jsonl: return JSONRenderer(linePerRow: true)
        case .markdown: return MarkdownRenderer()
        case .table, .line: return nil
        }
    }

    /// A relation the shell made (`.tables`, `.explain`) written as a query result would be.
    func write(_ relation: Relation) throws(FileSystem.Failure) {
        try print(QueryResult(relation: relation, isGrouped: true))
    }

    func beginRedirect(to path: String, once: Bool) throws(FileSystem.Failure) {
        endRedirect()
        redirect = try OutputRedirect(path: FileSystem.expandingTilde(path), once: once)
    }

    func endRedirect() {
        redirect?.close()
        redirect = nil
    }

    /// Runs one statement's writing: a `.once` file open before it, or opened by it, is
    /// closed after the statement that follows the `.once`.
    func closingOnce<T>(_ body: () -> T) -> T {
        let before = redirect
        defer {
            if let redirect, redirect.once, redirect === before { endRedirect() }
        }
        return body()
    }

    /// The renderer for an export, by its file name's extension (`.export`); nil for an
    /// unknown one.
    static func exportRenderer(path: String) -> (any StreamingRenderer)? {
        switch path.split(separator: ".").last?.lowercased() {
        case "csv": DelimitedRenderer(.csv, marksExactQuantities: true)
        case "tsv": DelimitedRenderer(.tsv, marksExactQuantities: true)
        case "json": JSONRenderer(linePerRow: false, marksExactQuantities: true)
        case "jsonl": JSONRenderer(linePerRow: true, marksExactQuantities: true)
        case "md": MarkdownRenderer()
        default: nil
        }
    }
}
