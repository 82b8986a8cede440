import FactStore
import FactSyntax

/// Why a statement failed, as the shell sees it: a problem still to be reported, or one whose
/// errors were already written (a script that `.run` ran reports its own statements).
///
/// Statements and dot commands throw only this, so the compiler checks that every failure
/// ends as one of the two and none is dropped on the way to the user.
enum StatementFailure: Error {
    case diagnostic(Diagnostic)
    case alreadyReported

    /// An error from the engine, whose `Interpreter.execute` throws untyped. Everything it
    /// throws is a `Diagnostic`; anything else is still reported, at the statement, rather
    /// than lost.
    init(_ error: any Error, at statement: Statement) {
        switch error {
        case let diagnostic as Diagnostic: self = .diagnostic(diagnostic)
        case let failure as StatementFailure: self = failure
        case let failure as FileSystem.Failure: self = .diagnostic(failure.diagnostic(at: statement))
        default: self = .diagnostic(Diagnostic(.unexpected, "unexpected error: \(error)", in: statement.source, at: statement.range))
        }
    }
}

extension FileSystem.Failure {
    /// A file that could not be written, pointed at the statement that wrote it.
    func diagnostic(at statement: Statement) -> Diagnostic {
        Diagnostic(.unwritable, writeMessage, in: statement.source, at: statement.range)
    }
}
