import FactStore

/// Turns a diagnostic into the text users read, in the form compilers use:
///
///     report.fq:1:11: error: unknown field 'releasd' in swaps
///     swaps sum releasd
///               ^~~~~~~ did you mean 'released'?
///
/// A line longer than a screen line is shown as a window around the caret, cut with `…`.
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
            let scalars = Array(lineText.unicodeScalars)
            let caret = min(max(0, location.column - 1), scalars.count)
            let shown = DiagnosticRenderer.window(around: caret, in: scalars.count, width: DiagnosticRenderer.lineWidth)
            let before = shown.lowerBound > 0 ? "…" : ""
            // A line from a data file may hold control characters: shown escaped, never acted on.
            let shownText = scalars[shown].map { String($0).escapingControlCharacters(keepingLayout: true) }
            lines.append(before + shownText.joined() + (shown.upperBound < scalars.count ? "…" : ""))
            // Keep tabs under tabs so the caret lines up whatever the tab width.
            let padding =
                (before.isEmpty ? "" : " ")
                + shownText[..<(caret - shown.lowerBound)].map { $0 == "\t" ? "\t" : String(repeating: " ", count: $0.unicodeScalars.count) }.joined()
            let caretLength = min(diagnostic.caretLength, max(1, shown.upperBound - caret))
            var marker = "^" + String(repeating: "~", count: max(0, caretLength - 1))
            marker = paint(marker, "1;32")
            if let help = diagnostic.help { marker += " " + help }
            lines.append(padding + marker)
        } else if let help = diagnostic.help {
            lines.append("  " + help)
        }
        return lines.joined(separator: "\n")
    }

    /// The most characters of a line shown under a message: about one screen line, so a
    /// 400 KB line is not printed back whole.
    static let lineWidth = 80

    /// The part of a line of `count` characters to show: all of it when it fits, else
    /// `width` characters with the caret a third of the way in (marked `…` where cut).
    static func window(around caret: Int, in count: Int, width: Int) -> Range<Int> {
        guard count > width else { return 0..<count }
        let start = min(max(0, caret - width / 3), count - width)
        return start..<start + width
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
