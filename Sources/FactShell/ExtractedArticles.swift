import ArticleIngest
import FactStore

/// A run of consecutive articles read, parsed and extracted on one worker thread, their rows
/// held in a catalog of their own until the load stores them. Extraction is the slow part of
/// a load and needs nothing but the articles' text, so many runs extract at once; storing the
/// runs one after another, in the order given, leaves the rows exactly as loading the articles
/// one at a time would. A run rather than one article each, so that a load of thousands of
/// articles builds and appends a few relations, not thousands.
struct ExtractedArticles: Sendable {
    /// One article of the run, with what the load reports of it once it has succeeded.
    struct Article: Sendable {
        var path: String
        var file: ArticleFile
        /// The header's warnings (no date, say).
        var headerWarnings: [Diagnostic]
        var summary: ArticleLoader.Summary
    }

    var articles: [Article] = []
    /// `articles`, `sentences` and `mentions` holding these articles alone.
    var rows = Catalog()

    /// The relations an article adds to, each with the field naming the article of a row.
    private static let articleKeys = [("articles", "id"), ("sentences", "article"), ("mentions", "article")]

    /// Reads and extracts the articles, in order; `date` stands in for a missing `date:`
    /// header. The first that fails stops the run, named by its path.
    init(_ sources: ArraySlice<Session.ArticleSource>, date: Day?) throws(Diagnostic) {
        for source in sources {
            let text: String
            if let knownText = source.knownText {
                text = knownText
            } else {
                text = try FileSystem.readText(FileSystem.expandingTilde(source.path), displayName: source.path)
            }
            do {
                let (file, warnings) = try ArticleFile.parse(text, id: ArticleLoader.id(forPath: source.path), path: source.path, date: date)
                let summary = try ArticleLoader.load(file, into: &rows)
                articles.append(Article(path: source.path, file: file, headerWarnings: warnings, summary: summary))
            } catch {
                throw error.inFile(source.path)
            }
        }
    }

    /// Adds the run's rows to `catalog`, replacing those of earlier loads of the same articles,
    /// as `ArticleLoader.load` would one article after another. When a relation's fields differ
    /// in type from the run's (a header where earlier rows hold numbers, say), each article goes
    /// through `ArticleLoader.load` itself, which decides and explains exactly as a load of it
    /// alone.
    func store(into catalog: inout Catalog) throws(Diagnostic) {
        guard fitsAsIs(catalog) else {
            for article in articles {
                do {
                    try ArticleLoader.load(article.file, into: &catalog)
                } catch {
                    throw error.inFile(article.path)
                }
            }
            return
        }
        let ids = Set(articles.map(\.file.id))
        for (name, key) in Self.articleKeys {
            guard let added = rows[name] else { continue }
            guard catalog[name] != nil else {
                catalog.set(name, added)
                continue
            }
            do {
                try catalog.update(name, creating: { added }) { (relation: inout Relation) throws(Relation.AppendProblem) in
                    if let column = relation.column(named: key), ids.contains(where: column.mayContain) {
                        relation = relation.removingRows { row in
                            guard case .string(let id) = column[row] else { return false }
                            return ids.contains(id)
                        }
                    }
                    for field in added.fields where relation.fieldIndex(named: field.name) == nil {
                        relation = relation.settingColumn(field, Column.nulls(type: field.type, count: relation.rowCount))
                    }
                    try relation.append(contentsOf: added)
                }
            } catch {
                throw Diagnostic(.unexpected, "cannot store the articles: \(error)")
            }
        }
    }

    /// Whether every field of the run's rows is absent from `catalog` or there with the same
    /// type, so that appending the rows is all loading the articles would do.
    private func fitsAsIs(_ catalog: Catalog) -> Bool {
        Self.articleKeys.allSatisfy { name, _ in
            guard let added = rows[name], let relation = catalog[name] else { return true }
            return added.fields.allSatisfy { field in relation.fieldIndex(named: field.name).map { relation.fields[$0].type == field.type } ?? true }
        }
    }
}
