import FactSyntax
import FuzzSupport

/// Any bytes through the lexer and parser: they may be refused, never crash.
@_cdecl("FuzzParser_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = Parser.parse(SourceFile(name: "fuzz", text: String(decoding: bytes, as: UTF8.self)))
    }
}
