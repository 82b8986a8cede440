import DataImport
import FactStore
import FactSyntax
import SessionStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing files with errors a user can act on, without Foundation (which
/// would slow the shell's start).
public enum FileSystem {
    /// A file that could not be read or written, with the reason from the system.
    public struct Failure: Error, Sendable {
        public var path: String
        public var reason: String

        var writeMessage: String { "cannot write '\(path)': \(reason)" }
    }

    /// `~/x` to the home directory.
    public static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment("HOME") else { return path }
        return home + path.dropFirst()
    }

    /// The path with `~`, `.`, `..` and links resolved, so two spellings of one file compare
    /// equal; the path as given when the file does not exist.
    static func canonicalPath(_ path: String) -> String {
        let expanded = expandingTilde(path)
        guard let resolved = realpath(expanded, nil) else { return expanded }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    public static func remove(_ path: String) throws(Failure) {
        guard unlink(path) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    /// A directory's entries, directories marked with a trailing `/`; empty when unreadable.
    public static func directoryEntries(_ path: String) -> [String] {
        (DirectoryNames.names(in: path) ?? []).map { name in
            isDirectory((path.hasSuffix("/") ? path : path + "/") + name) ? name + "/" : name
        }
    }

    /// A regular file's or a FIFO's bytes; a device, socket or directory is refused by name.
    public static func readBytes(_ path: String) throws(Failure) -> [UInt8] {
        do {
            return try FileBytes.wholeFile(path: path)
        } catch {
            throw Failure(path: path, reason: error.reason)
        }
    }

    /// The file as text. Invalid UTF-8 and NUL bytes (a binary file) are errors that name the
    /// line and column of the first bad byte.
    public static func readText(_ path: String, displayName: String? = nil) throws(Diagnostic) -> String {
        let bytes: [UInt8]
        do {
            bytes = try readBytes(path)
        } catch {
            throw Diagnostic(.unreadable, "cannot read '\(error.path)': \(error.reason)")
        }
        return try decodeUTF8(bytes, name: displayName ?? path)
    }

    /// Decodes UTF-8 (dropping a byte-order mark), or says where it stops being text.
    public static func decodeUTF8(_ bytes: [UInt8], name: String) throws(Diagnostic) -> String {
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let problem = content.withUnsafeBufferPointer(UTF8Check.firstProblem) {
            let message =
                problem.isNUL
                ? "'\(name)' is not a text file: it holds a NUL byte (byte \(problem.offset + 1))"
                : "'\(name)' is not valid UTF-8: bad byte 0x\(String(problem.byte, radix: 16, uppercase: true)) at byte \(problem.offset + 1)"
            throw Diagnostic(
                .notText, message, path: name, location: SourceLocation(line: problem.line, column: problem.column),
                help: problem.isNUL ? nil : "save the file as UTF-8")
        }
        return String(decoding: content, as: UTF8.self)
    }

    /// Writes all of `text`'s bytes, NULs included, going on after partial writes and
    /// interruptions.
    public static func write(_ text: String, to descriptor: Int32, path: String) throws(Failure) {
        var text = text
        let reason: String? = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return systemReason()
                }
                offset += written
            }
            return nil
        }
        if let reason { throw Failure(path: path, reason: reason) }
    }

    static func systemReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
