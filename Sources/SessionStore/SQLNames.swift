/// Gives each factsh name an SQL name that cannot collide. factsh names are exact, while SQLite
/// compares names ignoring ASCII case, keeps `sqlite_` names for itself, reads SQL only up to a
/// NUL, and a quantity `k` also takes `k_qualifier` and `k_upper`. A name that is free is
/// kept as it is, so a session reads naturally in sqlite3; any other gets a `_2`, `_3`...
/// suffix, and one longer than the database keeps is cut short. The real names are recorded
/// in `factsh_relations` and `factsh_fields`.
package struct SQLNames {
    private var taken: Set<String>
    /// The longest name the database keeps whole, in UTF-8 bytes: PostgreSQL cuts names at 63,
    /// so two long names would become one and a name would not read back as written.
    private let maximumBytes: Int

    package init(reserved: [String], maximumBytes: Int = .max) {
        taken = Set(reserved.map(Self.key))
        self.maximumBytes = maximumBytes
    }

    /// Claims a name, and the names made from it with each of `suffixes`, all free together.
    package mutating func claim(_ name: String, suffixes: [String] = [""]) -> String {
        var base = String(name.map { $0 == "\0" ? "_" : $0 })
        if base.isEmpty || Self.key(base).hasPrefix("sqlite_") { base = "_" + base }
        let longestSuffix = suffixes.map(\.utf8.count).max() ?? 0
        var candidate = cut(base, toLeave: longestSuffix)
        var counter = 1
        while suffixes.contains(where: { taken.contains(Self.key(candidate + $0)) }) {
            counter += 1
            let tail = "_\(counter)"
            candidate = cut(base, toLeave: longestSuffix + tail.utf8.count) + tail
        }
        for suffix in suffixes { taken.insert(Self.key(candidate + suffix)) }
        return candidate
    }

    /// The longest start of `name`, in whole characters, that leaves `room` bytes under the limit.
    private func cut(_ name: String, toLeave room: Int) -> String {
        var bytes = room
        return String(
            name.prefix { character in
                bytes += character.utf8.count
                return bytes <= maximumBytes
            })
    }

    /// A name as SQLite compares it: ASCII letters in lower case, everything else as it is.
    package static func key(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
