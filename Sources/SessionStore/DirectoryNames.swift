#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names in a directory, read with `readdir`, shared by every place that lists one (the
/// shell's path completion, the clean-up of a killed save's temporary files). Each name is
/// read in place up to its NUL: a record is only as long as its name, so copying the whole
/// 256-byte `d_name` field would read past the end of the last one.
public enum DirectoryNames {
    /// The names, `.` and `..` left out; nil when the directory cannot be read.
    public static func names(in directory: String) -> [String]? {
        guard let handle = opendir(directory), let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
