import DataImport
import FuzzSupport

/// Any bytes as each kind of data file: refused with a located error, or loaded; never a crash.
@_cdecl("FuzzDataFiles_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { bytes in
        for format in DataFormat.allCases {
            _ = try? DataLoader.load(Array(bytes), format: format, path: "fuzz")
        }
    }
}
