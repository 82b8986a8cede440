import Testing

@testable import DataImport

@Suite struct UTF8CheckTests {
    func problem(_ bytes: [UInt8]) -> UTF8Check.Problem? {
        bytes.withUnsafeBufferPointer(UTF8Check.firstProblem)
    }

    @Test func validTextHasNoProblem() {
        #expect(problem(Array("plain ASCII, long enough to span several words\nКиїв ≥12 ~1000 🇺🇦\n".utf8)) == nil)
        #expect(problem([]) == nil)
    }

    /// A bad byte or NUL at every offset of a line of ASCII, so it is found whether it falls
    /// inside an eight-byte step or in the tail; the column counts characters, not bytes.
    @Test func everyOffsetIsFoundWithItsLineAndColumn() throws {
        for offset in 0..<21 {
            for bad: UInt8 in [0x00, 0xFF, 0x80] {
                var bytes = Array("é\nabcdefghijklmnopqrstu".utf8)
                bytes[3 + offset] = bad
                let found = try #require(problem(bytes), "offset \(offset)")
                #expect(found.offset == 3 + offset)
                #expect(found.line == 2)
                #expect(found.column == offset + 1)
                #expect(found.byte == bad)
                #expect(found.isNUL == (bad == 0))
            }
        }
    }

    @Test func brokenSequencesAreRefused() {
        #expect(problem(Array("abcdefgh".utf8) + [0xE2, 0x89])?.offset == 8) // cut short at the end
        #expect(problem([0xC0, 0xAF])?.offset == 0) // overlong
        #expect(problem([0x41, 0xED, 0xA0, 0x80])?.column == 2) // a surrogate
        #expect(problem(Array("Київ".utf8) + [0xF5, 0x80, 0x80, 0x80])?.column == 5) // beyond U+10FFFF
    }
}
