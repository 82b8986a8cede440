#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The programs factsh hands the terminal to, as sqlite3 and psql do: a shell command
/// (`.shell`, `!`), the user's pager and editor. Each runs through `/bin/sh -c`, so the
/// user's quoting and pipes work as at their own prompt.
enum ExternalProgram {
    /// Runs a command with the terminal; its exit status, or nil when it could not start
    /// or ended by a signal.
    static func run(_ command: String) -> Int32? {
        let status = system(command)
        guard status != -1, status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }

    /// Writes text into a command's standard input (a pager); false when it could not start.
    static func feed(_ text: String, to command: String) -> Bool {
        guard let pipe = popen(command, "w") else { return false }
        // A pager quit early (q in less) closes its end: that is no error.
        let ignored = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, ignored) }
        fputs(text, pipe)
        return pclose(pipe) != -1
    }

    /// A path for a file factsh hands to another program, in `$TMPDIR` or `/tmp`.
    static func temporaryPath(suffix: String) -> String {
        let directory = FileSystem.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(directory)/factsh-\(getpid())-\(UInt32.random(in: 0...UInt32.max))\(suffix)"
    }

    /// A word quoted for `/bin/sh`.
    static func quoted(_ word: String) -> String { "'" + word.replacing("'", with: "'\\''") + "'" }
}
