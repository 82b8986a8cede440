import DataImport
import FactStore
import FuzzSupport

/// Any bytes as each kind of data file: refused with a located error, or loaded; never a crash.
/// CSV and TSV are loaded twice, in 16-byte chunks and whole, and must come out the same.
@_cdecl("FuzzDataFiles_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { bytes in
        for format in DataFormat.allCases {
            let whole = outcome(of: Array(bytes), format: format, chunkSize: 1 << 20)
            guard format == .csv || format == .tsv else { continue }
            let chunked = outcome(of: Array(bytes), format: format, chunkSize: 16)
            if chunked != whole { fatalError("\(format) in 16-byte chunks: \(chunked)\nwhole: \(whole)") }
        }
    }
}

/// What a load decided: every field, row and line, or where and why it failed.
func outcome(of bytes: [UInt8], format: DataFormat, chunkSize: Int) -> String {
    do {
        let relation = try DataLoader.load(MemoryBytes(bytes), format: format, path: "fuzz", chunkSize: chunkSize).relation
        let rows = (0..<relation.rowCount).map { "\(relation.row($0)) @\(relation.origins[$0]?.line ?? 0)" }
        return "\(relation.fields) \(rows)"
    } catch {
        return "\(error.location?.description ?? "-") \(error.message)"
    }
}
