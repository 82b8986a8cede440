import Testing

@testable import FactStore

@Suite struct QuantityTests {
    @Test(arguments: [
        (Quantity(12, .atLeast), "≥12"), (Quantity(1000, .about), "~1000"), (Quantity(1000, .nearly), "≈1000"),
        (Quantity(30, .moreThan), ">30"), (Quantity(5, .fewerThan), "<5"), (Quantity(7, .atMost), "≤7"),
        (Quantity(24, .vague), "dozens"), (Quantity(20000, .vague), "tens of thousands"), (Quantity(10, .range, upper: 15), "10–15"),
        (Quantity(2.5), "2.5"), (Quantity(12), "12")
    ])
    func displaysWithItsQualifier(quantity: Quantity, text: String) {
        #expect(quantity.description == text)
        #expect(Quantity(text: text) == quantity, "the displayed form reads back")
    }

    @Test(arguments: [
        ("at least 12", Quantity(12, .atLeast)), ("more than 30", Quantity(30, .moreThan)), ("nearly 1,000", Quantity(1000, .nearly)),
        ("roughly 1000", Quantity(1000, .about)), ("up to 5", Quantity(5, .atMost)), ("Dozens", Quantity(24, .vague))
    ])
    func readsTheWordsAnalystsWrite(text: String, quantity: Quantity) {
        #expect(Quantity(text: text) == quantity)
    }

    @Test(arguments: ["", "many", "at least", "12 drones", "~x"])
    func refusesWhatIsNoQuantity(text: String) {
        #expect(Quantity(text: text) == nil)
    }

    @Test func aggregatesKeepTheWeakestQualifier() {
        #expect(Qualifier.exact.combined(with: .atLeast) == .atLeast)
        #expect(Qualifier.atLeast.combined(with: .exact) == .atLeast)
        #expect(Qualifier.moreThan.combined(with: .atLeast) == .atLeast)
        #expect(Qualifier.atMost.combined(with: .fewerThan) == .atMost)
        #expect(Qualifier.atLeast.combined(with: .atMost) == .about)
        #expect(Qualifier.nearly.combined(with: .about) == .about)
        #expect(Qualifier.vague.combined(with: .exact) == .vague)
        #expect(Qualifier.about.combined(with: .vague) == .vague)
        #expect(Qualifier.nearly.combined(with: .nearly) == .nearly)
    }

    @Test func negationTurnsBoundsAround() {
        #expect(Qualifier.atLeast.negated == .atMost)
        #expect(Qualifier.moreThan.negated == .fewerThan)
        #expect(Qualifier.about.negated == .about)
    }

    @Test func namesAreTheContractsNames() {
        #expect(Qualifier.allCases.map(\.name) == ["exact", "at_least", "at_most", "about", "nearly", "more_than", "fewer_than", "range", "vague"])
        for qualifier in Qualifier.allCases { #expect(Qualifier(name: qualifier.name) == qualifier) }
    }
}
