#if canImport(Glibc)
    import Glibc
#endif

/// The history file: one statement an entry, appended as it is entered (a crash loses
/// nothing), consecutive repeats skipped, capped, readable by its owner only (0600), and
/// safe to share between sessions running at once.
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

    /// The entries in the file, oldest first; none when it does not exist yet. Read under a
    /// shared lock, so never halfway through another session's trim.
    public func load() -> [String] {
        // Most often the file does not exist yet. One that cannot be read starts the session
        // without recalled lines; `append`, on the first statement, warns when it cannot be written.
        guard let descriptor = try? lock(open(path, O_RDONLY), LOCK_SH) else { return [] }
        defer { close(descriptor) }
        return entries()
    }

    /// Appends a statement unless it repeats the last one; trims the file to `capacity`.
    /// Sessions sharing the file take turns under `flock`, and each appends with `O_APPEND`,
    /// so no session's trim drops another's entries.
    public func append(_ entry: String) throws(FileSystem.Failure) {
        guard entry != last, !entry.allSatisfy(\.isWhitespace) else { return }
        try createParentDirectory()
        let descriptor = try lock(open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600), LOCK_EX)
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        try FileSystem.write(HistoryFile.escape(entry) + "\n", to: descriptor, path: path)
        last = entry
        count += 1
        if count > capacity + capacity / 10 { try trim(descriptor) }
    }

    /// Rewrites the file in place with only the newest `capacity` entries, reading it fresh
    /// under the lock (other sessions have appended since), and in place rather than renamed,
    /// so the lock every session takes stays on the one file.
    private func trim(_ descriptor: Int32) throws(FileSystem.Failure) {
        let entries = entries()
        count = entries.count
        guard entries.count > capacity else { return }
        let kept = entries.suffix(capacity)
        guard ftruncate(descriptor, 0) == 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.systemReason()) }
        try FileSystem.write(kept.map { HistoryFile.escape($0) + "\n" }.joined(), to: descriptor, path: path)
        count = kept.count
    }

    private func entries() -> [String] {
        // Unreadable now, it counts as empty: `load` recalls nothing and `trim` leaves the file alone.
        guard let bytes = try? FileSystem.readBytes(path) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { HistoryFile.unescape(String($0)) }
    }

    /// Takes `flock` on a descriptor just opened (held until it is closed).
    private func lock(_ descriptor: Int32, _ operation: Int32) throws(FileSystem.Failure) -> Int32 {
        guard descriptor >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.systemReason()) }
        while flock(descriptor, operation) != 0 {
            guard errno == EINTR else {
                let reason = FileSystem.systemReason()
                close(descriptor)
                throw FileSystem.Failure(path: path, reason: reason)
            }
        }
        return descriptor
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
