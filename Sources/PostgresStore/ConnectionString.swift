/// What the shell accepts as a PostgreSQL connection (a `postgresql://` or `postgres://` URI,
/// or libpq's `key=value` form), and how one is shown: never with its password. libpq itself
/// reads the settings, so factsh parses only enough to tell a connection from a file path and
/// to remove the password before a string reaches the screen, an error or the history.
public enum ConnectionString {
    /// True for a URI or a `key=value` string that names a libpq setting; a file path never is.
    public static func isConnection(_ text: String) -> Bool {
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") { return true }
        let keys = ["dbname", "host", "hostaddr", "port", "user", "service"]
        return text.split(separator: " ").contains { word in
            keys.contains { word.hasPrefix($0 + "=") }
        }
    }

    /// A line as history keeps it: each connection URI in it without its password, and any
    /// `password=...` word left out.
    public static func redactedWords(_ line: String) -> String {
        guard line.contains("postgres") || line.contains("password") else { return line }
        return line.split(separator: " ", omittingEmptySubsequences: false).compactMap { word -> String? in
            if word.hasPrefix("password=") { return nil }
            return word.hasPrefix("postgresql://") || word.hasPrefix("postgres://") ? redacted(String(word)) : String(word)
        }.joined(separator: " ")
    }

    /// The string with any password removed: `postgresql://ana:secret@db/x` as
    /// `postgresql://ana@db/x`, and `password=...` dropped from the query or `key=value` form.
    public static func redacted(_ text: String) -> String {
        var text = Substring(text)
        var result = ""
        if let scheme = ["postgresql://", "postgres://"].first(where: { text.hasPrefix($0) }) {
            result = scheme
            text = text.dropFirst(scheme.count)
            let authorityEnd = text.firstIndex { $0 == "/" || $0 == "?" } ?? text.endIndex
            let authority = text[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                let user = authority[..<at]
                result += (user.firstIndex(of: ":").map { String(user[..<$0]) } ?? String(user)) + String(authority[at...])
            } else {
                result += authority
            }
            text = text[authorityEnd...]
            guard let question = text.firstIndex(of: "?") else { return result + text }
            result += text[...question]
            let parameters = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
            return result + parameters.filter { !$0.hasPrefix("password=") }.joined(separator: "&")
        }
        // key=value pairs; a value may be quoted with '...' and hold spaces and \' escapes.
        var pairs: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            let start = index
            var quoted = false
            while index < text.endIndex, quoted || text[index] != " " {
                if text[index] == "\\" {
                    index = text.index(after: index)
                    if index == text.endIndex { break }
                } else if text[index] == "'" {
                    quoted.toggle()
                }
                index = text.index(after: index)
            }
            if start < index { pairs.append(text[start..<index]) }
        }
        return pairs.filter { !$0.hasPrefix("password=") && !$0.hasPrefix("password =") }.joined(separator: " ")
    }
}
