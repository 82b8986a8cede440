import FactStore

/// A number on its way to becoming a mention. The passes run in order — numbers and
/// qualifiers, units, events, time, attribution — and each fills in what it knows.
struct MentionDraft {
    var span: NumberSpan
    var qualifier: Qualifier
    /// The token where the mention's words start: the qualifier before the number, if any.
    var start: Int
    var unit: String?
    /// The token after the counted noun phrase (or after the number when there is none).
    var unitEnd: Int
    /// The verb's dictionary form, and the token it was read from.
    var verb: String?
    var verbPosition: Int?
    var date: Day?
    var dateEnd: Day?
    var attributedTo: String?

    init(span: NumberSpan, qualifier: Qualifier, start: Int) {
        self.span = span
        self.qualifier = qualifier
        self.start = start
        unitEnd = span.tokens.upperBound
    }
}
