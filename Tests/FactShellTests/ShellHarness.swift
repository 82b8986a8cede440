import FactShell
import FactStore
import FactSyntax
import Foundation

/// A session writing into memory, loaded with the demo facts unless told otherwise.
func makeSession(demo: Bool = true) -> (Session, CapturedOutput) {
    let output = CapturedOutput()
    let session = Session(output: output)
    if demo { session.loadDemo() }
    return (session, output)
}

extension Session {
    @discardableResult
    func run(_ text: String, name: String = "<command>") -> Bool {
        run(SourceFile(name: name, text: text))
    }
}

/// A fresh directory under the system's temporary one.
func temporaryDirectory() -> String {
    let path = "/tmp/factsh-tests-\(UInt64.random(in: 0...UInt64.max))"
    try? FileManagerShim.createDirectory(path)
    return path
}

enum FileManagerShim {
    static func createDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func write(_ text: String, to path: String) {
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }
}
