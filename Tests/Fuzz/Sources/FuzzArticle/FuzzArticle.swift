import ArticleIngest
import FactStore
import FuzzSupport

/// Any bytes as a news report: header, sentences and every extraction rule.
@_cdecl("FuzzArticle_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { bytes in
        // The first two bytes choose the fallback date across the whole calendar, so relative
        // dates are resolved near its edges too (a header `date:` in the input wins).
        guard bytes.count >= 2 else { return }
        let position = (Int64(bytes[bytes.startIndex]) << 8) | Int64(bytes[bytes.startIndex + 1])
        let calendar = Day.validRange
        let day = Day(number: calendar.lowerBound + position * (calendar.upperBound - calendar.lowerBound) / 65_535)
        guard
            let (article, _) = try? ArticleFile.parse(
                String(decoding: bytes.dropFirst(2), as: UTF8.self), id: "fuzz", path: "fuzz.txt",
                date: day)
        else { return }
        var catalog = Catalog()
        _ = try? ArticleLoader.load(article, into: &catalog)
    }
}
