extension String {
    /// The text with its control characters written as escapes (`\n`, `\t`, `\r`, `\x1b`), so
    /// a value shown on a terminal cannot clear the screen, move the cursor or retitle the
    /// window, as psql and DuckDB show them. `keepingLayout` leaves line breaks and tabs as
    /// they are, for output whose rows span lines. Results and diagnostics both use it.
    public func escapingControlCharacters(keepingLayout: Bool = false) -> String {
        // C0 controls, DEL, and the C1 controls, whose UTF-8 starts with 0xC2.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n" where keepingLayout, "\t" where keepingLayout: result.unicodeScalars.append(scalar)
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                result += "\\x" + (hex.count == 1 ? "0" : "") + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
