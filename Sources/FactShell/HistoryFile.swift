#if canImport(Glibc)
import Glibc
#endif

/// The history file: one statement an entry, appended as it is entered (a crash loses
/// nothing), consecutive repeats skipped, capped, readable by its owner only (0600).
///
/// factsh owns the format rather than using libedit's: one entry a line, with `\n` and `\\`
/// escaped, so a statement typed over several lines stays one entry.
public final class HistoryFile {
    public let path: String
    public let capacity: Int
    private var count: Int
    private var last: String?

    public init(path: String, capacity: Int = 10_000) {
        self.path = path
        self.capacity = capacity
        count = 0
        let entries = load()
        count = entries.count
        last = entries.last
    }

    /// `$XDG_STATE_HOME/factsh/history`, else `~/.local/state/factsh/history`.
    public static func defaultPath() -> String? {
        if let state = FileSystem.environment("XDG_STATE_HOME"), state.hasPrefix("/") {
            return state + "/factsh/history"
        }
        guard let home = FileSystem.environment("HOME") else { return nil }
        return home + "/.local/state/factsh/history"
    }

    /// The entries in the file, oldest first; none when it does not exist yet.
    public func load() -> [String] {
        guard let bytes = try? FileSystem.readBytes(path) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { HistoryFile.unescape(String($0)) }
    }

    /// Appends a statement unless it repeats the last one; trims the file to `capacity`.
    public func append(_ entry: String) throws(FileSystem.Failure) {
        guard entry != last, !entry.allSatisfy(\.isWhitespace) else { return }
        try createParentDirectory()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.systemReason()) }
        fchmod(descriptor, 0o600)
        defer { close(descriptor) }
        try FileSystem.write(HistoryFile.escape(entry) + "\n", to: descriptor, path: path)
        last = entry
        count += 1
        if count > capacity + capacity / 10 { try trim() }
    }

    /// Rewrites the file with only the newest `capacity` entries.
    private func trim() throws(FileSystem.Failure) {
        let kept = load().suffix(capacity)
        try FileSystem.writeAtomically(kept.map { HistoryFile.escape($0) + "\n" }.joined(), to: path)
        chmod(path, 0o600)
        count = kept.count
    }

    private func createParentDirectory() throws(FileSystem.Failure) {
        var directories: [String] = []
        var directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        while !directory.isEmpty, !FileSystem.exists(directory) {
            directories.append(directory)
            directory = String(directory[..<(directory.lastIndex(of: "/") ?? directory.startIndex)])
        }
        for directory in directories.reversed() where mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw FileSystem.Failure(path: directory, reason: FileSystem.systemReason())
        }
    }

    static func escape(_ entry: String) -> String {
        var out = ""
        for character in entry {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ line: String) -> String {
        var out = ""
        var escaping = false
        for character in line {
            if escaping {
                out.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
