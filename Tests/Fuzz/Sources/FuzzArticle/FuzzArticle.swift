import ArticleIngest
import FactStore
import FuzzSupport

/// Any bytes as a news report: header, sentences and every extraction rule.
@_cdecl("FuzzArticle_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let (article, _) = try? ArticleFile.parse(String(decoding: bytes, as: UTF8.self), id: "fuzz", path: "fuzz.txt",
                                                        date: Day(iso: "2025-05-25")) else { return }
        var catalog = Catalog()
        ArticleLoader.load(article, into: &catalog)
    }
}
