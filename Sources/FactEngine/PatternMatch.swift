import FactSyntax

/// `like` and `matches`: patterns that, unlike `contains`, match case as written, as
/// DuckDB's and PostgreSQL's `LIKE` and `~` do. Text is compared by Unicode code points, as
/// SQL compares it, so `_` is one code point.
enum PatternMatch {
    /// A test of text against one pattern, built once for the pattern; nil when a regular
    /// expression does not compile.
    static func test(_ op: BinaryOperator, pattern: String) -> ((String) -> Bool)? {
        switch op {
        case .like:
            let pattern = Array(pattern.unicodeScalars)
            return { like(Array($0.unicodeScalars), pattern) }
        case .matches:
            // The binder compiles every `matches` pattern first and reports one that does not
            // compile at its position, so the error itself is not needed here.
            guard let regex = try? Regex(pattern) else { return nil }
            return { $0.contains(regex) }
        default:
            let folded = TextMatch.folded(pattern)
            return { TextMatch.matches(op, TextMatch.folded($0), folded) }
        }
    }

    /// SQL's LIKE with no escape character: `%` any run of code points, `_` exactly one.
    /// Greedy with one point to go back to (the last `%`), so it takes time linear in the
    /// text times the pattern, never exponential.
    static func like(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
        var (t, p) = (0, 0)
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "%" {
                star = p
                p += 1
                resume = t
            } else if p < pattern.count, pattern[p] == "_" || pattern[p] == text[t] {
                t += 1
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "%" { p += 1 }
        return p == pattern.count
    }

    /// A LIKE pattern as a GLOB pattern, for SQLite, whose LIKE ignores the case of ASCII
    /// letters: `*` `?` `[` made literal, then `%` → `*` and `_` → `?`.
    static func glob(fromLike pattern: String) -> String {
        var result = ""
        for character in pattern.unicodeScalars {
            switch character {
            case "[": result += "[[]"
            case "*": result += "[*]"
            case "?": result += "[?]"
            case "%": result += "*"
            case "_": result += "?"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
