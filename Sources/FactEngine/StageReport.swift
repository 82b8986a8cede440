/// How one pipeline stage went, for `.explain`.
public struct StageReport: Sendable {
    public var text: String
    public var rowsOut: Int
    public var duration: Duration
}
