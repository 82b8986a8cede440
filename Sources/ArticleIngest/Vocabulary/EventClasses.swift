/// Groups the many wordings of one kind of event into a class a reader can query: "died",
/// "were killed", "the death toll", "lost their lives" are all `kill`, so
/// `mentions where event = "kill"` finds every death whatever the verb. A verb outside every
/// class is its own class.
///
/// The classes (README, "Loading news reports", lists them for users):
/// - `kill`: kill, die, perish, slay, drown, dead, death, death toll, fatalities, lose one's life
/// - `injure`: injure, hurt, wound, injuries
/// - `release`: release, free, return, repatriate, exchange, swap, hand over, hand back, bring
///   home, bring back, set free
/// - `shoot down`: shoot down, intercept, down, destroy in the air
/// - `launch`: launch, fire
/// - `arrest`: arrest, detain, apprehend
/// - `rise`: rise, increase, grow, climb, jump, soar, surge, go up, rocket
/// - `fall`: fall, drop, decline, decrease, slide, slip, dip, plunge, tumble, go down, slump, shrink
/// - `cut`: cut, reduce, slash
/// - `cancel`: cancel, call off, scrap, axe
/// - `destroy`: destroy, flatten, raze
enum EventClasses {
    static let members: [String: [String]] = [
        "kill": ["kill", "die", "perish", "slay", "drown", "dead", "death", "death toll", "toll", "fatality", "lose life"],
        "injure": ["injure", "hurt", "wound", "injury"],
        "release": [
            "release", "free", "return", "repatriate", "exchange", "swap", "hand over", "hand back", "bring home",
            "bring back", "set free", "come home", "come back"
        ],
        "shoot down": ["shoot down", "intercept", "down", "destroy in the air"],
        "launch": ["launch", "fire"],
        "arrest": ["arrest", "detain", "apprehend"],
        "rise": ["rise", "increase", "grow", "climb", "jump", "soar", "surge", "go up", "rocket"],
        "fall": ["fall", "drop", "decline", "decrease", "slide", "slip", "dip", "plunge", "tumble", "go down", "slump", "shrink"],
        "cut": ["cut", "reduce", "slash"],
        "cancel": ["cancel", "call off", "scrap", "axe"],
        "destroy": ["destroy", "flatten", "raze"]
    ]

    private static let classOf: [String: String] = {
        var table: [String: String] = [:]
        for (name, verbs) in members { for verb in verbs { table[verb] = name } }
        return table
    }()

    /// The class of a verb's lemma, or the lemma itself when it is in no class. A phrasal
    /// verb that means what its verb means ("lifted out", "sold out", "flown out") is in its
    /// verb's class; one with a meaning of its own ("carried out", "called off") is its own.
    static func event(for verb: String) -> String {
        if let name = classOf[verb] { return name }
        guard let space = verb.firstIndex(of: " "), !idiomaticPhrasalVerbs.contains(verb) else { return verb }
        return event(for: String(verb[..<space]))
    }

    /// Phrasal verbs whose meaning is not their verb's: "called off 2 searches" is no calling,
    /// "carried out 40 raids" no carrying.
    static let idiomaticPhrasalVerbs: Set<String> = [
        "account for", "back down", "back up", "blow up", "bottom out", "break away", "break down", "break in", "break out", "break up",
        "bring down", "bring in", "bring up", "build up", "burn down", "call off", "call out", "call up", "carry out", "cash in", "close down",
        "come down", "come in", "come out", "come up", "cut back", "cut off", "die down", "die out", "drop out", "fend off", "fight off",
        "figure out", "find out", "give away", "give in", "give out", "give up", "go down", "go on", "go out", "go up", "hand out", "hold back",
        "hold off", "hold up", "kick off", "knock down", "knock out", "lay off", "level off", "lock down", "lock out", "lock up", "look after",
        "make up", "pass away", "pay back", "pay off", "phase out", "pick up", "point out", "pull back", "pull out", "put down", "put off",
        "put out", "put up", "rack up", "ramp up", "roll out", "rule out", "run out", "run up", "scale back", "sell off", "set aside", "set off",
        "set out", "set up", "shut down", "sign up", "sit out", "stand down", "step down", "step up", "take home", "take in", "take off",
        "take captive", "take on", "take over", "take part", "take prisoner", "take up", "tear down", "tip off", "top up", "turn away", "turn back", "turn down", "turn out",
        "turn up", "walk out", "wipe out", "work out", "write down", "write off"
    ]

    /// Nouns that name an event, with the verb they stand for: "the release of 303 soldiers"
    /// is a release, "a death toll of 12" a killing, "the loss of 400 jobs" a loss.
    static let eventNouns: [String: String] = [
        "release": "release", "return": "return", "exchange": "exchange", "swap": "swap", "repatriation": "repatriate",
        "death": "die", "deaths": "die", "dead": "die", "fatalities": "die", "toll": "death toll", "loss": "lose", "losses": "lose", "arrival": "arrive",
        "arrivals": "arrive", "rise": "rise", "increase": "increase", "fall": "fall", "drop": "drop", "decline": "decline",
        "decrease": "decrease", "cut": "cut", "cuts": "cut", "growth": "grow", "evacuation": "evacuate", "arrest": "arrest",
        "arrests": "arrest", "sale": "sell", "sales": "sell", "purchase": "buy", "payment": "pay", "injury": "injure",
        "injuries": "injure", "launch": "launch", "interception": "intercept", "capture": "capture", "rescue": "rescue",
        "donation": "donate", "investment": "invest", "deployment": "deploy", "detention": "detain", "killing": "kill",
        "killings": "kill", "spending": "spend", "damage": "damage",
        "crowd": "join", "burns": "injure", "reduction": "reduce", "reductions": "reduce", "admission": "admit", "admissions": "admit",
        "closure": "close", "expansion": "expand", "jump": "jump", "gain": "gain", "hike": "hike",
        "cancellation": "cancel", "cancellations": "cancel", "hiring": "hire", "participation": "participate", "destruction": "destroy",
        "seizure": "seize", "seizures": "seize", "delivery": "deliver", "deliveries": "deliver", "approval": "approve", "removal": "remove",
        "eviction": "evict", "evictions": "evict", "deportation": "deport", "deportations": "deport", "resignation": "resign",
        "dismissal": "dismiss", "displacement": "displace", "demolition": "demolish", "recovery": "recover", "installation": "install",
        "recall": "recall", "shipment": "ship", "transfer": "transfer", "relocation": "relocate",
        "creation": "create", "donations": "donate", "rescues": "rescue", "closures": "close", "withdrawal": "withdraw"
    ]
}
