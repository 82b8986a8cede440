import ArticleIngest
import FactStore

/// One article read, parsed and extracted on a worker thread, its rows held in a catalog of
/// its own until the load stores them. Extraction is the slow part of a load and needs nothing
/// but the article's text, so many articles extract at once; storing them one after another,
/// in the order given, keeps the rows exactly as loading them one at a time would leave them.
struct ExtractedArticle: Sendable {
    var path: String
    var article: ArticleFile
    /// The header's warnings (no date, say), reported once the whole load succeeds.
    var headerWarnings: [Diagnostic]
    var summary: ArticleLoader.Summary
    /// `articles`, `sentences` and `mentions` holding this article alone.
    var rows: Catalog

    /// The relations an article adds to, each with the field naming the article of a row.
    private static let articleKeys = [("articles", "id"), ("sentences", "article"), ("mentions", "article")]

    /// Reads and extracts the article at `path` (or `knownText`, the demo's, given as that
    /// file); `date` stands in for a missing `date:` header.
    init(path: String, knownText: String? = nil, date: Day?) throws(Diagnostic) {
        let text: String
        if let knownText {
            text = knownText
        } else {
            text = try FileSystem.readText(FileSystem.expandingTilde(path), displayName: path)
        }
        do {
            (article, headerWarnings) = try ArticleFile.parse(text, id: ArticleLoader.id(forPath: path), path: path, date: date)
            var rows = Catalog()
            summary = try ArticleLoader.load(article, into: &rows)
            self.rows = rows
        } catch {
            throw error.inFile(path)
        }
        self.path = path
    }

    /// Adds the article's rows to `catalog`, replacing those of an earlier load of the same
    /// article, as `ArticleLoader.load` would. When a relation's fields differ in type from
    /// the article's (a header where earlier rows hold numbers, say), the article goes through
    /// `ArticleLoader.load` itself, which decides and explains exactly as a load of it alone.
    func store(into catalog: inout Catalog) throws(Diagnostic) {
        guard fitsAsIs(catalog) else {
            do {
                try ArticleLoader.load(article, into: &catalog)
            } catch {
                throw error.inFile(path)
            }
            return
        }
        for (name, key) in Self.articleKeys {
            guard let added = rows[name] else { continue }
            guard catalog[name] != nil else {
                catalog.set(name, added)
                continue
            }
            do {
                try catalog.update(name, creating: { added }) { (relation: inout Relation) throws(Relation.AppendProblem) in
                    if let column = relation.column(named: key), column.mayContain(article.id) {
                        relation = relation.removingRows { column[$0] == .string(article.id) }
                    }
                    for field in added.fields where relation.fieldIndex(named: field.name) == nil {
                        relation = relation.settingColumn(field, Column.nulls(type: field.type, count: relation.rowCount))
                    }
                    try relation.append(contentsOf: added)
                }
            } catch {
                throw Diagnostic(.unexpected, "cannot store the article: \(error)").inFile(path)
            }
        }
    }

    /// Whether every field of the article's rows is absent from `catalog` or there with the
    /// same type, so that appending the rows is all a load of the article would do.
    private func fitsAsIs(_ catalog: Catalog) -> Bool {
        Self.articleKeys.allSatisfy { name, _ in
            guard let added = rows[name], let relation = catalog[name] else { return true }
            return added.fields.allSatisfy { field in relation.fieldIndex(named: field.name).map { relation.fields[$0].type == field.type } ?? true }
        }
    }
}
