import Foundation

/// The sqlite3 tool, to edit a saved session as someone using another program would.
public enum SQLiteTool {
    /// Runs SQL on a database file; what sqlite3 printed, or an error with what it said.
    public static func run(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(sql: sql, message: message) }
        return text
    }

    public struct Failure: Error, CustomStringConvertible {
        public var sql: String
        public var message: String
        public var description: String { "sqlite3 failed on \(sql): \(message)" }
    }
}
