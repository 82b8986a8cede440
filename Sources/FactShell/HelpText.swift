/// The text of `.help`: the commands, and short guides to the language.
enum HelpText {
    /// The topics besides the commands' names.
    static let topics = ["language", "examples"]

    static func text(for topic: String?) -> String {
        switch topic?.lowercased().trimmingPrefix(".") {
        case nil:
            let width = DotCommand.all.map(\.usage.count).max() ?? 0
            return DotCommand.all.map { $0.usage + String(repeating: " ", count: width - $0.usage.count + 2) + $0.summary + "\n" }.joined()
                + "\nType a query such as `swaps where date >= 2025-05-23 sum released`; .help language for more.\n"
        case "language"?:
            return language
        case "examples"?:
            return examples
        case let name?:
            if let command = DotCommand.named(String(name)) { return command.usage + "\n  " + command.summary + "\n" }
            return "no help on '\(name)'; topics: language, examples, or a command name\n"
        }
    }

    static let language = """
        A query names a relation, then clauses applied left to right:
          RELATION [where EXPR] [AGG, ... [by KEY, ...]] [[left] join REL on a = b] [show [distinct] EXPR [as NAME], ...] [sort EXPR [asc|desc], ...] [limit N [offset M] [by KEY, ...]]
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
