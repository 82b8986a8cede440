import FactStore
import SessionStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files one `.load PATH` or FILE argument names: the file itself; every file a pattern
/// matches (`reports/*.txt`, as the shell would expand it); or the articles (`.txt`) of a
/// folder. Several files are given in name order, so a load is the same on every machine.
enum LoadTargets {
    static func files(_ path: String) throws(Diagnostic) -> [String] {
        let expanded = FileSystem.expandingTilde(path)
        if FileSystem.isDirectory(expanded) {
            let folder = path.hasSuffix("/") ? path : path + "/"
            let articles = (DirectoryNames.names(in: expanded) ?? []).filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".txt") }
            guard !articles.isEmpty else { throw Diagnostic(.noFileMatches, "the folder '\(path)' has no articles (.txt files) to load") }
            return articles.sorted().map { folder + $0 }
        }
        guard isPattern(path), !FileSystem.exists(expanded) else { return [path] }
        let matches = globbed(expanded)
        guard !matches.isEmpty else { throw Diagnostic(.noFileMatches, "no file matches '\(path)'") }
        return matches
    }

    /// Whether the path has a wildcard of a shell pattern in it.
    static func isPattern(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The paths matching a pattern, sorted; none when nothing matches.
    private static func globbed(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
