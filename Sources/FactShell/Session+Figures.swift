import FactFigures

extension Session {
    /// Recomputes `figures` and `disputes` when a load changed `mentions` since they were
    /// last derived: once before the next statement, not after each of many loads.
    func refreshFiguresIfStale() {
        guard figuresAreStale else { return }
        figuresAreStale = false
        FigureRefresh.apply(to: &environment)
    }
}
