import FactStore

/// Puts an article into the store: a row in `articles`, its `sentences`, and its `mentions`.
/// Loading the same article again replaces what the first load added.
public enum ArticleLoader {
    public static let articleFields = [
        Field(name: "id", type: .string), Field(name: "title", type: .string), Field(name: "date", type: .date),
        Field(name: "source", type: .string), Field(name: "path", type: .string), Field(name: "sentences", type: .int),
        Field(name: "words", type: .int)
    ]
    public static let sentenceFields = [Field(name: "article", type: .string), Field(name: "n", type: .int), Field(name: "text", type: .string)]
    public static let mentionFields = [
        Field(name: "article", type: .string), Field(name: "sentence", type: .int), Field(name: "value", type: .quantity),
        Field(name: "qualifier", type: .string), Field(name: "unit", type: .string), Field(name: "event", type: .string), Field(name: "verb", type: .string),
        Field(name: "date", type: .date), Field(name: "date_end", type: .date), Field(name: "attributed_to", type: .string),
        Field(name: "text", type: .string), Field(name: "figure", type: .int)
    ]

    /// What a load added, and what a reader should know of it.
    public struct Summary: Sendable {
        public var sentences: Int
        public var mentions: Int
        /// Runs of text too long for a sentence that were cut into pieces, by body line.
        public var warnings: [Diagnostic] = []
    }

    /// An article's sentences and mentions, worked out and not yet stored.
    struct Extracted: Sendable {
        var sentences: [String]
        var mentions: [Mention]
        var words: Int
        var warnings: [Diagnostic]

        init(_ article: ArticleFile) {
            let (sentences, cuts) = SentenceSplitter.splitReportingCuts(article.body)
            self.sentences = sentences
            mentions = MentionExtractor(articleDate: article.date).extract(sentences)
            words = ArticleLoader.wordCount(article.body)
            warnings = cuts.map { cut in
                let line = article.bodyFirstLine + article.body.utf8.prefix(cut.offset).lazy.filter { $0 == 0x0A }.count
                return Diagnostic(
                    .longSentence, "a run of text with no sentence end is longer than \(SentenceSplitter.maximumSentenceBytes) bytes: it was cut into \(cut.pieces) sentences",
                    line: line, column: 1, severity: .warning)
            }
        }
    }

    /// The `articles` fields factsh computes, which no header may set: the identity of an
    /// article (its file name) and what was counted in it.
    public static let computedFields: Set<String> = ["id", "path", "sentences", "words"]

    /// Splits, extracts and stores one article in `catalog`; on a problem nothing is stored.
    @discardableResult
    public static func load(_ article: ArticleFile, into catalog: inout Catalog) throws(Diagnostic) -> Summary {
        try store(article, Extracted(article), into: &catalog)
    }

    private static func store(_ article: ArticleFile, _ extracted: Extracted, into catalog: inout Catalog) throws(Diagnostic) -> Summary {
        let sentences = extracted.sentences
        let mentions = extracted.mentions
        // Checked before anything changes, so a load that fails adds nothing: header values
        // are text, and may only go where earlier articles put text too.
        if let articles = catalog["articles"] {
            for (key, _) in article.extraHeaders {
                if let field = articles.fields.first(where: { $0.name == key }), field.type.unified(with: .string) != .string {
                    throw Diagnostic(.articleHeader, "the header '\(key)' is text, but the articles field '\(key)' holds \(field.type)", line: 1, column: 1)
                }
            }
        }
        do {
            try store(article, sentences: sentences, mentions: mentions, words: extracted.words, into: &catalog)
        } catch {
            throw Diagnostic(.unexpected, "cannot store the article: \(error)", line: 1, column: 1)
        }
        return Summary(sentences: sentences.count, mentions: mentions.count, warnings: extracted.warnings)
    }

    private static func store(_ article: ArticleFile, sentences: [String], mentions: [Mention], words: Int, into catalog: inout Catalog) throws(Relation.AppendProblem) {
        var row: [(name: String, value: Value)] = [
            ("id", .string(article.id)), ("title", article.title.map(Value.string) ?? .null), ("date", article.date.map(Value.date) ?? .null),
            ("source", article.source.map(Value.string) ?? .null), ("path", .string(article.path)),
            ("sentences", .int(Int64(sentences.count))), ("words", .int(Int64(words)))
        ]
        row += article.extraHeaders.map { ($0.key, Value.string($0.value)) }
        try catalog.update("articles", creating: { Relation(fields: articleFields) }) { (articles: inout Relation) throws(Relation.AppendProblem) in
            removeArticle(article.id, from: &articles, key: "id")
            try articles.append(row, allowNewFields: true, origin: RowOrigin(source: article.path, line: 1))
        }
        try catalog.update("sentences", creating: { Relation(fields: sentenceFields) }) { (relation: inout Relation) throws(Relation.AppendProblem) in
            removeArticle(article.id, from: &relation, key: "article")
            for (offset, text) in sentences.enumerated() {
                try relation.append(
                    [("article", .string(article.id)), ("n", .int(Int64(offset + 1))), ("text", .string(text))],
                    allowNewFields: false, origin: RowOrigin(source: article.id, line: offset + 1))
            }
        }
        try catalog.update("mentions", creating: { Relation(fields: mentionFields) }) { (relation: inout Relation) throws(Relation.AppendProblem) in
            removeArticle(article.id, from: &relation, key: "article")
            for mention in mentions {
                try relation.append(
                    [
                        ("article", .string(article.id)), ("sentence", .int(Int64(mention.sentence))), ("value", .quantity(mention.quantity)),
                        ("qualifier", .string(mention.qualifier.name)), ("unit", mention.unit.map(Value.string) ?? .null),
                        ("event", mention.event.map(Value.string) ?? .null), ("verb", mention.verb.map(Value.string) ?? .null), ("date", mention.date.map(Value.date) ?? .null),
                        ("date_end", mention.dateEnd.map(Value.date) ?? .null), ("attributed_to", mention.attributedTo.map(Value.string) ?? .null),
                        ("text", .string(mention.text))
                    ], allowNewFields: false, origin: RowOrigin(source: article.id, line: mention.sentence))
            }
        }
    }

    /// Drops the rows an earlier load of the same article added.
    private static func removeArticle(_ id: String, from relation: inout Relation, key: String) {
        // Loading many articles must not read every earlier row each time.
        guard let column = relation.column(named: key), column.mayContain(id) else { return }
        relation = relation.removingRows { column[$0] == .string(id) }
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// The article id for a path: its file name without the extension.
    public static func id(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
