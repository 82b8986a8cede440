/// The word lists the extractor reads: number words, qualifiers, units of time, event verbs
/// and nouns, reporting verbs. Kept in one place so a newcomer can extend the vocabulary
/// without touching the rules.
/// The parts a word can play, so the scanners ask one question per word instead of many.
struct WordRoles: OptionSet, Sendable {
    let rawValue: UInt8
    /// A number written in words can start with it ("three", "a", "dozens").
    static let numberStart = WordRoles(rawValue: 1)
    /// A time expression can start with it ("Friday", "overnight", "last").
    static let timeStart = WordRoles(rawValue: 2)
    /// It can introduce an attribution ("said", "according", "put").
    static let attribution = WordRoles(rawValue: 4)
}

enum Lexicon {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    ]
    /// Vague amounts and the lower bound each stands for ("dozens" is at least 24).
    static let vague: [String: Double] = [
        "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000, "billions": 2_000_000_000,
    ]
    /// `a dozen` and the like: exact amounts written as nouns.
    static let collective: [String: Double] = ["dozen": 12, "score": 20]
    /// Currency signs written before a number, and the unit they stand for.
    static let currencies: [String: String] = ["$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₴": "hryvnias", "₽": "roubles"]

    /// Qualifier phrases before a number, longest first.
    static let qualifierPrefixes: [(words: [String], qualifier: QualifierWord)] = [
        (["at", "least"], .atLeast), (["no", "fewer", "than"], .atLeast), (["no", "less", "than"], .atLeast),
        (["a", "minimum", "of"], .atLeast), (["upwards", "of"], .moreThan), (["in", "excess", "of"], .moreThan),
        (["more", "than"], .moreThan), (["over"], .moreThan), (["above"], .moreThan), (["exceeding"], .moreThan),
        (["at", "most"], .atMost), (["up", "to"], .atMost), (["a", "maximum", "of"], .atMost), (["no", "more", "than"], .atMost),
        (["fewer", "than"], .fewerThan), (["less", "than"], .fewerThan), (["under"], .fewerThan), (["below"], .fewerThan),
        (["nearly"], .nearly), (["almost"], .nearly), (["close", "to"], .nearly), (["just", "under"], .nearly), (["just", "shy", "of"], .nearly),
        (["about"], .about), (["around"], .about), (["roughly"], .about), (["approximately"], .about), (["some"], .about),
        (["an", "estimated"], .about), (["estimated"], .about), (["circa"], .about), (["reportedly"], .exact),
    ]

    enum QualifierWord { case exact, atLeast, atMost, about, nearly, moreThan, fewerThan }

    /// Words that make a number a length of time, not a count ("three years", "48 hours").
    static let timeUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades", "century", "centuries", "night", "nights", "weekend", "weekends",
    ]

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]

    /// Light verbs: they govern a number right after them ("made 17 arrests") but say too
    /// little to be an event anywhere else ("made it the largest").
    static let lightVerbs: [String: String] = [
        "made": "make", "make": "make", "makes": "make", "gave": "give", "give": "give", "gives": "give",
        "had": "have", "has": "have", "have": "have", "got": "get", "get": "get", "saw": "see", "sees": "see",
    ]

    /// Words that make a number after them a reference, not a count, when nothing is counted
    /// ("call 101", "reference 2231").
    static let referenceWords: Set<String> = ["call", "dial", "reference", "ref", "case", "phone", "extension", "ext", "code", "number", "no"]

    /// Words that say a sentence speaks of what is to come, so "on Monday" is the next Monday.
    static let futureMarkers: Set<String> = ["will", "due", "expected", "scheduled", "set", "next", "plans", "planned", "upcoming", "shall"]

    /// Words before a number that make it a label, not a count ("Flight 17", "No. 5").
    static let labelWords: Set<String> = [
        "no", "number", "article", "flight", "resolution", "section", "chapter", "room", "route", "highway", "unit",
        "level", "phase", "page", "line", "gate", "platform", "block", "building", "apartment", "house", "road",
        "channel", "episode", "season", "version", "model", "type", "code", "district", "precinct", "ward", "grade", "class",
    ]

    /// Event verbs and nouns in their surface forms, each with the lemma factsh records.
    /// Synonyms map to one event: "freed" and "handed over" are both `release`.
    static let events: [String: String] = {
        var table: [String: String] = [:]
        func add(_ lemma: String, _ forms: [String]) { for form in forms { table[form] = lemma } }
        add("release", ["release", "releases", "released", "releasing", "freed", "frees", "freeing", "repatriated"])
        add("kill", ["kill", "kills", "killed", "killing", "died", "die", "dies", "perished", "slain"])
        add("injure", ["injure", "injures", "injured", "injuring", "wounded", "wound", "hurt"])
        add("launch", ["launch", "launches", "launched", "launching", "fired", "fires", "firing"])
        add("intercept", ["intercept", "intercepts", "intercepted", "intercepting"])
        add("destroy", ["destroy", "destroys", "destroyed", "destroying"])
        add("swap", ["swapped", "exchanged"])
        add("control", ["controls", "controlled", "occupies", "occupied", "holds", "held"])
        add("damage", ["damaged", "damages", "damaging"])
        add("take", ["take", "takes", "taken", "took", "taking"])
        add("capture", ["capture", "captured", "captures", "seized", "seize"])
        add("arrest", ["arrest", "arrested", "arrests"])
        add("detain", ["detained", "detain", "detains"])
        add("evacuate", ["evacuate", "evacuated", "evacuating"])
        add("flee", ["fled", "flee", "fleeing"])
        add("rescue", ["rescue", "rescued", "rescuing"])
        add("hit", ["hit", "struck"])
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
        add("hospitalize", ["hospitalized", "hospitalised", "hospitalize"])
        add("miss", ["missing"])
        add("build", ["built", "build", "builds"])
        add("pay", ["paid", "pay", "pays"])
        add("sell", ["sold", "sell", "sells"])
        add("buy", ["bought", "buy", "buys"])
        add("bring", ["brought", "bring", "brings"])
        return table
    }()

    /// Plurals that do not end in -s; like other plurals they end the counted noun phrase.
    static let irregularPlurals: Set<String> = [
        "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "sheep", "fish", "feet", "teeth",
        "mice", "geese", "persons", "dead", "injured", "wounded", "missing", "elderly", "displaced",
    ]

    /// Common verbs in their present forms, which end a noun phrase ("Eleven people remain missing").
    static let presentVerbs: Set<String> = [
        "remain", "remains", "stand", "stands", "face", "faces", "need", "needs", "live", "lives", "include", "includes",
        "continue", "continues", "seem", "seems", "appear", "appears", "come", "comes", "go", "goes", "get", "gets", "make",
        "makes", "take", "takes", "give", "gives", "know", "knows", "want", "wants", "stay", "stays", "wait", "wait", "lie", "lies",
        "do", "does", "did", "become", "becomes", "became",
    ]

    /// Verbs that take a particle to make one event: "shot down", "handed over".
    static let phrasalEvents: [String: [String: String]] = [
        "shot": ["down": "shoot down"], "shoot": ["down": "shoot down"], "shoots": ["down": "shoot down"], "shooting": ["down": "shoot down"],
        "downed": ["": "shoot down"], "handed": ["over": "release", "back": "release"], "hand": ["over": "release"],
        "brought": ["home": "release", "back": "release"], "came": ["home": "release", "back": "release"],
        "taken": ["prisoner": "capture", "captive": "capture"], "pushed": ["back": "push back"], "carried": ["out": "carry out"],
        "carry": ["out": "carry out"], "called": ["up": "mobilize"], "wiped": ["out": "wipe out"], "set": ["up": "set up", "free": "release"],
    ]

    /// Reporting verbs that only introduce speech ("said"); others ("confirmed 214 cases",
    /// "estimated the crowd at") can also govern the number itself.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "wrote", "writes", "saying", "adding", "noting",
        "insisted", "warned", "explained", "posted", "tweeted", "declared", "show", "shows", "showed",
    ]

    /// Words that end the search for a number's verb to its left: a new clause or phrase starts.
    static let clauseOpeners: Set<String> = [
        "with", "while", "whereas", "after", "before", "when", "because", "although", "though", "but", "if", "unless", "whether",
    ]

    /// Verbs that report what someone said.
    static let reportingVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "claimed", "claims", "claim", "noted", "notes", "added", "adds", "wrote", "writes",
        "reported", "reports", "announced", "announces", "stated", "states", "confirmed", "confirms", "estimated", "estimates",
        "insisted", "insists", "warned", "warns", "explained", "explains", "posted", "posts", "tweeted", "declared", "declares",
        "acknowledged", "acknowledges", "alleged", "alleges", "asserted", "asserts", "noting", "saying", "adding", "claiming",
        "show", "shows", "showed", "indicate", "indicates", "indicated",
        "recorded", "records", "registered", "measured",
    ]

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
        "not", "no", "yet", "then", "there", "here", "now", "ago", "earlier", "later", "overnight", "today", "yesterday",
    ]

    /// Titles of people: a name is read after the last of them ("Interior Minister Ali
    /// Yerlikaya" → Ali Yerlikaya), while "Interior Ministry" is a body and stays whole.
    static let titles: Set<String> = [
        "president", "minister", "general", "gen", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain",
        "capt", "sergeant", "mr", "mrs", "ms", "dr", "mayor", "governor", "gov", "senator", "sen", "spokesperson", "spokesman",
        "spokeswoman", "secretary", "chancellor", "commander", "chief", "king", "queen", "prince", "pope", "admiral", "marshal",
        "ambassador", "envoy", "director", "chairman", "chairwoman", "chair", "premier", "officer", "judge", "prosecutor",
        "superintendent", "inspector", "constable", "detective", "commissioner", "sheriff", "brigadier", "corporal", "private",
    ]

    /// The roles of every word that has one.
    static let roles: [String: WordRoles] = {
        var roles: [String: WordRoles] = [:]
        for word in ["a", "an", "tens"] + Array(units.keys) + Array(tens.keys) + Array(vague.keys) { roles[word, default: []].insert(.numberStart) }
        for word in ["yesterday", "today", "tonight", "now", "currently", "overnight", "last", "this", "past", "weekend"] + Array(months.keys) + Array(weekdays.keys) {
            roles[word, default: []].insert(.timeStart)
        }
        for word in Array(reportingVerbs) + ["according", "put", "puts", "putting"] { roles[word, default: []].insert(.attribution) }
        return roles
    }()

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "gen", "col", "lt", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "nos", "vs", "etc",
        "gov", "sen", "rep", "rev", "adm", "cmdr", "cpl", "pvt", "approx", "est", "dept", "corp", "inc", "ltd", "co", "fig",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "al", "mt", "ft",
    ]
}
