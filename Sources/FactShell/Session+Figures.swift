import FactFigures

extension Session {
    /// Recomputes `figures` and `disputes` when a load changed `mentions` since they were
    /// last derived: once before the next statement, not after each of many loads. Not for a
    /// session attached to a database, whose mentions are on the server.
    func refreshFiguresIfStale() {
        guard figuresAreStale, database == nil else { return }
        figuresAreStale = false
        FigureRefresh.apply(to: &environment)
    }
}
