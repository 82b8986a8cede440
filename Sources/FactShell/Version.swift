/// The version `--version` and the banner print.
public enum FactshVersion {
    public static let current = "0.1.0"
}
