import FactStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a data file's bytes come from, read a piece at a time: a large CSV is loaded without
/// ever being whole in memory, and can be read again from the start when its types must be
/// decided over every row.
public protocol ByteSource {
    /// Copies the bytes from `offset` on into `buffer`; returns how many (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(Diagnostic) -> Int
    /// The size in bytes when known, for progress.
    var size: Int? { get }
}

/// Bytes already in memory.
public struct MemoryBytes: ByteSource {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var size: Int? { bytes.count }

    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        let count = max(0, min(buffer.count, bytes.count - offset))
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
        return count
    }
}

/// An open regular file, read with `pread` so every pass starts where it likes. Closed when
/// the last reference goes.
///
/// Only regular files and FIFOs are opened: a device such as `/dev/zero` never ends and a
/// socket or directory is no file, so they are refused by name before a byte is read.
public final class FileBytes: ByteSource {
    /// Why a file cannot be opened or read, as the system says it.
    public struct OpenFailure: Error, Sendable {
        public var reason: String
    }

    /// The most bytes read whole into memory, for an article or a script (read whole). Past
    /// it, reading stops with an error rather than the process dying on allocation.
    public static let maximumWholeBytes = 1 << 30

    private let descriptor: Int32
    public let size: Int?

    /// A regular file as it is on disk; a FIFO (which cannot be read twice) streamed through a
    /// temporary file.
    public static func source(path: String) throws(OpenFailure) -> any ByteSource {
        let file = try FileBytes(path: path)
        return file.size == nil ? try SpooledBytes(file) : file
    }

    /// `$TMPDIR`, else `/tmp`.
    static func temporaryDirectory() -> String {
        guard let directory = getenv("TMPDIR").map({ String(cString: $0) }), !directory.isEmpty else { return "/tmp" }
        return directory
    }

    /// All of a regular file's or a FIFO's bytes, up to `maximumWholeBytes`.
    public static func wholeFile(path: String) throws(OpenFailure) -> [UInt8] {
        try FileBytes(path: path).readToEnd()
    }

    private init(path: String) throws(OpenFailure) {
        // Look before opening: opening a device can have effects of its own (a tape rewinds).
        var status = stat()
        guard stat(path, &status) == 0 else { throw OpenFailure(reason: FileBytes.systemReason()) }
        if let refusal = FileBytes.refusal(status.st_mode) { throw OpenFailure(reason: refusal) }
        let descriptor = open(path, O_RDONLY | O_NOCTTY)
        guard descriptor >= 0 else { throw OpenFailure(reason: FileBytes.systemReason()) }
        // The path may have changed between the look and the open.
        guard fstat(descriptor, &status) == 0 else {
            let reason = FileBytes.systemReason()
            close(descriptor)
            throw OpenFailure(reason: reason)
        }
        if let refusal = FileBytes.refusal(status.st_mode) {
            close(descriptor)
            throw OpenFailure(reason: refusal)
        }
        self.descriptor = descriptor
        size = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    /// Why a file of this mode is not read, or nil for a regular file or a FIFO.
    static func refusal(_ mode: mode_t) -> String? {
        let type = mode & S_IFMT
        return type == S_IFREG || type == S_IFIFO ? nil : "is \(kindName(mode)), not a file"
    }

    /// What a file of this mode is, for messages: "a directory", "a FIFO".
    public static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Reads from the current position to the end; a regular file's size is known, so its
    /// bytes take one allocation instead of doubling.
    private func readToEnd() throws(OpenFailure) -> [UInt8] {
        let tooLarge = OpenFailure(reason: "is larger than \(FileBytes.maximumWholeBytes >> 30) GB, more than factsh reads whole")
        if let size, size > FileBytes.maximumWholeBytes { throw tooLarge }
        var bytes: [UInt8] = []
        if let size { bytes.reserveCapacity(size) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try readNext(into: &chunk)
            if count == 0 { return bytes }
            guard bytes.count + count <= FileBytes.maximumWholeBytes else { throw tooLarge }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The next bytes from the current position into `chunk`: how many, 0 at the end.
    func readNext(into chunk: inout [UInt8]) throws(OpenFailure) -> Int {
        while true {
            let count = chunk.withUnsafeMutableBytes { readDescriptor(descriptor, into: $0) }
            if count >= 0 { return count }
            if errno != EINTR { throw OpenFailure(reason: FileBytes.systemReason()) }
        }
    }

    deinit { close(descriptor) }

    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(Diagnostic) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw Diagnostic(.unreadable, "cannot read the file: \(FileBytes.systemReason())", line: 1, column: 1)
        }
    }

    static func systemReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// The system's `read`, out of reach of `ByteSource.read` inside the types above.
private func readDescriptor(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
