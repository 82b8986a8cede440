import FactEngine
import FactShell
import FactSyntax
import FuzzSupport

/// Any bytes as statements against the demo facts: errors are fine, crashes and traps are not.
/// Dot commands are skipped (they would write files); everything else runs.
@_cdecl("FuzzEvaluator_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let demo = CapturedOutput()
    let session = Session(output: demo)
    session.loadDemo()
    let facts = session.environment
    return runFuzzer(argc, argv) { bytes in
        var interpreter = Interpreter(environment: facts)
        for statement in Parser.parse(SourceFile(name: "fuzz", text: String(decoding: bytes, as: UTF8.self))).statements {
            _ = try? interpreter.execute(statement)
        }
    }
}
