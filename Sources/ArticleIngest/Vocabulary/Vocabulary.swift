import FactStore

/// The parts a word can play, so the scanners ask one question per word instead of many.
struct WordRoles: OptionSet, Sendable {
    let rawValue: UInt32
    /// A number written in words can start with it ("three", "a", "dozens").
    static let numberStart = WordRoles(rawValue: 1)
    /// A time expression can start with it ("Friday", "overnight", "last").
    static let timeStart = WordRoles(rawValue: 2)
    /// It can introduce an attribution ("said", "according", "put").
    static let attribution = WordRoles(rawValue: 4)
    /// A time expression relative to the narrative can start with it ("a", "the", "three")…
    static let relativeTimeStart = WordRoles(rawValue: 8)
    /// …when the next word is one of these ("day", "previous", "night", "months").
    static let relativeTimeSecond = WordRoles(rawValue: 16)
    // Membership in the word lists the passes test word by word, looked up once per token:
    /// `Vocabulary.phraseStops`
    static let phraseStop = WordRoles(rawValue: 1 << 5)
    /// `Vocabulary.reportingVerbs`
    static let reportingVerb = WordRoles(rawValue: 1 << 6)
    /// `Vocabulary.speechVerbs`
    static let speechVerb = WordRoles(rawValue: 1 << 7)
    /// `Vocabulary.presentVerbs`
    static let presentVerb = WordRoles(rawValue: 1 << 8)
    /// A number word: `Vocabulary.units`, `tens` or `scales`.
    static let numberWord = WordRoles(rawValue: 1 << 9)
    /// `Vocabulary.events` (a known event verb form)
    static let eventVerb = WordRoles(rawValue: 1 << 10)
    /// `Vocabulary.phrasalEvents`
    static let phrasalVerb = WordRoles(rawValue: 1 << 11)
    /// `Vocabulary.eventNounForms`
    static let eventNounForm = WordRoles(rawValue: 1 << 12)
    /// `Vocabulary.auxiliaries`
    static let auxiliary = WordRoles(rawValue: 1 << 13)
    /// `Vocabulary.futureTense` or `Vocabulary.presentStateWords`: the sentence narrates nothing.
    static let notNarrating = WordRoles(rawValue: 1 << 14)
    /// `Vocabulary.clauseOpeners`
    static let clauseOpener = WordRoles(rawValue: 1 << 15)
}

