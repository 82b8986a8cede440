import FactStore
import FactSyntax

/// Runs the statements of a source in order — a script, a `-c` command, a line typed at the
/// prompt — reporting each error where it happens: syntax errors and statements by their
/// position, every failure counted, `--bail` stopping at the first, and a source with too
/// many errors cut short. What one statement does is `Session.execute`'s business.
final class StatementRunner {
    /// Stop a script at its first failing statement (`--bail`).
    var bail = false
    /// How many statements have failed since the session began.
    var failureCount = 0

    /// More errors than this in one source and the rest of it is skipped.
    static let maximumErrorsPerSource = 20

    /// Returns true when every statement succeeded.
    func run(_ source: SourceFile, in session: Session) -> Bool {
        // The first statement's time (`.timer`) includes parsing the source's text.
        let parseStart = ContinuousClock.now
        let (statements, diagnostics) = Parser.parse(source)
        var parsing = ContinuousClock.now - parseStart
        enum Item {
            case statement(Statement)
            case problem(Diagnostic)
        }
        let items =
            (statements.map { (position: $0.range.start, item: Item.statement($0)) }
            + diagnostics.map { (position: $0.range?.start ?? 0, item: Item.problem($0)) })
            .sorted { $0.position < $1.position }
        var succeeded = true
        var errors = 0
        for (_, item) in items {
            if session.exitRequested || (bail && !succeeded) { break }
            session.refreshFiguresIfStale()
            let ok: Bool
            switch item {
            case .statement(let statement):
                ok = session.execute(statement, parsing: parsing)
                parsing = .zero
            case .problem(let diagnostic):
                session.report(diagnostic)
                ok = false
            }
            if !ok {
                succeeded = false
                failureCount += 1
                errors += 1
                if errors == Self.maximumErrorsPerSource, items.count > errors {
                    session.report(Diagnostic(.tooManyErrors, "too many errors in \(source.name); skipping the rest of it"))
                    break
                }
            }
        }
        session.refreshFiguresIfStale()
        return succeeded
    }
}
