#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The path `.save` writes to: what it may replace there, and the temporary file it writes
/// first, beside it, to rename into place.
enum SaveTarget {
    /// Throws unless the path is free or a regular factsh session file. Another regular file is
    /// replaced only when asked to; a directory, device, FIFO or socket never, and a symbolic
    /// link is not followed (it would replace the link, not its target).
    static func check(_ path: String, replacing: Bool) throws(SessionFile.Failure) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw SessionFile.Failure(message: "cannot save to '\(path)': \(String(cString: strerror(errno)).lowercased())")
        }
        func refuse(_ reason: String) -> SessionFile.Failure { SessionFile.Failure(message: "cannot save to '\(path)': \(reason)") }
        if var reason = FileKind.reasonNotRegular(info) {
            if info.st_mode & S_IFMT == S_IFLNK { reason += (linkTarget(path).map { " to '\($0)'" } ?? "") + "; save to the file itself" }
            throw refuse(reason)
        }
        guard !replacing, !isSession(path) else { return }
        throw refuse("it is not a factsh session file; to replace it, use .save \(path) replace")
    }

    /// Where this process writes before renaming into place: `<path>.tmp-<pid>`.
    static func temporaryPath(for path: String) -> String { path + ".tmp-\(getpid())" }

    /// Removes what a `.save` to the same path left when it was killed: `<path>.tmp-<pid>`
    /// and its SQLite journal, for each pid no longer running. A live process's are its own.
    static func removeStaleTemporaries(of path: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp-"
        for name in DirectoryNames.names(in: directory) ?? [] {
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            let digits = rest.hasSuffix("-journal") ? rest.dropLast("-journal".count) : rest
            guard let pid = pid_t(digits), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let full = directory + "/" + name
            var info = stat()
            if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(full) }
        }
    }

    /// A file SQLite cannot open or that has no catalogue is no session: the caller then
    /// refuses to replace it and says why, so the error itself is not needed.
    private static func isSession(_ path: String) -> Bool {
        guard let database = try? SQLiteDatabase(path: path, create: false),
            let columns = try? database.columnNames(of: "factsh_relations")
        else { return false }
        return !columns.isEmpty
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
