/// Whether the user asked long work to stop (Ctrl-C at the prompt). Work that can take
/// seconds — a query's operators, a data file's load, an export — asks it between chunks of
/// rows, so it stops within a chunk's time and leaves nothing half done.
public struct Cancellation: Sendable {
    private let isRequested: @Sendable () -> Bool

    public init(_ isRequested: @escaping @Sendable () -> Bool) { self.isRequested = isRequested }

    /// Work that nothing can stop: tests, scripts without a terminal.
    public static let never = Cancellation { false }

    public var requested: Bool { isRequested() }

    /// Throws the "interrupted" error when a stop was asked for.
    public func check() throws(Diagnostic) {
        if isRequested() { throw Diagnostic(.interrupted, "interrupted") }
    }
}
