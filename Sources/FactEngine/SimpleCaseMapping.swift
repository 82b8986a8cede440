/// `lower` and `upper`: each code point mapped on its own by Unicode's simple case mapping
/// (UnicodeData.txt), as PostgreSQL's LOWER and UPPER do in a UTF-8 locale, so that `.sql`
/// gives the same text. Swift's `lowercased()` applies the full mapping (SpecialCasing.txt),
/// which turns `ß` into `SS` and `İ` into `i` and a combining dot: no SQL engine factsh
/// translates for does that in every build, and a result must not depend on which ran.
enum SimpleCaseMapping {
    static func lowercased(_ text: String) -> String {
        mapped(text) { scalar in
            // Only `İ` lowers to more than one code point; its simple mapping is the first, `i`.
            scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        }
    }

    static func uppercased(_ text: String) -> String {
        mapped(text) { scalar in
            // Where the full mapping is longer (`ß` → `SS`, `ᾳ` → `ΑΙ`), the simple one is the
            // titlecase letter when that is one code point (`ᾼ`), else the letter itself.
            if let single = only(scalar.properties.uppercaseMapping) { return single }
            return only(scalar.properties.titlecaseMapping) ?? scalar
        }
    }

    private static func only(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    private static func mapped(_ text: String, _ map: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(map(scalar)) }
        return String(result)
    }
}
