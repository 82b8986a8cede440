#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path names, for refusing anything but a regular file: reading a FIFO or device as a
/// session would block or never end, and writing over one would not save anything.
enum FileKind {
    /// Why the file a `stat` describes is not a regular one, or nil when it is.
    static func reasonNotRegular(_ info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: "it is a symbolic link"
        case S_IFDIR: "it is a directory"
        case S_IFIFO: "it is a FIFO (named pipe), not a file"
        case S_IFSOCK: "it is a socket, not a file"
        default: "it is a device, not a file"
        }
    }
}
