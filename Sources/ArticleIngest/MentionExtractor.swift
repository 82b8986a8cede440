import FactStore

/// Turns an article's sentences into mentions: every number with its qualifier, the noun it
/// counts, the verb and event it belongs to, the day it refers to and who said it.
///
/// Rule-based, with no model and no network, as a short pipeline of passes over each sentence
/// — numbers and qualifiers (`NumberPass`), units (`UnitPass`), events (`EventPass`), time
/// (`TimePass`), attribution (`AttributionPass`) — each small and tested on its own, all
/// reading one vocabulary (`Vocabulary`). Every rule is a pattern of the language, never of
/// one report.
public struct MentionExtractor {
    public let articleDate: Day?

    public init(articleDate: Day?) { self.articleDate = articleDate }

    /// Mentions of every sentence, in order; `sentences[0]` is sentence 1.
    public func extract(_ sentences: [String]) -> [Mention] {
        var time = TimePass(articleDate: articleDate)
        var attribution = AttributionPass()
        var mentions: [Mention] = []
        var named: [String?] = []
        for (offset, text) in sentences.enumerated() {
            let tokens = WordTokenizer.tokenize(text)
            let sentence = SentenceContext(text: text, tokens: tokens, times: time.times(in: tokens))
            var drafts = NumberPass.find(in: sentence)
            UnitPass.assign(&drafts, in: sentence, previousUnit: mentions.last?.unit)
            EventPass.assign(&drafts, in: sentence)
            EventPass.shareCoordinatedVerbs(&drafts, in: sentence)
            time.assign(&drafts, in: sentence)
            named.append(attribution.assign(&drafts, in: sentence))
            for draft in drafts {
                mentions.append(
                    Mention(
                        value: draft.span.value, qualifier: draft.qualifier, upper: draft.span.upper, unit: draft.unit, verb: draft.verb,
                        event: draft.verb.map(EventClasses.event(for:)), date: draft.date, dateEnd: draft.dateEnd, attributedTo: draft.attributedTo,
                        text: sentence.text(from: draft.start, to: draft.span.tokens.upperBound - 1), sentence: offset + 1))
            }
        }
        let quoted = QuotedSpeech.speakers(of: sentences, named: named)
        for index in mentions.indices where mentions[index].attributedTo == nil {
            mentions[index].attributedTo = quoted[mentions[index].sentence - 1]
        }
        return mentions
    }
}
