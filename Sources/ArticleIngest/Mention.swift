import FactStore

/// A number found in an article, with what the text says about it.
public struct Mention: Sendable, Equatable {
    public var value: Double
    public var qualifier: Qualifier
    /// The top of a range.
    public var upper: Double?
    /// What is counted, lower case: `drones`, `people`, `cities and villages`, `percent`.
    public var unit: String?
    /// The verb or event noun the number belongs to, in its dictionary form: `free`, `die`,
    /// `shoot down`, `release` (from "the release of").
    public var verb: String?
    /// The class of that verb (`EventClasses`): `kill` for died, killed, dead, death toll;
    /// `release` for freed, handed over; a verb in no class is its own.
    public var event: String?
    public var date: Day?
    public var dateEnd: Day?
    public var attributedTo: String?
    /// The words of the number as written, qualifier included ("at least 12").
    public var text: String
    /// 1-based number of the sentence in the article.
    public var sentence: Int

    public var quantity: Quantity { Quantity(value, qualifier, upper: upper) }
}
