/// The singular of a counted noun, so that figures from different reports meet: "Shahed
/// drones" and "drones" count a `drone`; "people", "persons" and "individuals" a `person`.
public enum NounLemma {
    /// The head noun (the last word) of a unit, in the singular and lower case.
    public static func head(of unit: String) -> String {
        let last = unit.lowercased().split(separator: " ").last.map(String.init) ?? ""
        return singular(last)
    }

    public static func singular(_ word: String) -> String {
        if let irregular = irregular[word] { return irregular }
        if unchanged.contains(word) || word.utf8.count <= 3 || word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if ["ches", "shes", "sses", "xes", "zes"].contains(where: word.hasSuffix) { return String(word.dropLast(2)) }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    /// Plurals that are not a word and an "s".
    private static let irregular: [String: String] = [
        "people": "person", "persons": "person", "individuals": "person", "children": "child", "men": "man", "women": "woman",
        "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife",
        "dead": "person", "injured": "person", "wounded": "person", "missing": "person", "displaced": "person", "elderly": "person",
        "buses": "bus", "gases": "gas", "bonuses": "bonus", "viruses": "virus", "campuses": "campus", "censuses": "census"
    ]

    /// Nouns whose plural is the singular, and units written the same in both.
    private static let unchanged: Set<String> = [
        "police", "personnel", "staff", "cattle", "sheep", "fish", "percent", "crew", "aircraft", "yen", "yuan", "series", "news"
    ]
}
