/// The text of `.help`: the commands, and short guides to the language.
enum HelpText {
    /// The topics besides the commands' names.
    static let topics = ["language", "examples"]

    /// The help on a topic, laid out for `width` columns (80 when not on a terminal).
    static func text(for topic: String?, width: Int? = nil) -> String {
        let width = max(40, width ?? 80)
        switch topic?.lowercased().trimmingPrefix(".") {
        case nil:
            return commandList(width: width)
                + wrapped("Type a query such as `swaps where date >= 2025-05-23 sum released`; .help language for more, .help COMMAND for one command.", width: width)
        case "language"?:
            return language
        case "examples"?:
            return examples
        case let name?:
            guard let command = DotCommand.named(String(name)) else {
                return "no help on '\(name)'; topics: language, examples, or a command name\n"
            }
            return command.usage + "\n" + wrapped(command.summary, width: width, indent: 2) + "\nexamples:\n"
                + command.examples.map { "  " + $0 + "\n" }.joined()
        }
    }

    /// Each command's usage and summary; a usage too long for the first column gets a line
    /// of its own, and summaries wrap at spaces under the second column.
    static func commandList(width: Int) -> String {
        let column = min(DotCommand.all.map(\.usage.count).max() ?? 0, width / 3)
        return DotCommand.all.map { command in
            let summary = wrapped(command.summary, width: width, indent: column + 2)
            if command.usage.count <= column {
                return command.usage + String(summary.dropFirst(command.usage.count))
            }
            return command.usage + "\n" + summary
        }.joined()
    }

    /// Text broken at spaces into lines of at most `width` columns, each indented; a word
    /// longer than a line stands alone on it.
    static func wrapped(_ text: String, width: Int, indent: Int = 0) -> String {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = margin
        for word in text.split(separator: " ") {
            if line.count > indent, line.count + 1 + word.count > width {
                lines.append(line)
                line = margin
            }
            line += (line.count > indent ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    static let language = """
        A query names a relation, then clauses applied left to right:
          RELATION [where EXPR] [AGG, ... [by KEY, ...]] [[left] join REL on a = b] [show [distinct] EXPR [as NAME], ...] [sort EXPR [asc|desc], ...] [limit N [offset M] [by KEY, ...]] [chart]
        A trailing `chart` draws the result: a bar per row, or a sparkline per group when the rows have a date.
        Aggregates: count, count distinct EXPR, sum EXPR, avg EXPR, min EXPR, max EXPR, list [distinct] EXPR (each with `as NAME`).
        Operators, loosest first: or, and, not, = != < <= > >= between in contains 'starts with' like matches overlaps is [not] null, + -, * / //, unary -.
        `/` gives a number (4 / 8 is 0.5), `//` the integer quotient (7 // 2 is 3).
        Functions: round(x [, digits]) abs lower upper length trim replace(s, from, to) substr(s, start [, length])
                   coalesce(a, b, ...) if(cond, a, b) year month week trunc(d, month|week|year) days(from, to) value(q) qualifier(q) share(x).
        `a overlaps b` is true when one number satisfies both quantities (at least 12 overlaps 13).
        After a load, `figures` groups the mentions that report the same quantity across reports, and
        `disputes` keeps those whose values cannot all be true; both are read-only.
        Values: 12, 2.5, "text", 2025-05-23, true, false, null, 3 days, 2 weeks,
                quantities: at least 12, more than 30, about 20, nearly 1000, dozens (shown ≥12 >30 ~20 ≈1000);
                a vague amount no word fits is shown ~~ and its number (dozens - 36 is ~~-12).
        Statements: let NAME = QUERY; add RELATION field = VALUE, ...; # comments; ';' separates statements;
                    a statement goes on while a parenthesis or string is open, or after a trailing \\.

        """

    static let examples = """
        swaps where date >= 2025-05-23 sum released
        swaps sum released by date sort date
        attacks show drones + missiles as total
        claims where unit = "drones" sum value
        swaps where date between 2025-05-24 and 2025-05-25 sum released
        let total = swaps sum released
        total - 1000
        figures where reports > 1 show event, unit, values, agree
        disputes show unit, sources

        """
}
