import CLibedit
import FactShell

#if canImport(Glibc)
    import Glibc
#endif

/// Line editing, history, Ctrl-R and Tab completion at a real terminal, through libedit.
///
/// This is the only file that imports libedit; everything it needs from the rest of factsh
/// comes through the `LineReader` protocol and a completion function.
public final class LibeditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEvent()
    private var promptBuffer: UnsafeMutablePointer<CChar>
    private var prompt = ""
    /// The lines of the statement typed before this one, for colouring a continuation line.
    private var statementLines: [String] = []
    /// Ctrl-R's line is shown instead of the input; it is never coloured.
    private var isSearching = false
    /// Whether the last repaint left colours on the line being typed.
    private var isLineColoured = false
    private let complete: (String) -> CompletionEngine.Completion
    /// The statements Ctrl-R searches, oldest first.
    private var entries: [String]
    public let isInteractive = true

    /// Nil when libedit cannot start on this terminal. `coloursInput` colours the line as it
    /// is typed (off with `NO_COLOR` or `TERM=dumb`).
    public init?(programName: String, history entries: [String], coloursInput: Bool, complete: @escaping (String) -> CompletionEngine.Completion) {
        LibeditLineReader.useUTF8Locale()
        guard let editLine = el_init(programName, factsh_stdin(), factsh_stdout(), factsh_stderr()) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.complete = complete
        self.entries = entries.map(LibeditLineReader.editable)
        promptBuffer = strdup("")!
        factsh_history_set_size(history, &event, 10_000)
        factsh_history_set_unique(history, &event, 1)
        for entry in entries { factsh_history_enter(history, &event, LibeditLineReader.editable(entry)) }
        factsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        factsh_el_set_editor(editLine, "emacs")
        factsh_el_set_signal(editLine, 1)
        factsh_el_set_history(editLine, history)
        factsh_el_set_prompt(editLine) { editLine in
            guard let editLine, let reader = LibeditLineReader.reader(of: editLine) else { return nil }
            return reader.promptBuffer
        }
        factsh_el_add_function(editLine, "factsh-complete", "complete the word at the cursor") { editLine, _ in
            guard let editLine, let reader = LibeditLineReader.reader(of: editLine) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor()
        }
        factsh_el_bind(editLine, "^I", "factsh-complete")
        factsh_el_add_function(editLine, "factsh-search", "search the history") { editLine, _ in
            guard let editLine, let reader = LibeditLineReader.reader(of: editLine) else { return UInt8(CC_ERROR) }
            return reader.searchHistory()
        }
        factsh_el_bind(editLine, "^R", "factsh-search")
        // Ctrl-X Ctrl-E: the line in $EDITOR, run when the editor is left, as in bash.
        factsh_el_bind(editLine, "^X^E", "vi-histedit")
        if coloursInput {
            // libedit asks for the next key only once it has drawn the line: the moment to colour it.
            factsh_el_set_getcfn(editLine) { editLine, character in
                guard let editLine, let character, let reader = LibeditLineReader.reader(of: editLine) else { return -1 }
                reader.colourLine()
                return factsh_el_builtin_getc(editLine, character)
            }
        }
        TerminalSignals.installInterruptHandler()
    }

    deinit {
        history_end(history)
        el_end(editLine)
        free(promptBuffer)
    }

    public func readLine(prompt: String) -> LineReaderEvent {
        free(promptBuffer)
        promptBuffer = strdup(prompt)!
        self.prompt = prompt
        // The loop asks for a continuation line while a statement is unfinished, and only then.
        if prompt != InteractiveLoop.continuationPrompt { statementLines = [] }
        isLineColoured = false
        TerminalSignals.clearInterrupt()
        var count: Int32 = 0
        guard let line = el_gets(editLine, &count), count > 0 else {
            if TerminalSignals.interruptPending {
                TerminalSignals.clearInterrupt()
                el_reset(editLine)
                // Terminal echo only; a stdout that fails shows in the next statement's result.
                try? FileSystem.write("^C\n", to: STDOUT_FILENO, path: "<stdout>")
                return .interrupted
            }
            // Ctrl-D echoes ^D without a newline. Terminal echo only: nothing follows to fail.
            try? FileSystem.write("\n", to: STDOUT_FILENO, path: "<stdout>")
            return .endOfInput
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        statementLines.append(text)
        return .line(text)
    }

    public func addHistory(_ statement: String) {
        factsh_history_enter(history, &event, LibeditLineReader.editable(statement))
        entries.append(LibeditLineReader.editable(statement))
    }

    /// Ctrl-R: search the history on a line of its own that says so; Enter runs the match,
    /// Ctrl-R goes to an older one, Ctrl-G gives up, another control key (an arrow) edits it.
    private func searchHistory() -> UInt8 {
        var search = HistorySearch(entries: entries)
        isSearching = true
        defer { isSearching = false }
        var pending: [UInt8] = []
        func show() {
            // The search line is a hint at the prompt; a stdout that fails shows in the next result.
            try? FileSystem.write("\r\u{1B}[K" + search.prompt, to: STDOUT_FILENO, path: "<stdout>")
        }
        show()
        while true {
            var byte: CChar = 0
            guard el_getc(editLine, &byte) == 1 else { return UInt8(CC_ERROR) }
            let key = UInt8(bitPattern: byte)
            switch key {
            case 0x12: search.older()
            case 0x7F, 0x08: search.erase()
            case 0x07:
                try? FileSystem.write("\r\u{1B}[K", to: STDOUT_FILENO, path: "<stdout>")
                return UInt8(CC_REDISPLAY)
            case ..<0x20:
                // Enter runs the match, an arrow or Ctrl-A edits it: the key is handed back to
                // libedit to act on the line as usual (its Enter ends the line properly).
                replaceLine(with: search.match ?? "")
                try? FileSystem.write("\r\u{1B}[K", to: STDOUT_FILENO, path: "<stdout>")
                el_push(editLine, String(UnicodeScalar(key)))
                return UInt8(CC_REDISPLAY)
            default:
                // A character of several UTF-8 bytes is typed when its last byte comes.
                pending.append(key)
                guard let text = String(validating: pending, as: UTF8.self) else { continue }
                pending = []
                search.type(text)
            }
            show()
        }
    }

    /// Repaints the line being typed in colour (see `InputRepaint`); not while Ctrl-R's line is
    /// shown, and not while more input is already waiting (a paste), so a paste is never slowed.
    private func colourLine() {
        guard !isSearching, !LibeditLineReader.inputWaiting, let info = el_wline(editLine) else { return }
        let characters = UnsafeBufferPointer(start: info.pointee.buffer, count: info.pointee.lastchar - info.pointee.buffer)
        let line = String(String.UnicodeScalarView(characters.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        let columns = Int(factsh_el_columns(editLine))
        let columnsOf = { (scalar: Unicode.Scalar) in Int(factsh_wcwidth(wchar_t(bitPattern: scalar.value))) }
        var escapes = InputRepaint.escapes(prompt: prompt, line: line, earlier: statementLines, columns: columns, columnsOf: columnsOf)
        let wasColoured = isLineColoured
        isLineColoured = escapes != nil
        // A line that has grown past the row: the colours painted before it wrapped go.
        if escapes == nil, wasColoured {
            let cursor = info.pointee.cursor - info.pointee.buffer
            escapes = InputRepaint.plainFirstRow(prompt: prompt, line: line, cursor: cursor, columns: columns, columnsOf: columnsOf)
        }
        guard let escapes else { return }
        // Colour is a hint; a stdout that fails shows in the next statement's result.
        try? FileSystem.write(escapes, to: STDOUT_FILENO, path: "<stdout>")
    }

    private static var inputWaiting: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// The line being edited replaced by `text`, the cursor at its end.
    private func replaceLine(with text: String) {
        guard let info = el_line(editLine) else { return }
        let line = String(decoding: UnsafeRawBufferPointer(start: info.pointee.buffer, count: info.pointee.lastchar - info.pointee.buffer), as: UTF8.self)
        let after = String(decoding: UnsafeRawBufferPointer(start: info.pointee.cursor, count: info.pointee.lastchar - info.pointee.cursor), as: UTF8.self)
        el_cursor(editLine, Int32(after.unicodeScalars.count))
        el_deletestr(editLine, Int32(line.unicodeScalars.count))
        if !text.isEmpty { el_insertstr(editLine, text) }
    }

    /// A statement typed over several lines is recalled as one line: line breaks become
    /// spaces and the `\` that joined lines goes.
    static func editable(_ statement: String) -> String {
        statement.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last?.isWhitespace == true { line = line.dropLast() }
            if line.last == "\\" { line = line.dropLast() }
            return String(line)
        }.joined(separator: " ")
    }

    private static func reader(of editLine: OpaquePointer) -> LibeditLineReader? {
        guard let data = factsh_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LibeditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    /// Tab: insert the rest of a unique completion, or the common part of several and list them.
    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine) else { return UInt8(CC_ERROR) }
        let length = info.pointee.cursor - info.pointee.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.pointee.buffer, count: length), as: UTF8.self)
        let completion = complete(before)
        guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let typed = String(String.UnicodeScalarView(before.unicodeScalars.suffix(completion.replacing)))
        let common = CompletionEngine.commonPrefix(completion.candidates)
        var insertion = ""
        // A path put in quotes extends what was typed without its quote.
        let unquoted = common.hasPrefix("\"") && !typed.hasPrefix("\"") ? String(common.dropFirst()) : common
        if unquoted.lowercased().hasPrefix(typed.lowercased()), common.unicodeScalars.count >= typed.unicodeScalars.count {
            // Replace what was typed when the case differs (`SWA` → `swaps`) or a quote opens it.
            if !common.hasPrefix(typed) {
                el_deletestr(editLine, Int32(typed.utf8.count))
                insertion = common
            } else {
                insertion = String(String.UnicodeScalarView(common.unicodeScalars.dropFirst(typed.unicodeScalars.count)))
            }
        }
        if completion.candidates.count == 1 {
            if completion.appendsSpace { insertion += " " }
            if !insertion.isEmpty { el_insertstr(editLine, insertion) }
            return UInt8(CC_REFRESH)
        }
        if !insertion.isEmpty {
            el_insertstr(editLine, insertion)
            return UInt8(CC_REFRESH)
        }
        // The candidates are a hint at the prompt; a stdout that fails shows in the next result.
        try? FileSystem.write("\n" + LibeditLineReader.columns(completion.candidates) + "\n", to: STDOUT_FILENO, path: "<stdout>")
        return UInt8(CC_REDISPLAY)
    }

    /// Candidates laid out in columns, as shells list them.
    static func columns(_ candidates: [String], width: Int = 80) -> String {
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / cell)
        return stride(from: 0, to: candidates.count, by: perLine).map { start in
            candidates[start..<min(start + perLine, candidates.count)].map { $0 + String(repeating: " ", count: cell - $0.count) }.joined()
                .trimmingWhitespaceAtEnd
        }.joined(separator: "\n")
    }

    /// libedit drops every non-ASCII character unless the locale's character type is UTF-8;
    /// CI often has no LANG at all, so fall back to C.UTF-8.
    static func useUTF8Locale() {
        if let current = setlocale(LC_ALL, ""), String(cString: current).uppercased().replacing("-", with: "").contains("UTF8") { return }
        if let ctype = setlocale(LC_CTYPE, nil), String(cString: ctype).uppercased().replacing("-", with: "").contains("UTF8") { return }
        setlocale(LC_CTYPE, "C.UTF-8")
    }
}

extension String {
    var trimmingWhitespaceAtEnd: String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
