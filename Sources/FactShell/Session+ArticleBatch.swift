import ArticleIngest
import FactStore

extension Session {
    /// An article to load: its path, and its text when it is already in memory (the demo's).
    typealias ArticleSource = (path: String, knownText: String?)

    /// Loads several articles as one load (`.load reports/*.txt`, a folder, the command line's
    /// FILE arguments): all of them or, when one fails or Ctrl-C is pressed, nothing. `named`
    /// is how the user wrote them, for messages. In a session attached to a database the rows
    /// go there in one transaction.
    public func loadArticles(_ paths: [String], named: String, date: Day? = nil) -> Result<Void, FileProblem> {
        loadIntoDatabase(named, replacingArticles: paths.map(ArticleLoader.id(forPath:))) {
            loadArticlesInMemory(paths.map { ($0, nil) }, date: date)
        }
    }

    /// The command line's FILE arguments that are articles or folders of them, one after
    /// another, as one load. A single file loads as `.load` loads it.
    public func loadArticleArguments(_ arguments: [String]) -> Result<Void, FileProblem> {
        do throws(Diagnostic) {
            var files: [String] = []
            for argument in arguments { files += try LoadTargets.files(argument) }
            if files.count == 1, files == arguments { return loadFile(files[0]) }
            let named = arguments.count == 1 ? arguments[0] : "\(arguments[0]) and \(arguments.count - 1) more"
            return try loadArticles(checkingKindsOf: files, named: named)
        } catch {
            return .failure(.unreadable(error))
        }
    }

    /// `loadArticles`, once every file is known to be an article: a folder or pattern that
    /// names a script or a data file is refused before anything is read.
    func loadArticles(checkingKindsOf files: [String], named: String, date: Day? = nil) throws(Diagnostic) -> Result<Void, FileProblem> {
        if let other = files.first(where: { Session.fileKind($0) != .article }) {
            throw Diagnostic(.usage, "'\(other)' is not an article: several files load together only when all are articles; load scripts and data files one at a time")
        }
        return loadArticles(files, named: named, date: date)
    }

    /// Reads and extracts the articles on the session's threads (`--threads`, `.threads`),
    /// then stores them in the order given, so the facts and their order are those of loading
    /// them one at a time. Nothing changes unless every article loads.
    func loadArticlesInMemory(_ sources: [ArticleSource], date: Day?) -> Result<Void, FileProblem> {
        let clock = ContinuousClock()
        let start = clock.now
        let cancellation = Cancellation(interpreter.isCancelled)
        var catalog = environment.catalog
        let runs = Session.runs(of: sources.count, threads: interpreter.threads)
        let extracted: [ExtractedArticles]
        do throws(Diagnostic) {
            extracted = try OrderedParallelMap.map(runs.count, threads: interpreter.threads, checkStop: { () throws(Diagnostic) in try cancellation.check() }) {
                index throws(Diagnostic) in
                try ExtractedArticles(sources[runs[index]], date: date)
            }
            for run in extracted { try run.store(into: &catalog) }
            try cancellation.check()
        } catch {
            var diagnostic = error
            if sources.count > 1 { diagnostic.help = "nothing was loaded from any of the \(LoadConfirmation.grouped(sources.count)) articles" }
            return .failure(.unreadable(diagnostic))
        }
        environment.catalog = catalog
        figuresAreStale = true
        let articles = extracted.flatMap(\.articles)
        for article in articles {
            for warning in article.headerWarnings + article.summary.warnings { report(warning.inFile(article.path)) }
        }
        if confirmsLoads {
            let sentences = articles.reduce(0) { $0 + $1.summary.sentences }
            let mentions = articles.reduce(0) { $0 + $1.summary.mentions }
            let confirmation =
                articles.count == 1
                ? LoadConfirmation.article(articles[0].file.id, sentences: sentences, mentions: mentions, duration: clock.now - start)
                : LoadConfirmation.articles(articles.count, sentences: sentences, mentions: mentions, duration: clock.now - start)
            output.writeDiagnostic(confirmation)
        }
        return .success(())
    }

    /// `0..<count` cut into runs of consecutive articles for the workers: up to 32 articles
    /// each (a few milliseconds of work, so Ctrl-C, asked before every run, stops a load at
    /// once), and at least 8 runs per thread when there are enough articles, to share them out
    /// evenly. How they are cut does not change the rows, only how the work is shared.
    static func runs(of count: Int, threads: Int) -> [Range<Int>] {
        let size = min(32, max(1, count / max(1, threads * 8)))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}
