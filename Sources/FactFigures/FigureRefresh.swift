import FactStore

/// Keeps `figures`, `disputes` and each mention's `figure` in step with `mentions`: the shell
/// calls it after loads, before the next statement reads anything.
public enum FigureRefresh {
    /// The derived relations, and why they are not changed by hand.
    public static let readOnly: [String: String] = [
        "figures": "it is derived from mentions and recomputed after every load",
        "disputes": "it is the figures whose values disagree, recomputed after every load"
    ]

    public static func apply(to environment: inout Environment) {
        for (name, why) in readOnly { environment.readOnly[name] = why }
        guard let mentions = environment.catalog["mentions"], mentions.fieldIndex(named: "event") != nil else {
            _ = environment.catalog.remove("figures")
            _ = environment.catalog.remove("disputes")
            return
        }
        let derived = FigureTable.derive(mentions: mentions, articles: environment.catalog["articles"])
        environment.catalog.set(
            "mentions",
            mentions.settingColumn(
                Field(name: "figure", type: .int),
                Column(type: .int, values: derived.figureOfMention.map { $0.map(Value.int) ?? .null })))
        environment.catalog.set("figures", derived.figures)
        environment.catalog.set("disputes", derived.disputes)
    }
}