/// Every word list the extractor reads — number words, units of time, event verbs and nouns,
/// reporting verbs, titles, words that end a phrase — in one place, so a newcomer extends the
/// vocabulary without touching the rules. Qualifier phrases and vague amounts are shared with
/// data files and the query language (`QualifierPhrases`, in FactStore); verb forms come from
/// WordNet (`VerbDictionary`); event classes from `EventClasses`.
enum Vocabulary {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000
    ]
    /// One-word vague amounts and the lower bound each stands for ("dozens" is at least 24).
    static let vague: [String: Double] = Dictionary(
        QualifierPhrases.vagueAmounts.filter { $0.words.count == 1 }.map { ($0.words[0], $0.value) }, uniquingKeysWith: { first, _ in first })
    /// Abbreviated scales glued to or written after a sum of money ("€25m", "$3.4bn", "£2 bn").
    static let scaleAbbreviations: [String: Double] = ["m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000, "k": 1000]
    /// Fractions written before "a million": "half a million", "a quarter of a million".
    static let fractions: [String: Double] = ["half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1.0 / 3, "thirds": 1.0 / 3]
    /// Words a fraction of a number can start with.
    static let fractionStarts: Set<String> = Set(["a", "one", "three"]).union(fractions.keys)
    /// First words of the vague amounts of more than one word ("tens of thousands", "a handful").
    static let longVagueStarts = Set(QualifierPhrases.vagueAmounts.filter { $0.words.count > 1 }.map { $0.words[0] })
    /// Words that start a time expression relative to the narrated event ("a day earlier",
    /// "the next day", "through the night", "the first quarter", "three days ago").
    static let relativeTimeStarts: Set<String> = Set(["a", "the", "through", "during", "first", "second", "third", "fourth", "full"]).union(units.keys)
    /// The periods of a company's accounts written as one word: "first-half profit", "full-year sales".
    static let accountsPeriodWords: Set<String> = ["first-half", "second-half", "half-year", "full-year"]
    /// Words of a match, where "the first half" is of the game, not of the year.
    static let matchWords = playWords.union(["goal", "goals", "half-time", "penalty", "kick-off", "minute", "whistle", "referee", "fans", "spectators", "viewers"])
    /// `a dozen` and the like: exact amounts written as nouns.
    static let collective: [String: Double] = ["dozen": 12, "score": 20]
    /// Currency signs written before a number, and the unit they stand for.
    static let currencies: [String: String] = ["$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₴": "hryvnias", "₽": "roubles"]
    /// Currency codes written before a number ("NOK 180,000", "USD 2m"), upper case in the text.
    static let currencyCodes: [String: String] = [
        "USD": "dollars", "US$": "dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "CHF": "francs", "NOK": "kroner",
        "SEK": "kronor", "DKK": "kroner", "INR": "rupees", "Rs": "rupees", "UAH": "hryvnias", "RUB": "roubles", "PLN": "zlotys",
        "CNY": "yuan", "AUD": "dollars", "CAD": "dollars"
    ]
    /// Units that are money, signed or written out: "€300", "4.2 billion crowns".
    static let moneyUnits = Set(currencies.values).union(currencyCodes.values).union([
        "crowns", "lei", "francs", "pesos", "dinars", "shekels", "lira", "rand", "won", "naira", "ringgit", "baht", "rupiah", "forints", "pence", "cents"
    ])
    /// Units of measure: a counted phrase ends with one ("60 km away").
    static let measures: Set<String> = [
        "km", "kilometres", "kilometers", "miles", "metres", "meters", "m", "cm", "mm", "kg", "kilograms", "tonnes", "tons", "hectares",
        "acres", "litres", "liters", "mph", "km/h", "feet", "ft", "inches", "degrees"
    ]

    /// Qualifier phrases before a number, longest first: the shared table, and "reportedly",
    /// which qualifies nothing but belongs to the number's words.
    static let qualifierPrefixes: [(words: [String], qualifier: Qualifier)] = QualifierPhrases.prefixes + [(["reportedly"], .exact)]

    /// The last word of every qualifier phrase, to test one token before looking further.
    static let qualifierEndings = Set(qualifierPrefixes.map { $0.words.last! })

    /// Words that make a number a length of time, not a count ("three years", "48 hours").
    static let timeUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades", "century", "centuries", "night", "nights", "weekend", "weekends"
    ]

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12
    ]

    static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6
    ]

    /// Light verbs: they govern a number right after them ("made 17 arrests") but say too
    /// little to be an event anywhere else ("made it the largest").
    static let lightVerbs: [String: String] = [
        "made": "make", "make": "make", "makes": "make", "gave": "give", "give": "give", "gives": "give",
        "got": "get", "get": "get", "saw": "see", "sees": "see"
    ]

    /// Words that make a number after them a reference, not a count, when nothing is counted
    /// ("call 101", "reference 2231").
    static let referenceWords: Set<String> = ["call", "dial", "reference", "ref", "case", "phone", "extension", "ext", "code", "number", "no"]

    /// Words that say a sentence speaks of what is to come, so "on Monday" is the next Monday.
    /// "Forecasters expect highs of 38 degrees on Friday": expecting and predicting look ahead.
    static let futureMarkers: Set<String> = ["will", "would", "could", "next", "upcoming", "shall", "expect", "expects", "predict", "predicts", "anticipate", "anticipates"]

    /// Words that speak of what is to come only before "to": "is due to open", "plans to",
    /// "pledged to hold" — while "pledged $75 million on Tuesday" tells of a past act.
    static let futureBeforeTo: Set<String> = [
        "due", "expected", "scheduled", "set", "plans", "planned", "promised", "pledged", "going", "expect", "expects", "forecast", "forecasts", "hope", "hopes",
        "aims", "intends", "wants"
    ]

    /// Words that make a whole sentence about the future, so it narrates no past event: fewer
    /// than `futureMarkers`, since "plans" and "set" are nouns and past forms too.
    static let futureTense: Set<String> = ["will", "shall", "next", "upcoming", "won't"]

    /// Words of a match before a score ("lost 1-3", "drew 2-2"), with the event of the score
    /// where they name one ("a 34-32 victory" is a win).
    static let playEvents: [String: String] = [
        "beat": "beat", "beats": "beat", "beating": "beat", "won": "win", "win": "win", "wins": "win", "winning": "win", "victory": "win",
        "lost": "lose", "lose": "lose", "loses": "lose", "losing": "lose", "defeat": "lose", "drew": "draw", "draw": "draw", "draws": "draw",
        "drawing": "draw", "defeated": "defeat", "defeats": "defeat", "scored": "score", "led": "lead", "leading": "lead", "trailed": "trail",
        "trailing": "trail"
    ]
    static let playWords = Set(playEvents.keys).union(["score", "final", "match", "game"])

    /// Words before a number that make it a label, not a count ("Flight 17", "No. 5").
    static let labelWords: Set<String> = [
        "no", "number", "article", "flight", "resolution", "section", "chapter", "room", "route", "highway", "unit",
        "level", "phase", "page", "line", "gate", "platform", "block", "building", "apartment", "house", "road",
        "channel", "episode", "season", "version", "model", "type", "code", "district", "precinct", "ward", "grade", "class",
        "row", "seat", "category", "exit", "junction", "terminal", "stage", "pier", "carriage", "bay", "box", "article", "paragraph"
    ]

    /// Verbs that events in the news are told with, in their surface forms, each with its
    /// dictionary form. Knowing them marks a word as a verb where a noun would fit too
    /// ("killed", "hurt", "struck"); `EventClasses` groups the lemmas into events.
    static let events: [String: String] = {
        var table: [String: String] = [:]
        func add(_ lemma: String, _ forms: [String]) { for form in forms { table[form] = lemma } }
        add("release", ["release", "releases", "released", "releasing"])
        add("free", ["freed", "frees", "freeing"])
        add("repatriate", ["repatriated", "repatriates"])
        add("return", ["returned"])
        add("kill", ["kill", "kills", "killed", "killing"])
        add("die", ["died", "die", "dies", "dying"])
        add("perish", ["perished", "perish"])
        add("slay", ["slain"])
        add("injure", ["injure", "injures", "injured", "injuring"])
        add("wound", ["wounded", "wound"])
        add("hurt", ["hurt"])
        add("launch", ["launch", "launches", "launched", "launching"])
        add("fire", ["fired", "fires", "firing"])
        add("intercept", ["intercept", "intercepts", "intercepted", "intercepting"])
        add("destroy", ["destroy", "destroys", "destroyed", "destroying"])
        add("swap", ["swapped"])
        add("exchange", ["exchanged"])
        add("control", ["controls", "controlled"])
        add("occupy", ["occupies", "occupied"])
        add("hold", ["holds", "held"])
        add("damage", ["damaged", "damages", "damaging"])
        add("take", ["take", "takes", "taken", "took", "taking"])
        add("capture", ["capture", "captured", "captures"])
        add("seize", ["seized", "seize"])
        add("arrest", ["arrest", "arrested", "arrests"])
        add("detain", ["detained", "detain", "detains"])
        add("evacuate", ["evacuate", "evacuated", "evacuating"])
        add("flee", ["fled", "flee", "fleeing"])
        add("rescue", ["rescue", "rescued", "rescuing"])
        add("hit", ["hit"])
        add("strike", ["struck"])
        add("attack", ["attacked", "attacking"])
        add("send", ["send", "sent", "sends", "sending"])
        add("win", ["win", "wins", "won", "winning"])
        add("lose", ["lose", "loses", "lost", "losing"])
        add("cast", ["cast", "casts"])
        add("rise", ["rose", "rise", "rises", "risen", "rising"])
        add("grow", ["grew", "grow", "grows", "grown", "growing"])
        add("fall", ["fell", "fall", "falls", "fallen", "falling"])
        add("cost", ["cost", "costs", "costing"])
        add("spend", ["spend", "spent", "spends", "spending"])
        add("stick", ["stuck"])
        add("cut", ["cut", "cuts"])
        add("shut", ["shut", "shuts"])
        add("spread", ["spread", "spreads"])
        add("keep", ["kept"])
        add("lead", ["led"])
        add("fight", ["fought"])
        add("catch", ["caught"])
        add("meet", ["met"])
        add("find", ["found"])
        add("shoot", ["shot"])
        add("break", ["broke", "broken"])
        add("choose", ["chose", "chosen"])
        add("drive", ["drove", "driven"])
        add("fly", ["flew", "flown"])
        add("steal", ["stole", "stolen"])
        add("hospitalize", ["hospitalized", "hospitalize"])
        add("hospitalise", ["hospitalised"])
        add("miss", ["missing"])
        add("build", ["built", "build", "builds"])
        add("pay", ["paid", "pay", "pays"])
        add("sell", ["sold", "sell", "sells"])
        add("buy", ["bought", "buy", "buys"])
        add("bring", ["brought", "bring", "brings"])
        add("total", ["totalled", "totaled", "totals", "totalling", "totaling"])
        add("include", ["include", "includes", "included"])
        add("treat", ["treated"])
        add("raise", ["raised", "raises"])
        add("receive", ["received", "receives"])
        add("displace", ["displaced"])
        add("cancel", ["cancelled", "canceled", "cancels"])
        add("vote", ["voted", "votes"])
        return table
    }()

    /// Plurals that do not end in -s; like other plurals they end the counted noun phrase.
    static let irregularPlurals: Set<String> = [
        "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "sheep", "fish", "feet", "teeth",
        "mice", "geese", "persons", "dead", "injured", "wounded", "missing", "elderly", "displaced"
    ]

    /// Common verbs in their present forms, which end a noun phrase ("Eleven people remain missing").
    static let presentVerbs: Set<String> = [
        "remain", "remains", "stand", "stands", "face", "faces", "need", "needs", "include", "includes",
        "continue", "continues", "seem", "seems", "appear", "appears", "come", "comes", "go", "goes", "get", "gets", "make",
        "makes", "take", "takes", "give", "gives", "know", "knows", "want", "wants", "stay", "stays", "wait", "wait", "lie", "lies",
        "do", "does", "did", "become", "becomes", "became"
    ]

    /// Verbs that take no object, so that their past form after a noun is the noun's own verb,
    /// never a participle describing it ("five residents died", against "people jailed").
    static let intransitiveVerbs: Set<String> = [
        "die", "arrive", "happen", "occur", "remain", "stay", "fall", "rise", "go", "come", "disappear", "drown", "perish", "vanish", "sleep", "live"
    ]
    /// Words before "group" that make it a body of people, not a business: "the consumer group
    /// Bilagarna", "the campaign group Clean Rivers".
    static let nonBusinessGroups: Set<String> = [
        "consumer", "consumers", "campaign", "pressure", "lobby", "advocacy", "rights", "residents", "patients", "environmental", "industry", "trade",
        "action", "support", "parents", "community", "opposition", "rebel", "armed", "militant", "ethnic", "research"
    ]

    /// Nouns that can stand for any body, whatever its name ends in: "the Joint Relief
    /// Office ... the agency said".
    static let genericBodyNouns: Set<String> = ["agency", "group", "organisation", "organization", "charity", "body", "ngo"]

    /// Words that end the name of a public body, never a business's.
    static let publicBodyWords: Set<String> = [
        "ministry", "police", "government", "council", "army", "court", "agency", "service", "department", "inspectorate", "directorate",
        "secretariat", "tribunal", "parliament", "assembly", "senate", "congress", "observatory", "alliance", "coalition", "network", "society",
        "trust", "foundation", "league", "movement", "committee", "commission", "authority", "authorities", "union", "organisation",
        "organization", "institute", "association", "federation", "party", "cross", "crescent", "nations", "fund", "programme", "program",
        "board", "bureau", "hospital", "university", "brigade", "command", "coastguard", "military", "navy", "office", "force", "forces", "guard"
    ]

    /// Words that follow a counted noun as a verb's particle or an adverb of place.
    static let adverbialParticles: Set<String> = ["off", "out", "away", "back", "aboard", "ashore", "overboard", "abroad", "apiece", "onboard"]

    /// The day and its parts, each a day away in "the next morning", "the evening before".
    static let partsOfDay: Set<String> = ["day", "morning", "afternoon", "evening"]

    /// Verbs whose past is their base form ("A drone hit a depot", "the firm cut 40 jobs"):
    /// WordNet lists no exception for them, so only their place tells the past.
    static let unchangedPastForms: Set<String> = [
        "hit", "cut", "put", "set", "shut", "cost", "let", "hurt", "spread", "burst", "cast", "quit", "split", "shed", "bid", "broadcast",
        "forecast", "upset", "thrust", "beat"
    ]

    /// Prepositions before a whole that something is in, at or part of.
    static let wholePrepositions: Set<String> = ["of", "in", "at", "on", "across", "among", "throughout"]
    /// Prepositions of where things are.
    static let placePrepositions: Set<String> = ["in", "at", "across", "throughout"]

    /// Verbs of going somewhere, whose event reaches the people or things that go along "with"
    /// them: "the train left with 1,100 passengers", "went into the water with four friends".
    static let travelVerbs: Set<String> = [
        "leave", "go", "arrive", "depart", "sail", "travel", "return", "come", "land", "dock", "head", "fly", "walk", "flee", "cross", "enter",
        "reach", "drive", "swim"
    ]
    /// Verbs that take a particle to make one event ("shot down", "handed over"), with the
    /// phrasal verb's dictionary form; `""` is a verb that is an event on its own ("downed").
    static let phrasalEvents: [String: [String: String]] = [
        "shot": ["down": "shoot down"], "shoot": ["down": "shoot down"], "shoots": ["down": "shoot down"], "shooting": ["down": "shoot down"],
        "downed": ["": "down"], "handed": ["over": "hand over", "back": "hand back"], "hand": ["over": "hand over"],
        "came": ["home": "come home", "back": "come back"],
        "taken": ["prisoner": "take prisoner", "captive": "take captive"], "pushed": ["back": "push back"], "carried": ["out": "carry out"],
        "carry": ["out": "carry out"], "called": ["up": "call up"], "wiped": ["out": "wipe out"], "set": ["up": "set up", "free": "set free"],
        "make": ["up": "make up"], "makes": ["up": "make up"], "made": ["up": "make up"], "took": ["part": "take part"], "take": ["part": "take part"],
        "takes": ["part": "take part"], "accounted": ["for": "account for"], "account": ["for": "account for"], "accounts": ["for": "account for"],
        "brought": ["in": "bring in", "home": "bring home", "back": "bring back"], "bring": ["in": "bring in"]
    ]

    /// Verbs whose particle "over" gives something up ("handed over 106 men", "turned over
    /// 40 files"): the "over" after them is no "more than".
    static let verbsGivingOver: Set<String> = [
        "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "sign", "signs", "signed", "signing"
    ]

    /// Possessives in "lost their lives", which is a death, not a loss.
    static let lifeOwners: Set<String> = ["their", "his", "her", "its"]

    /// What data "shows" or "indicates": evidence, not another source after a verb of saying.
    static let evidenceVerbs: Set<String> = ["show", "shows", "showed", "indicate", "indicates", "indicated"]

    /// Reporting verbs that only introduce speech ("said"); others ("confirmed 214 cases",
    /// "estimated the crowd at") can also govern the number itself.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "wrote", "writes", "saying", "adding", "noting",
        "insisted", "insist", "insists", "warned", "warn", "warns", "explained", "posted", "tweeted", "declared", "show", "shows", "showed",
        "ruled", "conceded", "concedes", "argued", "argues", "stressed", "stresses", "cautioned", "complained", "boasted"
    ]

    /// Verbs of writing that take a count as their object ("wrote 500 letters", "posted 40
    /// videos") as well as introducing speech.
    static let writingVerbs: Set<String> = ["wrote", "writes", "write", "posted", "posts"]

    /// Past participles spelled like their verb ("had quit", "were hit"), which no suffix shows.
    static let sameFormParticiples: Set<String> = [
        "quit", "hit", "cut", "put", "set", "shut", "spread", "cost", "hurt", "let", "split", "shed", "bid", "burst", "cast",
        "broadcast", "forecast", "upset", "bet", "read", "beat", "run", "come", "become"
    ]

    /// Words after which a verb stands in its base form ("would review", "to spend").
    static let modals: Set<String> = ["will", "would", "could", "can", "may", "might", "must", "should", "shall", "to"]

    /// Verbs that link a subject to a state and are no event ("remain missing", "stay closed").
    static let copulas: Set<String> = ["remain", "stay", "be", "seem", "appear", "become", "look", "feel", "sound", "keep"]

    /// Words that make a "since" phrase describe a record, not the time of the number before
    /// it ("5.1%, its lowest level since 2008").
    static let superlatives: Set<String> = [
        "lowest", "highest", "largest", "biggest", "smallest", "worst", "best", "most", "least", "deadliest", "strongest", "weakest", "first"
    ]

    /// Words that end the search for a number's verb to its left: a new clause or phrase starts.
    static let clauseOpeners: Set<String> = [
        "with", "while", "whereas", "after", "before", "when", "because", "although", "though", "but", "if", "unless", "whether"
    ]

    /// Verbs that report what someone said.
    static let reportingVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "claimed", "claims", "claim", "noted", "notes", "added", "adds", "wrote", "writes",
        "reported", "reports", "announced", "announces", "stated", "states", "confirmed", "confirms", "estimated", "estimates",
        "insisted", "insists", "warned", "warns", "explained", "explains", "posted", "posts", "tweeted", "declared", "declares",
        "acknowledged", "acknowledges", "alleged", "alleges", "asserted", "asserts", "noting", "saying", "adding", "claiming",
        "show", "shows", "showed", "indicate", "indicates", "indicated",
        "recorded", "records", "registered", "measured", "estimate", "report", "announce", "confirm", "record", "put",
        "telling", "stating", "announcing", "confirming", "reporting", "warning", "estimating", "promised", "pledged", "vowed",
        "promises", "pledges", "vows", "counted", "counts", "expect", "expects", "warn", "insist", "predict", "predicts", "predicted",
        "ruled", "conceded", "concedes", "argued", "argues", "stressed", "stresses", "cautioned", "complained", "boasted"
    ]

    /// Verbs that give a new level to their subject: "the toll rose to 41", "stands at 81".
    static let changeVerbs: Set<String> = [
        "risen", "rose", "rise", "rises", "climbed", "climbs", "jumped", "reached", "reaches", "stands", "stood", "hit", "increased",
        "grew", "grown", "fell", "fallen", "falls", "dropped", "declined", "decreased", "soared", "surged", "totalled", "totaled", "totals"
    ]

    /// Units written with every number they belong to ("12%", "3 percentage points"), so never
    /// carried to a bare number that follows.
    static let shareUnits: Set<String> = ["percent", "percentage points"]

    /// Words between a noun and its verb that the verb search steps over ("were reportedly killed").
    static let auxiliaries: Set<String> = [
        "were", "was", "have", "has", "had", "been", "being", "be", "are", "is", "reportedly", "also", "all", "later", "initially",
        "now", "already", "still", "then", "not"
    ]

    /// Verb forms that are nouns just as often ("a pay rise", "the cost").
    static let nounsToo: Set<String> = [
        "rise", "fall", "cost", "release", "return", "control", "swap", "strike", "hit", "attack", "launch", "fire", "damage",
        "exchange", "increase", "decrease", "drop", "decline", "arrest", "capture", "rescue", "win", "loss", "pay", "hold", "take",
        "total", "vote", "votes", "cut", "cuts", "record"
    ]

    /// Event words that are nouns in a counted phrase ("300 deaths", "5 strikes", "12 attacks").
    static let eventNounForms: Set<String> = [
        "deaths", "fatalities", "injuries", "strikes", "attacks", "exchanges", "swaps", "raids", "wounds", "hits", "arrests", "votes",
        "cuts"
    ]

    /// Nouns after a body that name its figures, not the body ("IOM figures", "ministry data").
    static let sourceNouns: Set<String> = [
        "figures", "data", "statistics", "estimates", "estimate", "numbers", "records", "report", "count", "tally", "bulletin", "update", "statement", "website"
    ]

    /// Words that end like verb forms but are not ("building", "hundred", "morning").
    static let notVerbs: Set<String> = [
        "hundred", "indeed", "speed", "breed", "greed", "kindred", "sacred", "naked", "wicked", "rugged", "beloved", "learned",
        "building", "buildings", "morning", "evening", "meeting", "thing", "nothing", "something", "anything", "everything",
        "king", "ring", "spring", "string", "wing", "ceiling", "during", "according", "following", "ongoing", "funding",
        "housing", "shooting", "bombing", "shelling", "fighting", "training", "warning", "ruling", "sibling", "clothing",
        "ending", "opening", "beginning", "offering", "wedding", "landing", "spending", "heading", "feeling", "briefing",
        "red", "bed", "shed", "need", "seed", "feed", "weed", "including", "excluding", "regarding", "concerning"
    ]

    /// Words that stand for the people a number counts when the noun is left out: "7 dead".
    static let peopleAdjectives: Set<String> = ["dead", "injured", "wounded", "missing", "displaced", "hurt", "homeless"]

    /// Words that start a person's name when written before it ("Dr Ana Ruiz", "Mr Holm"); a
    /// name after one of these is a person, never an organisation.
    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"]

    /// Words in a name that make it a body, not a person ("Interior Ministry", "Red Cross").
    static let bodyWords: Set<String> = [
        "ministry", "agency", "office", "service", "services", "police", "department", "council", "committee", "commission",
        "government", "authority", "authorities", "army", "force", "forces", "guard", "court", "bank", "company", "group",
        "union", "organisation", "organization", "institute", "association", "federation", "party", "cross", "crescent",
        "nations", "fund", "programme", "program", "board", "bureau", "center", "centre", "hospital", "university", "brigade",
        "command", "coastguard", "military", "navy", "ministers", "officials", "spokesman", "spokeswoman", "spokesperson",
        "inc", "ltd", "plc", "corp", "airlines", "airline", "railways", "post", "times", "news", "press", "television", "radio",
        "motors", "coal", "chemicals", "components", "systems", "holdings", "airways", "energy", "foods", "brewing", "industries",
        "pharmaceuticals", "telecom", "steel", "mining", "logistics", "insurance", "boats", "lines", "shipping", "partners",
        "inspectorate", "directorate", "secretariat", "tribunal", "parliament", "assembly", "senate", "congress", "observatory",
        "alliance", "coalition", "network", "society", "trust", "foundation", "league", "club", "movement"
    ]

    /// Nouns for what a body publishes: "the report says" speaks for the body behind it.
    static let documentNouns: Set<String> = ["report", "survey", "study", "statement", "bulletin", "poll", "review", "figures", "data"]

    /// Units of distance, and the words after one that place something rather than count.
    static let distanceUnits: Set<String> = ["km", "kilometres", "kilometers", "miles", "mile", "metres", "meters", "m", "yards", "feet"]
    static let directions: Set<String> = [
        "away", "from", "down", "up", "north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
        "northeast", "northwest", "southeast", "southwest", "inland", "offshore", "upstream", "downstream", "outside", "beyond"
    ]

    /// Words after a length that make it a size, not a distance covered ("40 metres thick").
    static let dimensions: Set<String> = ["thick", "wide", "deep", "long", "high", "tall", "below", "above", "beneath", "underground", "underwater"]

    /// Nouns of a bound that holds whatever the day: "the speed limit is 80 km/h".
    /// Nouns of what begins and goes on, so that "since the strike began" has a day once the
    /// text has said when it began.
    static let happenings: Set<String> = [
        "strike", "walkout", "stoppage", "dispute", "outbreak", "epidemic", "blackout", "outage", "war", "conflict", "fighting", "crisis", "fire",
        "wildfire", "flood", "flooding", "drought", "heatwave", "campaign", "investigation", "inquiry", "siege", "offensive", "protest", "protests",
        "shutdown", "lockdown", "trial", "occupation", "search", "operation", "evacuation", "closure", "ceasefire", "truce", "eruption", "storm"
    ]
    /// Words of an election: a day told beside one is the day of the vote.
    static let votingWords: Set<String> = [
        "polls", "election", "elections", "vote", "voted", "voting", "ballot", "referendum", "runoff", "run-off", "by-election", "primary"
    ]
    /// Verbs of what a vessel, vehicle or building is made to take: "licensed to carry 50 people".
    static let capacityVerbs: Set<String> = ["carry", "hold", "seat", "accommodate", "house", "take", "treat", "serve"]
    /// Places whose size is their people: "Tolu, a nation of about 110,000 people".
    static let populatedPlaces: Set<String> = ["nation", "country", "city", "town", "village", "island", "islands", "region", "province", "state", "district", "community"]
    /// Verbs of a position taken in a negotiation, which holds until it changes: "the council has offered 4.5%".
    static let bargainingVerbs: Set<String> = ["offer", "demand", "seek", "want"]
    static let limitNouns: Set<String> = ["limit", "capacity", "error", "minimum", "maximum", "threshold", "ceiling", "cap", "quota"]

    /// Verbs in the present that state how things stand, so a count after them is the
    /// situation on the day reported ("Russia controls around 20 percent").
    static let statePresentVerbs: Set<String> = [
        "stands", "stand", "controls", "control", "holds", "hold", "includes", "include", "totals", "total", "number", "numbers",
        "costs", "cost", "exceeds", "exceed", "amounts", "amount", "reaches", "reach", "tops", "top"
    ]

    /// Words of a sentence that say it speaks of what is happening now, not of the event being narrated.
    static let presentStateWords: Set<String> = ["remain", "remains", "still", "currently", "now", "already"]

    /// Words that start a new clause after a comma (", and", ", while").
    static let clauseJoiners: Set<String> = ["and", "but", "while", "whereas", "although", "though", "adding", "saying"]

    /// Determiners skipped between "of" and the noun it introduces ("five of the crew").
    static let determiners: Set<String> = ["the", "its", "their", "his", "her", "those", "these", "our"]

    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]

    /// Words that end a noun phrase when reading the counted noun after a number.
    static let phraseStops: Set<String> = [
        "of", "in", "on", "at", "from", "to", "by", "with", "for", "over", "during", "across", "including", "since", "after",
        "before", "into", "near", "per", "than", "as", "and", "or", "but", "while", "that", "which", "who", "whom", "whose",
        "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could", "can", "may",
        "might", "must", "should", "said", "says", "told", "the", "a", "an", "this", "these", "those", "its", "their",
        "his", "her", "our", "each", "every", "all", "both", "more", "less", "fewer", "among", "between", "under", "through",
        "against", "around", "about", "within", "without", "also", "still", "only", "just", "so", "if", "when", "where",
        "according", "together", "each", "across", "amid", "toward", "towards", "out", "up", "down", "back", "again",
        "not", "no", "yet", "then", "there", "here", "now", "ago", "earlier", "later", "overnight", "today", "yesterday"
    ]

    /// Titles of people: a name is read after the last of them ("Interior Minister Ali
    /// Yerlikaya" → Ali Yerlikaya), while "Interior Ministry" is a body and stays whole.
    static let titles: Set<String> = [
        "president", "minister", "general", "gen", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain",
        "capt", "sergeant", "mr", "mrs", "ms", "dr", "mayor", "governor", "gov", "senator", "sen", "spokesperson", "spokesman",
        "spokeswoman", "secretary", "chancellor", "commander", "chief", "king", "queen", "prince", "pope", "admiral", "marshal",
        "ambassador", "envoy", "director", "chairman", "chairwoman", "chair", "premier", "officer", "judge", "prosecutor",
        "superintendent", "inspector", "constable", "detective", "commissioner", "sheriff", "brigadier", "corporal", "private"
    ]

    /// The roles of every word that has one.
    static let roles: [String: WordRoles] = {
        var roles: [String: WordRoles] = [:]
        for word in ["a", "an", "tens", "half", "quarter"] + QualifierPhrases.vagueAmounts.map(\.words[0]) + Array(units.keys) + Array(tens.keys) + Array(vague.keys) {
            roles[word, default: []].insert(.numberStart)
        }
        for word in relativeTimeStarts { roles[word, default: []].insert(.relativeTimeStart) }
        for word in ["day", "days", "week", "weeks", "next", "following", "previous", "preceding", "night", "morning", "afternoon", "evening", "months", "quarter", "half", "half-year", "year"]
            + Array(units.keys)
        {
            roles[word, default: []].insert(.relativeTimeSecond)
        }
        for word in ["yesterday", "today", "tonight", "now", "currently", "so", "overnight", "last", "this", "next", "past", "weekend", "midnight", "easter", "good", "christmas", "boxing", "new"]
            + Array(months.keys) + Array(weekdays.keys) + Array(accountsPeriodWords)
        {
            roles[word, default: []].insert(.timeStart)
        }
        for word in Array(reportingVerbs) + ["according", "put", "puts", "putting", "found", "finds"] { roles[word, default: []].insert(.attribution) }
        func mark(_ words: some Sequence<String>, _ role: WordRoles) { for word in words { roles[word, default: []].insert(role) } }
        mark(phraseStops, .phraseStop)
        mark(reportingVerbs, .reportingVerb)
        mark(speechVerbs, .speechVerb)
        mark(presentVerbs, .presentVerb)
        mark(Array(units.keys) + Array(tens.keys) + Array(scales.keys), .numberWord)
        mark(events.keys, .eventVerb)
        mark(phrasalEvents.keys, .phrasalVerb)
        mark(eventNounForms, .eventNounForm)
        mark(auxiliaries, .auxiliary)
        mark(futureTense.union(presentStateWords), .notNarrating)
        mark(clauseOpeners, .clauseOpener)
        return roles
    }()

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "gen", "col", "lt", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "nos", "vs", "etc",
        "gov", "sen", "rep", "rev", "adm", "cmdr", "cpl", "pvt", "approx", "est", "dept", "corp", "inc", "ltd", "co", "fig",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "al", "mt", "ft"
    ]
}
