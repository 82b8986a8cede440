import FactShell
import FactSyntax
import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Any bytes as one line of dot command input (`.` and the bytes up to the first line break)
/// in a session with the demo facts: errors are fine, crashes, traps and hangs are not.
///
/// The run is sandboxed to a fresh temporary directory, the working directory, which holds a
/// data file, an article and a script to load: a line naming a path with `/` or `~` (anything
/// that could reach outside it) is skipped, and after each line the directory is emptied and
/// its seed files written again, so `.export`, `.save`, `.output` and `.once` write only there.
/// The sandbox directory, for the clean-up at exit (a C callback captures nothing).
nonisolated(unsafe) private var sandboxPath: String?

@_cdecl("FuzzDotCommands_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var template = Array("/tmp/factsh-fuzz-dot-XXXXXX".utf8CString)
    guard let sandbox = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }),
        chdir(sandbox) == 0
    else {
        fatalError("cannot make the sandbox directory")
    }
    let seeds = [
        "data.csv": "place,killed,when\nKyiv,at least 12,2025-05-24\n\"Sumy, north\",,2025-05-25\n",
        "data.json": #"[{"a":"x\u0000y","b":1},{"a":null,"b":2.5}]"#,
        "report.txt": "title: T\ndate: 2025-05-25\n\nAt least 12 people were killed on Saturday, officials said.\n",
        "facts.fq": "add more n = 1, who = \"a\"\nlet total = more sum n\n"
    ]
    func resetSandbox() {
        for entry in FileSystem.directoryEntries(".") {
            let name = entry.hasSuffix("/") ? String(entry.dropLast()) : entry
            if unlink(name) != 0 { rmdir(name) }
        }
        for (name, text) in seeds { try? FileSystem.writeAtomically(text, to: name) }
    }
    resetSandbox()
    sandboxPath = sandbox
    // libFuzzer ends with exit(): the sandbox goes with the process.
    atexit {
        guard let sandbox = sandboxPath else { return }
        for entry in FileSystem.directoryEntries(sandbox) { unlink(sandbox + "/" + entry) }
        rmdir(sandbox)
    }
    let demo = Session(output: CapturedOutput())
    demo.loadDemo()
    let facts = demo.environment
    return runFuzzer(argc, argv) { bytes in
        let line = "." + String(decoding: bytes.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        guard !line.contains("/"), !line.contains("~") else { return }
        let session = Session(output: CapturedOutput(), environment: facts)
        session.run(SourceFile(name: "fuzz", text: line))
        session.run(SourceFile(name: "fuzz", text: ".output"))
        resetSandbox()
    }
}
