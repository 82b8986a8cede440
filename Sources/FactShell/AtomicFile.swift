import DataImport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// Writes through a temporary file renamed into place, so a failed or killed write never
    /// leaves half a file. Only a regular file is replaced: a device, FIFO or directory at the
    /// path is refused, and so is a symbolic link, which would otherwise be replaced (or
    /// followed) without a word.
    public static func writeAtomically(_ text: String, to path: String) throws(Failure) {
        try writeAtomically(to: path, failure: { (failure: Failure) in failure }) { write throws(Failure) in try write(text) }
    }

    /// As `writeAtomically(_:to:)`, the text handed over a piece at a time by `produce` through
    /// the `write` it is given. When `produce` throws (Ctrl-C, say), the temporary file is
    /// removed and the file at `path` stays as it was.
    static func writeAtomically<Problem: Error>(
        to path: String, failure: @escaping (Failure) -> Problem,
        _ produce: (_ write: (String) throws(Problem) -> Void) throws(Problem) -> Void
    ) throws(Problem) {
        var status = stat()
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            throw failure(Failure(path: path, reason: "it is \(FileBytes.kindName(status.st_mode)); factsh replaces only a regular file"))
        }
        removeStaleTemporaries(of: path)
        let temporary = path + temporaryMarker + String(getpid())
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw failure(Failure(path: path, reason: systemReason())) }
        do throws(Problem) {
            try produce { text throws(Problem) in
                do throws(Failure) { try write(text, to: descriptor, path: path) } catch { throw failure(error) }
            }
            // A full disk can show only when the bytes reach it.
            guard fsync(descriptor) == 0 else { throw failure(Failure(path: path, reason: systemReason())) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let reason = systemReason()
            unlink(temporary)
            throw failure(Failure(path: path, reason: reason))
        }
    }

    /// Between a path and the id of the process writing it: `out.csv.factsh-tmp-4242`.
    static let temporaryMarker = ".factsh-tmp-"

    /// Removes the temporary files a killed write to `path` left behind: those of processes
    /// that no longer run (and this one's, which no other write of it can still be using).
    static func removeStaleTemporaries(of path: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? "./"
        let prefix = String(path[(slash.map(path.index(after:)) ?? path.startIndex)...]) + temporaryMarker
        for entry in directoryEntries(directory) where entry.hasPrefix(prefix) {
            guard let pid = pid_t(entry.dropFirst(prefix.count)) else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                unlink(directory + entry)
            }
        }
    }
}
