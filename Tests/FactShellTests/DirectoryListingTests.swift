import Foundation
import Testing

@testable import FactShell

/// A directory's entries, each name read in place (under AddressSanitizer a name copied with
/// the whole 256-byte `d_name` field read past the end of the last record).
@Suite struct DirectoryListingTests {
    @Test func everyNameWhateverItsLengthAndDirectoriesMarked() throws {
        let directory = temporaryDirectory()
        let names = (1...40).map { String(repeating: "n", count: $0 * 6) }
        for name in names { try Data().write(to: URL(fileURLWithPath: directory + "/" + name)) }
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: false)
        #expect(Set(FileSystem.directoryEntries(directory)) == Set(names + ["sub/"]))
        #expect(FileSystem.directoryEntries(directory + "/missing").isEmpty)
    }
}
