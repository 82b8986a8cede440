import Foundation
import Testing

/// Drives the real binary in a real terminal (tmux): line editing, completion, history,
/// continuation prompts, Ctrl-C and Ctrl-D, as a user at the prompt meets them.
@Suite(.serialized) struct TerminalTests {
    /// One tmux server and window per test, with its own HOME and history file.
    final class Terminal {
        let socket = "factsh-test-\(UUID().uuidString.prefix(8))"
        let home: URL
        var historyFile: URL { home.appendingPathComponent("history") }

        init(arguments: [String] = ["--demo"], environment: String = "") throws {
            home = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-tty-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            let command = "env -u NO_COLOR TERM=xterm-256color HOME=\(home.path) \(environment) \(BinaryRunner.binary.path) \(arguments.joined(separator: " ")) --history-file \(historyFile.path)"
            try tmux(["new-session", "-d", "-x", "120", "-y", "40", command])
        }

        deinit { try? tmux(["kill-server"]) }

        /// Runs a tmux command through `system`, its output through a file: Foundation's
        /// `Process` waits for every descendant to let go of an inherited descriptor, and the
        /// tmux server that `new-session` starts never does.
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let outputPath = home.appendingPathComponent("tmux-output").path
            func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let command = (["tmux", "-L", socket] + arguments).map(quote).joined(separator: " ") + " >\(quote(outputPath)) 2>/dev/null </dev/null"
            _ = system(command)
            return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        }

        func type(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

        /// The screen's text, with its SGR colour codes when `coloured`.
        func screen(coloured: Bool = false) throws -> String { try tmux(["capture-pane", "-p", "-t", "0", "-S", "-200"] + (coloured ? ["-e"] : [])) }

        /// Waits until the screen satisfies a condition; returns the last screen seen.
        @discardableResult
        func waitFor(_ description: String, timeout: Double = 10, coloured: Bool = false, _ condition: (String) -> Bool) throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            var last = ""
            while Date() < deadline {
                last = (try? screen(coloured: coloured)) ?? ""
                if condition(last) { return last }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("timed out waiting for \(description); screen:\n\(last)")
            return last
        }

        var isRunning: Bool { ((try? tmux(["list-sessions"])) ?? "").contains(":") }
    }

