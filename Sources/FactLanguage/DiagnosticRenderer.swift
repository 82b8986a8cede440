/// Turns a diagnostic into the text users read, in the form compilers use:
///
///     report.fq:1:11: error: unknown field 'releasd' in swaps
///     swaps sum releasd
///               ^~~~~~~ did you mean 'released'?
public struct DiagnosticRenderer: Sendable {
    /// ANSI colours, for a terminal only.
    public var colored: Bool

    public init(colored: Bool = false) { self.colored = colored }

    public func render(_ diagnostic: Diagnostic) -> String {
        var header = ""
        if let path = diagnostic.path {
            header += path
            if let location = diagnostic.location { header += ":\(location)" }
            header += ": "
        }
        let label = diagnostic.severity.rawValue + ":"
        header += paint(label, diagnostic.severity == .error ? "1;31" : "1;35") + " " + paint(diagnostic.message, "1")
        var lines = [header]
        if let lineText = diagnostic.lineText, let location = diagnostic.location {
            lines.append(lineText)
            // Keep tabs under tabs so the caret lines up whatever the tab width.
            let padding = String(lineText.unicodeScalars.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " })
            var marker = "^" + String(repeating: "~", count: max(0, diagnostic.caretLength - 1))
            marker = paint(marker, "1;32")
            if let help = diagnostic.help { marker += " " + help }
            lines.append(padding + marker)
        } else if let help = diagnostic.help {
            lines.append("  " + help)
        }
        return lines.joined(separator: "\n")
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
