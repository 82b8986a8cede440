import FactShell
import FactSyntax
import Foundation
import TestSupport

/// The test process's PostgreSQL server; a test fails with the reason when it cannot start.
func server() throws -> PostgresServer {
    try PostgresServer.shared.get()
}

/// A session writing into memory, with what it wrote since the last look.
final class Shell {
    let output = CapturedOutput()
    let session: Session
    private var resultsSeen = 0
    private var diagnosticsSeen = 0

    init(demo: Bool = false) {
        session = Session(output: output)
        if demo { session.loadDemo() }
    }

    /// Runs statements; true when all succeeded.
    @discardableResult
    func run(_ text: String) -> Bool {
        session.run(SourceFile(name: "<command>", text: text))
    }

    /// The results written since the last call.
    func results() -> String {
        let text = String(output.results.dropFirst(resultsSeen))
        resultsSeen = output.results.count
        return text
    }

    /// The errors and warnings written since the last call.
    func diagnostics() -> String {
        let text = String(output.diagnostics.dropFirst(diagnosticsSeen))
        diagnosticsSeen = output.diagnostics.count
        return text
    }
}

/// The package's folder, for the sample scripts.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A file with `text` in a fresh temporary folder.
func temporaryFile(_ name: String, _ text: String) throws -> String {
    let directory = "/tmp/factsh-pg-tests-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
