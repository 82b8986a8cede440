import FactStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipe's bytes, copied to an unlinked temporary file as they are first read, so a load can
/// stream a FIFO and still start again from the start (when a later row changes a column's
/// type) without holding the pipe's bytes in memory. Read from one thread at a time.
final class SpooledBytes: ByteSource {
    private let pipe: FileBytes
    private let spool: Int32
    /// How many bytes of the pipe are in the spool.
    private var spooled = 0
    private var ended = false

    var size: Int? { nil }

    init(_ pipe: FileBytes) throws(FileBytes.OpenFailure) {
        let directory = FileBytes.temporaryDirectory()
        var template = Array((directory + "/factsh-pipe-XXXXXX").utf8CString)
        let spool = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard spool >= 0 else {
            throw FileBytes.OpenFailure(reason: "cannot make a temporary file in \(directory) to read it through: \(FileBytes.systemReason())")
        }
        // Unlinked at once: the space comes back when the load ends, however it ends.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.pipe = pipe
        self.spool = spool
    }

    deinit { close(spool) }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(Diagnostic) -> Int {
        while offset >= spooled, !ended { try pull() }
        let count = min(buffer.count, spooled - offset)
        guard count > 0 else { return 0 }
        while true {
            let read = pread(spool, buffer.baseAddress, count, off_t(offset))
            if read >= 0 { return read }
            if errno != EINTR { throw Diagnostic(.unreadable, "cannot read back the piped bytes: \(FileBytes.systemReason())", line: 1, column: 1) }
        }
    }

    /// Moves the next piece of the pipe into the spool.
    private func pull() throws(Diagnostic) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count: Int
        do {
            count = try pipe.readNext(into: &chunk)
        } catch {
            throw Diagnostic(.unreadable, "cannot read the file: \(error.reason)", line: 1, column: 1)
        }
        guard count > 0 else {
            ended = true
            return
        }
        var written = 0
        while written < count {
            let result = chunk.withUnsafeBytes { pwrite(spool, $0.baseAddress! + written, count - written, off_t(spooled + written)) }
            if result < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.unreadable, "cannot keep the piped bytes in a temporary file: \(FileBytes.systemReason())", line: 1, column: 1)
            }
            written += result
        }
        spooled += count
    }
}
