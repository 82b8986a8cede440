/// Turns an inflected verb the word lists do not know into its dictionary form by the
/// regular rules of English: "collapsed" → collapse, "pulled" → pull, "stopped" → stop,
/// "carried" → carry, "arriving" → arrive. Irregular verbs live in `Lexicon.events`.
enum Lemmatizer {
    /// The lemma of a regular past form or participle, or nil when the word is neither.
    static func verb(_ word: String) -> String? {
        guard word.count > 4, !word.contains("-"), !notVerbs.contains(word), word.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        if word.hasSuffix("ied") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("eed") { return String(word.dropLast(1)) }
        if word.hasSuffix("ed") { return restoreStem(String(word.dropLast(2))) }
        if word.hasSuffix("ing") { return restoreStem(String(word.dropLast(3))) }
        return nil
    }

    /// Words that end like verb forms but are not ("building", "hundred", "morning").
    static let notVerbs: Set<String> = [
        "hundred", "indeed", "speed", "breed", "greed", "kindred", "sacred", "naked", "wicked", "rugged", "beloved", "learned",
        "building", "buildings", "morning", "evening", "meeting", "thing", "nothing", "something", "anything", "everything",
        "king", "ring", "spring", "string", "wing", "ceiling", "during", "according", "following", "ongoing", "funding",
        "housing", "shooting", "bombing", "shelling", "fighting", "training", "warning", "ruling", "sibling", "clothing",
        "ending", "opening", "beginning", "offering", "wedding", "landing", "spending", "heading", "feeling", "briefing",
    ]

    /// A stem as English spells the verb: "stopp" → stop, "collaps" → collapse, "shar" → share.
    private static func restoreStem(_ stem: String) -> String? {
        guard stem.count >= 2 else { return nil }
        let letters = Array(stem)
        let last = letters[letters.count - 1]
        let previous = letters[letters.count - 2]
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        // stopped, planned — but not pulled, passed
        if last == previous, !vowels.contains(last), !["l", "s", "f", "z"].contains(last) { return String(letters.dropLast()) }
        // cancelled, travelled, fuelled (British spelling) — but not spelled, shelled
        if stem.hasSuffix("ell"), stem.count >= 5, !["smell", "spell", "dwell", "swell", "shell", "quell"].contains(stem) {
            return String(letters.dropLast())
        }
        let before = letters.count >= 3 ? letters[letters.count - 3] : " "
        let needsE: Bool
        switch last {
        case "v", "u", "z": needsE = true
        case "c": needsE = previous != "c" && previous != "i" || before == "u"
        case "g": needsE = previous != "n" && previous != "g"
        case "s": needsE = previous != "s" && !(previous == "u" && !vowels.contains(before))
        case "l": needsE = !vowels.contains(previous) && previous != "l" && previous != "r"
        case "r": needsE = ["a", "o", "u", "i"].contains(previous) && !vowels.contains(before)
        case "t": needsE = previous == "a" && !["e", "o", "a"].contains(before) && stem.count > 3
        case "k": needsE = previous == "a" && !vowels.contains(before)
        default: needsE = false
        }
        return needsE ? stem + "e" : stem
    }
}
