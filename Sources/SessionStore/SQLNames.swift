/// Gives each factsh name an SQL name that cannot collide. factsh names are exact, while SQLite
/// compares names ignoring ASCII case, keeps `sqlite_` names for itself, reads SQL only up to a
/// NUL, and a quantity `k` also takes `k_qualifier` and `k_upper`. A name that is free is
/// kept as it is, so a session reads naturally in sqlite3; any other gets a `_2`, `_3`...
/// suffix. The real names are recorded in `factsh_relations` and `factsh_fields`.
package struct SQLNames {
    private var taken: Set<String>

    package init(reserved: [String]) {
        taken = Set(reserved.map(Self.key))
    }

    /// Claims a name, and the names made from it with each of `suffixes`, all free together.
    package mutating func claim(_ name: String, suffixes: [String] = [""]) -> String {
        var base = String(name.map { $0 == "\0" ? "_" : $0 })
        if base.isEmpty || Self.key(base).hasPrefix("sqlite_") { base = "_" + base }
        var candidate = base
        var counter = 1
        while suffixes.contains(where: { taken.contains(Self.key(candidate + $0)) }) {
            counter += 1
            candidate = base + "_\(counter)"
        }
        for suffix in suffixes { taken.insert(Self.key(candidate + suffix)) }
        return candidate
    }

    /// A name as SQLite compares it: ASCII letters in lower case, everything else as it is.
    package static func key(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
