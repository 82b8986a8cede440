import FactStore

/// Words that mean something only where a value is expected (`killed = at least 12`,
/// `injured = dozens`) and stay ordinary names everywhere else, so a field may be named `about`.
public enum QuantityWords {
    /// Qualifier phrases written before a number: the shared table, less the phrases that
    /// contain a keyword of the language (`in excess of`), which a query could not spell.
    public static let prefixes: [(words: [String], qualifier: Qualifier)] = QualifierPhrases.prefixes
        .filter { phrase in phrase.words.allSatisfy { Keyword(rawValue: $0) == nil } }

    /// Vague amounts written on their own, from the shared table.
    public static let vague: [(words: [String], value: Double)] = QualifierPhrases.vagueAmounts
        .filter { phrase in phrase.words.allSatisfy { Keyword(rawValue: $0) == nil } }

    /// Every contextual word, for the grammar test and completion.
    public static var all: Set<String> {
        Set(prefixes.flatMap(\.words) + vague.flatMap(\.words))
    }
}
