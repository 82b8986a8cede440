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
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(DataProblem) -> Int
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
public final class FileBytes: ByteSource {
    /// Why a file cannot be opened or read, as the system says it.
    public struct OpenFailure: Error, Sendable {
        public var reason: String
    }

    private let descriptor: Int32
    public let size: Int?

    /// A regular file as it is on disk; a pipe or device (which cannot be read twice) read
    /// into memory.
    public static func source(path: String) throws(OpenFailure) -> any ByteSource {
        let file = try FileBytes(path: path)
        guard file.size == nil else { return file }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { readDescriptor(file.descriptor, into: $0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OpenFailure(reason: systemReason())
            }
            if count == 0 { return MemoryBytes(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private init(path: String) throws(OpenFailure) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw OpenFailure(reason: FileBytes.systemReason()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = FileBytes.systemReason()
            close(descriptor)
            throw OpenFailure(reason: reason)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw OpenFailure(reason: "is a directory, not a file")
        }
        self.descriptor = descriptor
        size = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    deinit { close(descriptor) }

    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(DataProblem) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw DataProblem("cannot read the file: \(FileBytes.systemReason())", line: 1, column: 1)
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
