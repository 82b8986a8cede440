import Testing

@testable import FactStore

@Suite struct StringDictionaryTests {
    /// Enough strings to grow the table many times, of every length around the 8-byte steps
    /// the hash reads in: each keeps the code it got first, and finds it again.
    @Test func codesAreStableThroughGrowth() {
        var dictionary = StringDictionary()
        let words = (0..<5_000).map { String(repeating: "x", count: $0 % 19) + String($0) }
        let codes = words.map { dictionary.code(for: $0) }
        #expect(codes == (0..<5_000).map(UInt32.init))
        #expect(words.map { dictionary.code(for: $0) } == codes)
        #expect(words.map { dictionary.existingCode(for: $0) } == codes)
        #expect(dictionary.count == 5_000)
        #expect(dictionary[4_321] == words[4_321])
    }

    /// Sizing the table ahead, before or after strings are in it, keeps every code.
    @Test func reservingKeepsCodes() {
        var dictionary = StringDictionary()
        let first = (0..<300).map { "place \($0)" }
        let firstCodes = first.map { dictionary.code(for: $0) }
        dictionary.reserveCapacity(10_000)
        let more = (300..<5_000).map { "place \($0)" }
        let moreCodes = more.map { dictionary.code(for: $0) }
        #expect(firstCodes + moreCodes == (0..<5_000).map(UInt32.init))
        #expect((first + more).map { dictionary.existingCode(for: $0) } == firstCodes + moreCodes)
        #expect(dictionary.existingCode(for: "place 5000") == nil)
    }

    @Test func absentStringsHaveNoCode() {
        var dictionary = StringDictionary()
        #expect(dictionary.existingCode(for: "kyiv") == nil)
        _ = dictionary.code(for: "kyiv")
        #expect(dictionary.existingCode(for: "Kyiv") == nil)
        #expect(dictionary.existingCode(for: "kyiv ") == nil)
        #expect(dictionary.code(for: "") == 1)
        #expect(dictionary.existingCode(for: "") == 1)
    }

    /// Strings are told apart by their bytes, as SQLite and DuckDB do: a precomposed "é" and
    /// "e" + combining accent are two values.
    @Test func canonicallyEquivalentSpellingsAreDistinct() {
        var dictionary = StringDictionary()
        let composed = dictionary.code(for: "caf\u{E9}")
        let decomposed = dictionary.code(for: "cafe\u{301}")
        #expect(composed != decomposed)
        #expect(dictionary.code(for: "caf\u{E9}") == composed)
    }

    /// Lengths either side of each step of the stored length (127/128, 16,383/16,384), enough
    /// text to fill several 1 MiB blocks, and one string longer than a block: every string
    /// reads back whole and keeps its code.
    @Test func textOfEveryLengthReadsBack() {
        var dictionary = StringDictionary()
        let lengths = [0, 1, 127, 128, 129, 16_383, 16_384, 16_385, 3_000_000] + (0..<2_000).map { 300 + $0 % 1_500 }
        let strings = lengths.enumerated().map { index, length in
            // "ü" is two bytes; the rest is ASCII, so the string is exactly `length` bytes.
            let ascii = String(String(repeating: "ab\(index).", count: length / 3 + 1).prefix(length))
            return length >= 2 ? "ü" + ascii.dropFirst(2) : ascii
        }
        let codes = strings.map { dictionary.code(for: $0) }
        #expect(Set(codes).count == Set(strings).count)
        for (string, code) in zip(strings, codes) where dictionary[code] != string {
            Issue.record("code \(code) reads back \(dictionary[code].utf8.count) bytes, not \(string.utf8.count)")
            break
        }
        #expect(Array(dictionary).count == dictionary.count)
        #expect(strings.map { dictionary.existingCode(for: $0) } == codes)
    }
}
