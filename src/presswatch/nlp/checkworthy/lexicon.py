"""The words check-worthiness looks for. Each list says why it holds for English news and speech
generally, not for one data set: they name the grammatical or rhetorical classes that fact-checkers'
guidelines (ClaimBuster's "factual claim the public would care about", CheckThat!'s "selected by a
fact-checker") separate from opinion, courtesy and procedure. The model learns how much each counts.

Phrases are lower-case token sequences, matched on token boundaries (features.phrase_hits).
"""

# Comparisons a checker can test against a record: a ranking or a threshold. Superlatives and
# comparatives are found by their tags (JJS, RBS, JJR, RBR); these are the phrase forms the tags miss.
COMPARISON_PHRASES = (
    "more than", "less than", "fewer than", "as many as", "as much as", "at least", "at most",
    "the first", "the only", "the last time", "for the first time", "record", "all-time",
    "times as", "twice as", "half of", "a third of", "double", "doubled", "tripled",
)

# Hedges and opinion: the speaker marks what follows as a belief, a wish or a plan, not a fact
# ("I think", "we need"); fact-checkers pass over these unless a fact is embedded.
OPINION_PHRASES = (
    "i think", "i believe", "i feel", "i hope", "i want", "i'd like", "i would like", "in my opinion",
    "we need", "we have to", "we must", "we should", "we've got to", "we're going to", "let me",
    "i'm going to", "i will", "we will",
)

# Courtesy and procedure of debates, interviews and press conferences: never a claim.
COURTESY_PHRASES = (
    "thank you", "thanks", "good evening", "good morning", "welcome", "ladies and gentlemen",
    "go ahead", "excuse me", "all right",
)

# Acts of office: a vote, a law, a budget change, an appointment -- the public record a checker
# looks up. Lemmas.
ACTION_VERBS = frozenset("""
    vote pass sign veto cut raise increase decrease reduce lower create lose add spend fund
    approve oppose support ban repeal enact appoint elect fire hire invest borrow owe tax
    grow shrink fall rise drop double triple kill die arrest deport build close
""".split())

# The forms inflect() (presswatch.nlp.lexicons.speech) does not make by the regular rules:
# irregular past forms and doubled final consonants (the parser here has no lemmatizer).
ACTION_IRREGULAR = {
    "cut": ["cuts", "cutting"], "lose": ["lost", "loses", "losing"], "spend": ["spent", "spends", "spending"],
    "rise": ["rose", "risen", "rises", "rising"], "fall": ["fell", "fallen", "falls", "falling"],
    "build": ["built", "builds", "building"], "grow": ["grew", "grown", "grows", "growing"],
    "shrink": ["shrank", "shrunk", "shrinks", "shrinking"], "drop": ["dropped", "dropping", "drops"],
    "ban": ["banned", "banning", "bans"], "die": ["died", "dies", "dying"], "veto": ["vetoed", "vetoes", "vetoing"],
    "owe": ["owed", "owes", "owing"], "borrow": ["borrowed", "borrows", "borrowing"],
}

# Causal connectives: a claim that one thing produced another is checkable and often checked.
CAUSAL_PHRASES = (
    "because", "because of", "led to", "lead to", "leads to", "caused", "causes", "cause",
    "due to", "as a result", "result of", "resulted in", "thanks to", "responsible for",
)

# First- and second-person forms (the speaker's own plans and beliefs, the address to the
# audience) lean towards opinion; third person towards reported fact.
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})

# Modal verbs: possibility and obligation are not facts; the verb's own tag is MD.
MODAL_LEMMAS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would",
                          "'ll", "'d", "ca", "wo"})

# Words of time that place a statement in the record ("last year", "since 2009").
RECORD_TIME_WORDS = frozenset({"since", "ago", "last", "ever", "never", "already", "years"})

# A share ("40 percent", "40 per cent", "40%") and a sum of money ("$5", "5 dollars"); number
# scales ("million") come from presswatch.nlp.lexicons.numbers.
PERCENT_WORDS = frozenset({"%", "percent", "percentage", "cent"})
MONEY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "cents"})

# The auxiliaries of the future ("will cut", "'ll cut") and of the perfect ("has cut", "'ve cut").
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
PERFECT_AUX = frozenset({"have", "has", "had", "'ve", "'s", "'d"})
