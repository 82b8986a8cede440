import FactStore

extension Diagnostic {
    /// A diagnostic pointing at `range` in `source`. A span that runs over several lines is
    /// marked on its first line.
    public init(_ id: ID, _ message: String, in source: SourceFile, at range: SourceRange, severity: Severity = .error, help: String? = nil) {
        let location = source.location(of: range.start)
        let line = source.lineText(containing: range.start)
        let lineLength = line.unicodeScalars.count
        let length = max(1, min(range.end - range.start, lineLength - location.column + 1))
        self.init(id, message, severity: severity, path: source.name, location: location, lineText: line, caretLength: length, help: help)
        self.range = range
    }
}
