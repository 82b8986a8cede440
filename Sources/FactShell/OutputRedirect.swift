#if canImport(Glibc)
    import Glibc
#endif

/// The file results go to after `.output PATH` (until `.output`) or `.once PATH` (for one
/// statement).
final class OutputRedirect {
    let path: String
    let once: Bool
    private let descriptor: Int32

    init(path: String, once: Bool) throws(FileSystem.Failure) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.systemReason()) }
        self.path = path
        self.once = once
    }

    func write(_ text: String) throws(FileSystem.Failure) { try FileSystem.write(text, to: descriptor, path: path) }

    func close() { _ = Glibc.close(descriptor) }
}
