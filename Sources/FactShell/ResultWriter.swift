import FactEngine
import FactStore

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
        try write(render(result))
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
        switch format {
        case .table:
            if result.isBareValue {
                let column = result.relation.columns[0]
                return (column.isNull(0) ? "NULL" : column[0].description.escapingControlCharacters()) + "\n"
            }
            return TableRenderer(style: redirect == nil ? tableStyle : tableStyle.forFile).render(result.relation)
        case .csv, .tsv:
            let toTerminal = escapesControlCharacters && redirect == nil
            return DelimitedRenderer(format == .csv ? .csv : .tsv, escapesControlCharacters: toTerminal).render(result.relation)
        case .json: return JSONRenderer(linePerRow: false).render(result.relation)
        case .jsonl: return JSONRenderer(linePerRow: true).render(result.relation)
        case .markdown: return MarkdownRenderer().render(result.relation)
        case .line: return LineRenderer(nullText: tableStyle.nullText).render(result.relation)
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

    /// The relation written in the format its file name asks for (`.export`), or nil for an
    /// unknown extension.
    static func exportText(_ relation: Relation, path: String) -> String? {
        switch path.split(separator: ".").last?.lowercased() {
        case "csv": DelimitedRenderer(.csv, marksExactQuantities: true).render(relation)
        case "tsv": DelimitedRenderer(.tsv, marksExactQuantities: true).render(relation)
        case "json": JSONRenderer(linePerRow: false, marksExactQuantities: true).render(relation)
        case "jsonl": JSONRenderer(linePerRow: true, marksExactQuantities: true).render(relation)
        case "md": MarkdownRenderer().render(relation)
        default: nil
        }
    }
}
