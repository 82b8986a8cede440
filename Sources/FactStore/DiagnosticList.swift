/// Several diagnostics thrown together: every error of a script, or an error and warnings.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// True when the only problem is that the input stops too early.
    public var isIncompleteInput: Bool {
        !diagnostics.isEmpty && diagnostics.allSatisfy { $0.kind == .incompleteInput }
    }
}
