/// The words reporters put around a number to say how exactly it is known, in one table that
/// data files, the query language and the article extractor all read: "over 300" must mean
/// the same in a CSV cell, after `where`, and in a pasted report.
public enum QualifierPhrases {
    /// Phrases written before a number, longest first so "no more than" wins over "more than".
    public static let prefixes: [(words: [String], qualifier: Qualifier)] = [
        (["no", "fewer", "than"], .atLeast), (["no", "less", "than"], .atLeast), (["a", "minimum", "of"], .atLeast),
        (["no", "more", "than"], .atMost), (["a", "maximum", "of"], .atMost), (["as", "many", "as"], .atMost),
        (["as", "much", "as"], .atMost), (["in", "excess", "of"], .moreThan), (["just", "shy", "of"], .nearly),
        (["at", "least"], .atLeast), (["at", "most"], .atMost), (["up", "to"], .atMost),
        (["more", "than"], .moreThan), (["upwards", "of"], .moreThan), (["fewer", "than"], .fewerThan), (["less", "than"], .fewerThan),
        (["close", "to"], .nearly), (["just", "under"], .nearly), (["an", "estimated"], .about),
        (["over"], .moreThan), (["above"], .moreThan), (["exceeding"], .moreThan),
        (["under"], .fewerThan), (["below"], .fewerThan),
        (["nearly"], .nearly), (["almost"], .nearly),
        (["about"], .about), (["around"], .about), (["roughly"], .about), (["approximately"], .about), (["some"], .about),
        (["estimated"], .about), (["circa"], .about)
    ]

    /// Vague amounts written on their own, each with the lower bound it stands for ("dozens"
    /// is at least 24), longest first so "tens of thousands" wins over "thousands".
    public static let vagueAmounts: [(words: [String], value: Double)] = [
        (["hundreds", "of", "thousands"], 200_000), (["tens", "of", "thousands"], 20_000), (["tens", "of", "millions"], 20_000_000),
        (["hundreds", "of", "millions"], 200_000_000), (["a", "handful"], 3),
        (["dozens"], 24), (["scores"], 40), (["hundreds"], 200), (["thousands"], 2000), (["millions"], 2_000_000),
        (["billions"], 2_000_000_000)
    ]

    /// The qualifier phrase that starts `words`, if any.
    public static func prefix(of words: some Collection<String>) -> (words: [String], qualifier: Qualifier)? {
        prefixes.first { words.starts(with: $0.words) }
    }

    /// The vague amount that starts `words`, if any.
    public static func vagueAmount(startingWith words: some Collection<String>) -> (words: [String], value: Double)? {
        vagueAmounts.first { words.starts(with: $0.words) }
    }
}
