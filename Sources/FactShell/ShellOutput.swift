#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the shell writes: results to one stream, diagnostics and warnings to another,
/// never mixed. The terminal uses the process's stdout and stderr; tests capture both.
public protocol ShellOutput: AnyObject {
    func writeResult(_ text: String)
    func writeDiagnostic(_ text: String)
}

/// The process's standard output and standard error.
public final class StandardStreams: ShellOutput {
    public init() {}

    public func writeResult(_ text: String) {
        StandardStreams.write(text, to: STDOUT_FILENO)
    }

    public func writeDiagnostic(_ text: String) {
        StandardStreams.write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text`, going on after partial writes and interruptions.
    public static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
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
