/// Why a PostgreSQL operation failed, as one line the user reads: libpq's or the server's
/// reason, with the connection shown without its password.
public struct PostgresFailure: Error, Sendable {
    public var message: String
    /// The server is gone: the shell says so and that `.open` reconnects.
    public var lostConnection = false
    /// For a failed `COPY`: the line of the copied data at fault, from the server's context.
    public var copyLine: Int?

    public init(message: String, lostConnection: Bool = false, copyLine: Int? = nil) {
        self.message = message
        self.lostConnection = lostConnection
        self.copyLine = copyLine
    }
}
