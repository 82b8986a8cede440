/// How a table fits the width it is given without cutting a number or a date, in the order
/// users of DuckDB and psql expect: text cells are shortened first, then whole fields are left
/// out from the right (the table names them), and when not even half of them (or two) fit,
/// each row is shown one field per line, as psql's `\x auto` does.
enum TableLayout: Equatable {
    /// The fields drawn, by index, and the width of each.
    case columns(shown: [Int], widths: [Int])
    /// One field per line.
    case expanded

    /// What a table of `count` columns takes besides its text: a space either side of each
    /// cell and a rule between and around them.
    static func frameWidth(columns count: Int) -> Int { count * 3 + 1 }

    /// - Parameters:
    ///   - natural: each field's width with nothing cut.
    ///   - floors: the narrowest each field may be drawn, tried in order before a field is
    ///     left out (a number's header whole, then cut); for a field of numbers or dates, never
    ///     below its widest value.
    ///   - maxWidth: the width to fit, or nil for no limit (a file or a pipe).
    static func fit(natural: [Int], floors: [[Int]], maxWidth: Int?) -> TableLayout {
        guard let maxWidth, !natural.isEmpty else { return .columns(shown: Array(natural.indices), widths: natural) }
        // Past half the fields left out, one field per line shows more.
        let fewest = min(natural.count, max(2, (natural.count + 1) / 2))
        for count in stride(from: natural.count, through: fewest, by: -1) {
            let shown = Array(0..<count)
            for floor in floors {
                if let widths = narrowed(shown.map { natural[$0] }, to: maxWidth - frameWidth(columns: count), floors: shown.map { floor[$0] }) {
                    return .columns(shown: shown, widths: widths)
                }
            }
        }
        return .expanded
    }

    /// The widths narrowed, widest first, until their sum is at most `budget`; nil when the
    /// floors alone are over it.
    private static func narrowed(_ widths: [Int], to budget: Int, floors: [Int]) -> [Int]? {
        guard floors.reduce(0, +) <= budget else { return nil }
        var widths = widths
        var excess = widths.reduce(0, +) - budget
        while excess > 0 {
            let narrowable = widths.indices.filter { widths[$0] > floors[$0] }
            guard let widest = narrowable.max(by: { widths[$0] < widths[$1] }) else { return nil }
            // Narrow the widest down to the next widest at most, so wide columns share the cut.
            let nextWidest = narrowable.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let step = max(1, min(excess, widths[widest] - max(floors[widest], nextWidest)))
            widths[widest] -= step
            excess -= step
        }
        return widths
    }
}
