/// Turns an inflected English verb into its dictionary form, checked against WordNet's list
/// of verbs: "phoned" → phone (not "phon"), "created" → create, "totalled" → total, "wrote" →
/// write, "includes" → include. The rules are WordNet's own (morphy): irregular forms first,
/// then suffixes removed in a fixed order until a known verb is left.
enum Lemmatizer {
    /// The base form of a past form or participle ("-ed", "-ing", or irregular: "wrote",
    /// "taken"), or nil when the word is not one. Base forms and "-s" forms give nil: they
    /// are nouns too often ("drones", "police") to be read as verbs without context.
    static func pastOrParticiple(_ word: String) -> String? {
        // Cheap byte tests first: most words are neither "-ed", "-ing" nor short and irregular.
        let bytes = word.utf8
        guard bytes.count > 2, isPlainWord(word) else { return nil }
        let regular = bytes.last == UInt8(ascii: "d") || bytes.last == UInt8(ascii: "g")
        if !regular, bytes.count > 15 { return nil }
        guard !Vocabulary.notVerbs.contains(word) else { return nil }
        if let base = irregular[word] { return word.hasSuffix("s") && !word.hasSuffix("ss") ? nil : base }
        if word.hasSuffix("ed") { return firstKnown(word, [("ed", "e"), ("ed", ""), ("ied", "y")]) }
        if word.hasSuffix("ing") { return firstKnown(word, [("ing", "e"), ("ing", "")]) }
        return nil
    }

    /// The base form of any form of a verb, "-s" forms and base forms included ("includes" →
    /// include, "say" → say); nil for a word WordNet does not know as a verb.
    static func base(_ word: String) -> String? {
        guard isPlainWord(word) else { return nil }
        if let base = pastOrParticiple(word) { return base }
        if let base = irregular[word] { return base }
        if bases.contains(word) { return word }
        return firstKnown(word, [("ies", "y"), ("es", "e"), ("es", ""), ("s", "")])
    }

    /// "unvaccinated", "uninsured", "unchanged": a participle negated by "un-", which is an
    /// adjective, never a verb.
    static func isNegatedParticiple(_ word: String) -> Bool {
        word.hasPrefix("un") && word.utf8.count > 5 && pastOrParticiple(String(word.dropFirst(2))) != nil
    }

    /// Whether WordNet knows the word as a verb in its base form.
    static func isVerb(_ word: String) -> Bool { bases.contains(word) }

    private static func isPlainWord(_ word: String) -> Bool {
        word.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }

    private static func firstKnown(_ word: String, _ rules: [(suffix: String, replacement: String)]) -> String? {
        // WordNet's verbs first; a prefixed one ("rebooked") only when none is known.
        for prefixed in [false, true] {
            for rule in rules where word.utf8.count > rule.suffix.utf8.count + 1 && word.hasSuffix(rule.suffix) {
                let candidate = String(decoding: word.utf8.dropLast(rule.suffix.utf8.count), as: UTF8.self) + rule.replacement
                if prefixed ? isPrefixed(candidate) : bases.contains(candidate) { return candidate }
            }
        }
        return nil
    }

    /// "rebook", "reconnect", "outsell": a verb WordNet knows behind a prefix that makes verbs
    /// ("un-" makes adjectives: "unchanged", "unharmed").
    private static func isPrefixed(_ candidate: String) -> Bool {
        for prefix in ["re", "over", "under", "out", "pre", "co", "mis"] where candidate.hasPrefix(prefix) {
            let rest = String(candidate.dropFirst(prefix.count))
            if rest.utf8.count >= 3, bases.contains(rest) { return true }
        }
        return false
    }

    static let bases: Set<String> = Set(VerbDictionary.baseForms.split(separator: " ").map(String.init))

    static let irregular: [String: String] = {
        let words = VerbDictionary.irregularForms.split(separator: " ").map(String.init)
        var table: [String: String] = [:]
        for pair in stride(from: 0, to: words.count - 1, by: 2) { table[words[pair]] = words[pair + 1] }
        return table
    }()
}
