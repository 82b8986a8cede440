import FactStore
import Testing

@testable import ArticleIngest

/// Dictionary forms of verbs, checked against WordNet (Lemmatizer).
@Suite struct LemmatizerTests {
    @Test(arguments: [
        ("collapsed", "collapse"), ("pulled", "pull"), ("stopped", "stop"), ("carried", "carry"), ("arriving", "arrive"),
        ("raised", "raise"), ("shared", "share"), ("entered", "enter"), ("focused", "focus"), ("caused", "cause"),
        ("evacuated", "evacuate"), ("backed", "back"), ("agreed", "agree"), ("building", nil), ("hundred", nil),
        ("phoned", "phone"), ("created", "create"), ("totalled", "total"), ("wrote", "write"), ("freed", "free"),
        ("died", "die"), ("taken", "take"), ("hoped", "hope"), ("planned", "plan"), ("drones", nil), ("rebooked", "rebook"),
        ("unchanged", nil), ("unvaccinated", nil)
    ])
    func pastFormsAndParticiples(word: String, lemma: String?) {
        #expect(Lemmatizer.pastOrParticiple(word) == lemma)
    }

    @Test(arguments: [
        ("includes", "include"), ("confirms", "confirm"), ("says", "say"), ("carries", "carry"), ("wrote", "write"),
        ("estimate", "estimate"), ("xyzzy", nil)
    ])
    func anyForm(word: String, lemma: String?) {
        #expect(Lemmatizer.base(word) == lemma)
    }

    /// A participle negated by "un-" is an adjective.
    @Test func negatedParticiplesAreAdjectives() {
        #expect(Lemmatizer.isNegatedParticiple("unvaccinated"))
        #expect(Lemmatizer.isNegatedParticiple("uninsured"))
        #expect(!Lemmatizer.isNegatedParticiple("under"))
        #expect(!Lemmatizer.isNegatedParticiple("vaccinated"))
    }
}
