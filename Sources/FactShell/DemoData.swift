import FactSyntax

/// The bundled samples that `--demo` loads, compiled into the binary so that the demo works
/// from any directory, installed or not.
public enum DemoData {
    /// Facts scripts, in load order, with the names errors would cite.
    public static let scripts: [(name: String, text: String)] = [
        ("demo/founding-facts.fq", String(decoding: PackageResources.founding_facts_fq, as: UTF8.self))
    ]

    /// Sample articles, loaded as `.load` would load them.
    public static let articles: [(name: String, text: String)] = [
        ("demo/founding-report.txt", String(decoding: PackageResources.founding_report_txt, as: UTF8.self))
    ]
}

extension Session {
    /// Loads the bundled samples, into the database when the session has one
    /// (`loadDemoIntoDatabase`); returns false if any failed.
    @discardableResult
    public func loadDemo() -> Bool {
        isAttachedToDatabase ? loadDemoIntoDatabase() : loadDemoInMemory()
    }

    /// Loads the bundled samples into memory; false if any failed (which a test guards against).
    func loadDemoInMemory() -> Bool {
        // The demo is loaded quietly: the banner counts its facts.
        let (echoing, confirming) = (echo, confirmsLoads)
        (echo, confirmsLoads) = (false, false)
        defer { (echo, confirmsLoads) = (echoing, confirming) }
        var succeeded = true
        for script in DemoData.scripts where !run(SourceFile(name: script.name, text: script.text)) {
            succeeded = false
        }
        if case .failure(let problem) = loadArticlesInMemory(DemoData.articles.map { ($0.name, $0.text) }, date: nil) {
            if case .unreadable(let diagnostic) = problem { report(diagnostic) }
            succeeded = false
        }
        refreshFiguresIfStale()
        return succeeded
    }
}
