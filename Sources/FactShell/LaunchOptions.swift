import FactStore

/// The command line, parsed: what to load and run, in which order, and how to print.
/// The executable fills it from swift-argument-parser; tests build it directly.
public struct LaunchOptions: Sendable {
    /// `-c STMT` and `-f SCRIPT`, in the order given.
    public enum Action: Sendable, Equatable {
        case command(String)
        case script(String)
    }

    public var files: [String] = []
    public var actions: [Action] = []
    public var interactive = false
    public var format: OutputFormat = .table
    /// `--set NAME=VALUE`, as given.
    public var settings: [String] = []
    public var bail = false
    public var echo = false
    /// `--ascii`: plain ASCII tables and `#` chart bars even on a UTF-8 terminal.
    public var ascii = false
    public var demo = false
    public var initPath: String?
    public var noInit = false
    public var historyFile: String?
    public var noHistory = false
    /// `--db URI`: the PostgreSQL database the session's relations live in.
    public var database: String?
    /// `--threads N`: the cores a query may use; nil for all of them.
    public var threads: Int?

    public init() {}

    /// Whether the shell stays open for typed statements after the batch work.
    public var staysInteractive: Bool { interactive || (files.isEmpty && actions.isEmpty) }
}
