import Testing

@testable import FactShell

@Suite struct HistorySearchTests {
    @Test func newestMatchFirstThenOlderOnes() {
        var search = HistorySearch(entries: ["swaps count", "attacks count", "SWAPS sum released"])
        #expect(search.prompt == "(history search) '': ")
        search.type("swa")
        #expect(search.match == "SWAPS sum released", "any case")
        search.older()
        #expect(search.match == "swaps count")
        search.older()
        #expect(search.match == "swaps count", "the oldest match stays")
        search.type("ps c")
        #expect(search.match == "swaps count")
        search.type("x")
        #expect(search.prompt == "(history search) 'swaps cx': no match")
        search.erase()
        #expect(search.match == "swaps count")
    }
}
