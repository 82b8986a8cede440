import FactShell
import FactStore
import FactSyntax
import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Any bytes as a session file for `.open`: opened, or refused with an error; never a crash, a
/// trap or a hang. Input that starts like a SQLite file is the file itself; any other input is
/// a list of byte patches (three bytes of offset, one of value) to a valid saved session, so
/// most runs reach the records, the catalogue and the cells rather than SQLite's header checks.
/// A file that opens must save and open again to the same facts.
@_cdecl("FuzzSessionFile_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let input = "\(directory)/factsh-fuzz-\(getpid()).factsh"
    let resaved = input + ".again"
    let valid = validSession(at: input)
    return runFuzzer(argc, argv) { bytes in
        var file = bytes.starts(with: Array("SQLite format 3\0".utf8)) ? Array(bytes) : valid
        var patches = bytes[...]
        while patches.count >= 4 {
            let offset = (Int(patches[patches.startIndex]) << 16 | Int(patches[patches.startIndex + 1]) << 8 | Int(patches[patches.startIndex + 2])) % file.count
            file[offset] = patches[patches.startIndex + 3]
            patches = patches.dropFirst(4)
        }
        write(file, to: input)
        let session = Session(output: CapturedOutput())
        guard session.run(SourceFile(name: "fuzz", text: ".open \(input)")) else { return }
        _ = session.run(SourceFile(name: "fuzz", text: ".tables\n.schema\n" + session.environment.allNames.map { "`\($0)` count\n" }.joined()))
        guard session.run(SourceFile(name: "fuzz", text: ".save \(resaved) replace")) else { fatalError("an opened session did not save") }
        let reopened = Session(output: CapturedOutput())
        guard reopened.run(SourceFile(name: "fuzz", text: ".open \(resaved)")) else { fatalError("a saved session did not open") }
        if let difference = difference(session.environment, reopened.environment) { fatalError("saved and opened again: \(difference)") }
    }
}

/// The demo facts and a relation of every other type, saved, as bytes.
func validSession(at path: String) -> [UInt8] {
    let session = Session(output: CapturedOutput())
    session.loadDemo()
    _ = session.run(
        SourceFile(
            name: "seed",
            text: """
                let total = swaps sum released
                add extra d = 2 days, n = 1.5, b = true, s = "x", q = about 3
                .save \(path) replace
                """))
    guard let file = fopen(path, "rb") else { fatalError("cannot read the seed session") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while case let count = fread(&chunk, 1, chunk.count, file), count > 0 { bytes += chunk[..<count] }
    return bytes
}

func write(_ bytes: [UInt8], to path: String) {
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    _ = fwrite(bytes, 1, bytes.count, file)
    fclose(file)
}

/// The first way two sessions differ, or nil.
func difference(_ a: Environment, _ b: Environment) -> String? {
    guard a.catalog.names == b.catalog.names, a.bindingNames == b.bindingNames else { return "names \(a.allNames) \(b.allNames)" }
    for name in a.allNames {
        guard let x = a.relation(named: name), let y = b.relation(named: name) else { return "\(name) missing" }
        guard x.fields == y.fields, x.rowCount == y.rowCount else { return "\(name): \(x.fields) \(y.fields)" }
        for row in 0..<x.rowCount where x.row(row) != y.row(row) || x.origins[row] != y.origins[row] {
            return "\(name) row \(row): \(x.row(row)) \(String(describing: x.origins[row])) / \(y.row(row)) \(String(describing: y.origins[row]))"
        }
    }
    return nil
}
