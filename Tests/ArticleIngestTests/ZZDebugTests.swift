import Testing
@testable import ArticleIngest
import FactStore
@Test func zzDebug() {
    for s in ["Twelve of the survivors, including three children, are being treated at the hospital in Lampira town, its director, Dr Sofia Arkan, said.",
              "Some 1,350 firefighters, backed by 22 water-bombing aircraft, are working on the fire lines, the service's director, Marta Olleros, told reporters."] {
        for m in ExtractorHarness.mentions(s) { print("|", m.value, m.date?.description ?? "-") }
        let t = WordTokenizer.tokenize(s)
        let sc = SentenceContext(text: s, tokens: t, times: [])
        print("ASIDES", sc.asides, "CLAUSES", sc.clauses)
    }
}
