#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the shell writes: results to one stream, diagnostics and warnings to another,
/// never mixed. The terminal uses the process's stdout and stderr; tests capture both.
public protocol ShellOutput: AnyObject {
    /// Throws when the results cannot be written (a full disk, `/dev/full`), so the statement
    /// fails instead of its output vanishing.
    func writeResult(_ text: String) throws(FileSystem.Failure)
    func writeDiagnostic(_ text: String)
}

/// The process's standard output and standard error.
public final class StandardStreams: ShellOutput {
    public init() {}

    public func writeResult(_ text: String) throws(FileSystem.Failure) {
        try FileSystem.write(text, to: STDOUT_FILENO, path: "<stdout>")
    }

    /// A diagnostic that cannot be written has nowhere else to go.
    public func writeDiagnostic(_ text: String) {
        try? FileSystem.write(text, to: STDERR_FILENO, path: "<stderr>")
    }
}

/// Output kept in memory, for tests and for `.explain`.
public final class CapturedOutput: ShellOutput {
    public private(set) var results = ""
    public private(set) var diagnostics = ""

    public init() {}

    public func writeResult(_ text: String) { results += text }

    public func writeDiagnostic(_ text: String) { diagnostics += text }
}
