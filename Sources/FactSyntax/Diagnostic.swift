/// A problem found in a script or a file, as a value: what kind, where, and how to fix it.
///
/// Diagnostics are collected (a script with three bad statements reports three) and rendered
/// by `DiagnosticRenderer`; tests assert the kind and the position, not the wording.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Not valid syntax: "expected X, found Y".
        case syntax
        /// Valid so far but cut off: an open parenthesis or string, a trailing `\`.
        /// The shell answers it with a continuation prompt instead of an error.
        case incompleteInput
        /// A relation, field, binding or command that does not exist.
        case unknownName
        /// Two types that do not go together, such as a string compared with a number.
        case typeMismatch
        /// A problem found while running: overflow, division by zero.
        case runtime
        /// A file that cannot be read, decoded or written.
        case io
    }

    public enum Severity: String, Sendable { case error, warning }

    public var kind: Kind
    public var severity: Severity
    public var message: String
    /// `report.fq`, `<stdin>`, `<command>`; nil for problems of no file.
    public var path: String?
    public var location: SourceLocation?
    /// The source line shown under the message, and the span the caret marks in it.
    public var lineText: String?
    public var caretLength: Int
    /// Text after the caret: "did you mean 'swaps'?".
    public var help: String?
    /// The span in the source the diagnostic came from, when it came from one.
    public var range: SourceRange?

    public init(
        _ kind: Kind, _ message: String, severity: Severity = .error, path: String? = nil,
        location: SourceLocation? = nil, lineText: String? = nil, caretLength: Int = 1, help: String? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
        self.lineText = lineText
        self.caretLength = caretLength
        self.help = help
    }

    /// A diagnostic pointing at `range` in `source`. A span that runs over several lines is
    /// marked on its first line.
    public init(_ kind: Kind, _ message: String, in source: SourceFile, at range: SourceRange, severity: Severity = .error, help: String? = nil) {
        let location = source.location(of: range.start)
        let line = source.lineText(containing: range.start)
        let lineLength = line.unicodeScalars.count
        let length = max(1, min(range.end - range.start, lineLength - location.column + 1))
        self.init(kind, message, severity: severity, path: source.name, location: location, lineText: line, caretLength: length, help: help)
        self.range = range
    }
}