    /// The screen's last line with text, without trailing spaces (tmux drops them).
    static func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }.last { !$0.isEmpty } ?? ""
    }

    static var tmuxAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    @Test func aSessionAtThePrompt() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let terminal = try Terminal()
        try terminal.waitFor("the banner") { $0.contains("Type .help") && Self.lastLine($0) == "factsh>" }

        // A query and its result.
        try terminal.type("swaps count", "Enter")
        try terminal.waitFor("the count") { $0.contains("factsh> swaps count\n3\n") }

        // Tab completes a relation, then a field of that relation.
        try terminal.type("swa", "Tab")
        try terminal.waitFor("swaps completed") { Self.lastLine($0) == "factsh> swaps" }
        try terminal.type("sum rel", "Tab")
        try terminal.waitFor("released completed") { Self.lastLine($0) == "factsh> swaps sum released" }
        try terminal.type("Enter")
        try terminal.waitFor("the sum") { $0.contains("factsh> swaps sum released\n1000\n") }

        // Up recalls the last statement.
        try terminal.type("Up")
        try terminal.waitFor("recalled") { $0.contains("1000\nfactsh> swaps sum released") && Self.lastLine($0) == "factsh> swaps sum released" }
        try terminal.type("C-u")

        // An open parenthesis asks for more.
        try terminal.type("attacks show (drones +", "Enter")
        try terminal.waitFor("continuation prompt") { Self.lastLine($0) == "   ...>" }
        try terminal.type("missiles) as total", "Enter")
        try terminal.waitFor("the total") { $0.contains("367\n") }

        // Ctrl-C drops the line and goes on.
        try terminal.type("swaps where released >", "C-c")
        try terminal.waitFor("cancelled line") { $0.contains("^C\nfactsh>") }
        try terminal.type("claims count", "Enter")
        try terminal.waitFor("still running") { $0.contains("claims count\n4\n") }
        #expect(terminal.isRunning)

        // Non-ASCII text edits as text.
        try terminal.type("\"Зеленський — “Armed”\"", "Enter")
        try terminal.waitFor("unicode echo") { $0.contains("\nЗеленський — “Armed”\n") }

        // Ctrl-D on an empty line leaves.
        try terminal.type("C-d")
        try terminal.waitFor("exit", timeout: 5) { _ in !terminal.isRunning }

        let history = try String(contentsOf: terminal.historyFile, encoding: .utf8)
        #expect(history == "swaps count\nswaps sum released \nattacks show (drones +\\nmissiles) as total\nclaims count\n\"Зеленський — “Armed”\"\n")
        let mode = try FileManager.default.attributesOfItem(atPath: terminal.historyFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A table is fitted to the window as it is when the result is drawn, and never cuts a
    /// number or a date.
    @Test func tablesFollowAResizedWindow() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let terminal = try Terminal()
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        let query = "mentions show article, sentence, value, qualifier, unit, event, verb, date, date_end, attributed_to, text, figure limit 3"
        try terminal.type(query, "Enter")
        let wide = try terminal.waitFor("the wide table") { $0.contains("3 rows") }
        try terminal.tmux(["resize-window", "-t", "0", "-x", "80"])
        try terminal.type("C-l")
        // The window alone, without the wide table above it in the scrollback.
        func window() throws -> String { try terminal.tmux(["capture-pane", "-p", "-t", "0"]) }
        let deadline = Date().addingTimeInterval(10)
        while try window().contains("3 rows"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try terminal.type(query, "Enter")
        var narrow = ""
        while !narrow.contains("3 rows"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            narrow = try window()
        }
        func tableWidth(_ screen: String) -> Int {
            // A table wider than the window wraps, and its top rule no longer ends on its corner.
            screen.split(separator: "\n").filter { $0.hasPrefix("┌") && $0.hasSuffix("┐") }.map { $0.count }.max() ?? 0
        }
        #expect(tableWidth(wide) > 80 && tableWidth(wide) <= 120)
        #expect(tableWidth(narrow) > 0 && tableWidth(narrow) <= 80)
        #expect(narrow.contains("2025-05-2"))
    }

    /// Ctrl-X Ctrl-E hands the line to $EDITOR and runs what the editor leaves.
    @Test func controlXControlEEditsTheLine() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let editor = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-editor-\(UUID().uuidString)")
        // libedit reads the file back through the descriptor it wrote: the editor writes in
        // place, as vi does (sed -i would make a new file).
        try "#!/bin/sh\nedited=$(sed 's/count/sum released/' \"$1\")\nprintf '%s\\n' \"$edited\" > \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let terminal = try Terminal(environment: "EDITOR=\(editor.path)")
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try terminal.type("swaps count", "C-x", "C-e")
        try terminal.waitFor("the edited statement's result") { $0.contains("\n1000\n") }
    }

    /// Tab puts a path with spaces in quotes, and Enter loads it, saying what it loaded.
    @Test func pathCompletionQuotesSpaces() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let terminal = try Terminal()
        let directory = terminal.home.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "id,place\n1,Kyiv\n2,Sumy\n".write(to: directory.appendingPathComponent("my strikes 2025.csv"), atomically: true, encoding: .utf8)
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try terminal.type(".load \(directory.path)/my", "Tab")
        try terminal.waitFor("the quoted path") { Self.lastLine($0).hasSuffix("\"\(directory.path)/my strikes 2025.csv\"") }
        try terminal.type("as strikes", "Enter")
        try terminal.waitFor("the load's confirmation") { $0.contains("loaded 2 rows into strikes (2 fields) in ") }
        try terminal.type("strikes count", "Enter")
        try terminal.waitFor("the loaded rows") { $0.contains("strikes count\n2\n") }
    }

    /// A chart at a UTF-8 terminal is drawn in blocks, its labels and values whole.
    @Test func chartsDrawBlocksAtATerminal() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let terminal = try Terminal(environment: "LANG=C.UTF-8")
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try terminal.type("swaps sum released by who chart", "Enter")
        let screen = try terminal.waitFor("the bars") { $0.contains("soldiers                 303 ███") }
        #expect(screen.contains("soldiers and civilians   390 ███"))
        #expect(!screen.contains("#"))
    }

    /// Ctrl-R says what it is doing, finds older matches on Ctrl-R again, and Enter runs one.
    @Test func controlRSearchesWithAReadablePrompt() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let terminal = try Terminal()
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try terminal.type("swaps count", "Enter")
        try terminal.type("swaps sum released", "Enter")
        try terminal.type("attacks count", "Enter")
        try terminal.waitFor("three results") { $0.contains("attacks count\n1\n") }
        try terminal.type("C-r", "swa")
        try terminal.waitFor("the newest match") { Self.lastLine($0) == "(history search) 'swa': swaps sum released" }
        try terminal.type("C-r")
        try terminal.waitFor("an older match") { Self.lastLine($0) == "(history search) 'swa': swaps count" }
        try terminal.type("Enter")
        try terminal.waitFor("the match run") { $0.components(separatedBy: "factsh> swaps count\n3\n").count == 3 && Self.lastLine($0) == "factsh>" }
        try terminal.type("C-r", "zzz")
        try terminal.waitFor("no match") { Self.lastLine($0) == "(history search) 'zzz': no match" }
        try terminal.type("C-g")
        try terminal.waitFor("the prompt back") { Self.lastLine($0) == "factsh>" }
    }

    /// With `.pager on`, a result taller than the window goes through the pager; `q` comes back.
    @Test func thePagerTakesTallResults() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/less"), "less pages results")
        let terminal = try Terminal(environment: "PAGER='less -FRX -Ps--paged--'")
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try terminal.tmux(["resize-window", "-t", "0", "-y", "12"])
        try terminal.type(".pager on", "Enter")
        try terminal.type("sentences show n", "Enter")
        try terminal.waitFor("the pager's prompt") { Self.lastLine($0) == "--paged--" }
        try terminal.type("q")
        try terminal.waitFor("the prompt back") { Self.lastLine($0) == "factsh>" }
        try terminal.type("swaps show who", "Enter")
        try terminal.waitFor("a short result, not paged") { $0.contains("3 rows") && Self.lastLine($0) == "factsh>" }
    }

    /// At 80 columns `.help` starts its descriptions in the first third and wraps at spaces.
    @Test func helpFitsEightyColumns() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let terminal = try Terminal()
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try terminal.tmux(["resize-window", "-t", "0", "-x", "80", "-y", "80"])
        try terminal.type(".help", "Enter")
        let screen = try terminal.waitFor("the help") { $0.contains("Type a query such as") && Self.lastLine($0) == "factsh>" }
        let tables = screen.split(separator: "\n").first { $0.hasPrefix(".tables ") } ?? ""
        #expect(tables.firstRange(of: "relations").map { tables.distance(from: tables.startIndex, to: $0.lowerBound) } ?? 99 <= 28)
    }

    @Test func historyCarriesOverAndCompletionKnowsValues() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let first = try Terminal()
        try first.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try first.type("swaps where who = \"comb", "Tab")
        try first.waitFor("value completed") { Self.lastLine($0).hasSuffix("who = \"combatants and civilians\"") }
        try first.type("count", "Enter")
        try first.waitFor("count") { $0.contains("\n1\n") }
        try first.type(".quit", "Enter")
        try first.waitFor("exit", timeout: 5) { _ in !first.isRunning }
        let history = try String(contentsOf: first.historyFile, encoding: .utf8)
        #expect(history == "swaps where who = \"combatants and civilians\" count\n.quit\n")
    }

    /// The line being typed is coloured as the lexer reads it, stays whole when edited in the
    /// middle, and runs as typed; with NO_COLOR it is never repainted.
    @Test func theTypedLineIsColoured() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let terminal = try Terminal()
        try terminal.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try terminal.type("swaps where who = \"soldiers\" sum released")
        try terminal.waitFor("the line typed") { Self.lastLine($0) == "factsh> swaps where who = \"soldiers\" sum released" }
        // tmux writes bold blue as ESC[1m ESC[34m.
        try terminal.waitFor("a keyword and a string coloured", coloured: true) { $0.contains("34mwhere") && $0.contains("32m\"soldiers\"") }

        // Typed into the middle of the string: the line on the screen is the line in the buffer.
        try terminal.type(String(repeating: "\u{2}", count: "\" sum released".count), " and civilians")
        try terminal.waitFor("the edited line") { Self.lastLine($0) == "factsh> swaps where who = \"soldiers and civilians\" sum released" }
        try terminal.waitFor("the longer string coloured", coloured: true) { $0.contains("32m\"soldiers and civilians\"") }
        try terminal.type("Enter")
        try terminal.waitFor("the edited statement's result") { $0.contains("sum released\n390\n") }

        for environment in ["NO_COLOR=1", "TERM=dumb"] {
            let plain = try Terminal(environment: environment)
            try plain.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
            try plain.type("swaps where who = \"soldiers\" count")
            try plain.waitFor("the line typed") { Self.lastLine($0) == "factsh> swaps where who = \"soldiers\" count" }
            // Time for a repaint that must not come.
            Thread.sleep(forTimeInterval: 0.5)
            let line = try plain.screen(coloured: true).split(separator: "\n").last { $0.contains("factsh>") } ?? ""
            #expect(!line.contains("\u{1B}["), "\(environment): \(line.debugDescription)")
        }
    }

    @Test func noColourWithNO_COLOR() throws {
        try #require(Self.tmuxAvailable, "make test installs tmux")
        let coloured = try Terminal()
        try coloured.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try coloured.type("swap count", "Enter")
        try coloured.waitFor("error") { $0.contains("did you mean") }
        let colouredScreen = try coloured.tmux(["capture-pane", "-e", "-p", "-t", "0"])
        #expect(colouredScreen.contains("\u{1B}["), "\(colouredScreen.debugDescription)")
        let plain = try Terminal(environment: "NO_COLOR=1")
        try plain.waitFor("prompt") { Self.lastLine($0) == "factsh>" }
        try plain.type("swap count", "Enter")
        try plain.waitFor("error") { $0.contains("did you mean") }
        #expect(!(try plain.tmux(["capture-pane", "-e", "-p", "-t", "0"]).contains("\u{1B}[1;31m")))
    }
}
