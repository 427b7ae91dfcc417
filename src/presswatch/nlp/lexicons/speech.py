"""Words of speech: the cue verbs and phrases that introduce a statement (as word forms), and the
nouns that name a statement.

The pipeline runs without spaCy's lemmatizer (it costs ~13% of the parse time and nothing else
needs it), so the lexicon lists base forms and expands them to their inflections here.
"""
from __future__ import annotations

# verbs of saying and of stance; the second field says which content they take:
#   "clause": a that-clause or quote; "object": a noun phrase object also counts as content
SPEECH_VERBS = """
say tell state add note stress emphasize emphasise underline underscore insist claim argue warn
explain announce declare assert affirm reaffirm maintain contend allege acknowledge admit concede
confirm deny suggest report write tweet post ask reply respond answer predict promise vow pledge
estimate recall reiterate repeat remark comment observe mention point disclose reveal testify
complain lament boast joke quip conclude caution urge demand propose recommend agree disagree
highlight signal indicate hint clarify specify describe characterize speculate figure guess believe
think feel hope fear expect doubt reckon know recognize realize assure told wrote continue shout
scream yell whisper muse concur counter retort blurt stutter stammer crow scold snap gush chime
mutter murmur sigh laugh exclaim interject rave rant plead beg implore reassure vent grumble bristle
marvel
""".split()

# verbs whose noun-phrase object is the statement ("praised the resilience of ...")
OBJECT_VERBS = """
praise condemn criticize criticise applaud reaffirm cite denounce slam blast welcome reject dismiss
blame attribute highlight stress emphasize emphasise underline underscore voice express announce
acknowledge admit deny confirm question challenge defend support endorse oppose hail commend laud
decry deplore lament mention describe recount outline propose recommend urge call dub label brand
term demand declare promise pledge vow predict warn accuse thank congratulate reiterate note
""".split()

# phrasal cues: verb + particle/preposition whose object is the content
PHRASAL = {
    "call": ("for", "on"),
    "refer": ("to",),
    "point": ("to", "out"),
    "speak": ("of", "about", "to"),
    "talk": ("about", "of"),
    "warn": ("of", "against", "about"),
    "complain": ("about", "of"),
    "insist": ("on",),
    "comment": ("on",),
    "advocate": ("for",),
    "argue": ("for", "against"),
    "push": ("for",),
    "appeal": ("for", "to"),
    "hint": ("at",),
    "touch": ("on", "upon"),
    "reflect": ("on",),
    "elaborate": ("on",),
    "express": (),
}

IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"],
    "think": ["thought", "thinks", "thinking"],
    "feel": ["felt", "feels", "feeling"],
    "know": ["knew", "known", "knows", "knowing"],
    "speak": ["spoke", "spoken", "speaks", "speaking"],
    "hold": ["held", "holds", "holding"],
    "foresee": ["foresaw", "foreseen"],
    "swear": ["swore", "sworn"],
    "forecast": ["forecast", "forecasts"],
    "quip": ["quipped", "quipping", "quips"],
    "admit": ["admitted", "admitting", "admits"],
    "concur": ["concurred", "concurring", "concurs"],
    "refer": ["referred", "referring", "refers"],
    "commit": ["committed"],
    "post": ["posted", "posting", "posts"],
    "pledge": ["pledged", "pledging", "pledges"],
}

VOWELS = set("aeiou")


def inflect(verb: str) -> set[str]:
    """Base form plus -s, -ed, -ing forms by the regular English rules, or the irregular table."""
    forms = {verb}
    if verb in IRREGULAR:
        forms.update(IRREGULAR[verb])
        return forms
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
    return forms


def _forms(verbs) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in verbs:
        for f in inflect(v):
            out.setdefault(f, v)
    return out


SPEECH_FORMS = _forms(SPEECH_VERBS)
OBJECT_FORMS = _forms(OBJECT_VERBS)
PHRASAL_FORMS = _forms(PHRASAL)
ALL_FORMS = {**PHRASAL_FORMS, **OBJECT_FORMS, **SPEECH_FORMS}

# cues whose content can be an infinitive: "vowed to fight on", "urged voters to stay home"
INFINITIVE_CUES = {"vow", "pledge", "promise", "threaten", "urge", "warn", "call", "agree", "refuse",
                   "offer", "propose", "demand", "ask", "tell", "insist", "swear", "appeal", "beg",
                   "plead", "encourage", "implore", "advise", "order", "instruct", "invite"}

# verbs that only report when a clause or quote follows them, never with a bare object
# ("tell him", "know the answer", "hope for", "add salt")
CLAUSE_ONLY = {"tell", "ask", "know", "think", "feel", "hope", "add", "continue", "answer", "write",
               "post", "figure", "guess", "realize", "recognize", "expect", "fear", "doubt",
               "reckon", "show", "reply", "respond", "state", "say", "believe", "assure", "agree",
               "disagree", "observe", "suggest", "indicate", "signal", "report", "claim", "argue",
               "explain", "insist", "predict", "estimate", "conclude", "speculate", "remark",
               "comment", "recall", "repeat", "maintain", "contend", "assert", "allege", "caution",
               "concur", "counter", "retort", "muse", "joke", "quip", "boast", "complain",
               "testify", "hint", "clarify", "specify", "reveal", "disclose", "shout", "scream",
               "yell", "whisper", "tweet", "learn", "mention", "point"}

# verbs of believing and knowing: "X believes that ..." reports a stance, not something said;
# they count in the broad attribution scope (PolNeAR's) only
BELIEF_CUES = {"think", "believe", "know", "realize", "realise", "feel", "hope", "expect", "fear", "doubt",
               "reckon", "guess", "figure", "wonder", "worry", "understand", "assume", "suspect", "knows",
               "thinks", "believes", "realizes", "thought", "knew", "believed", "realized", "hoping",
               "worried", "expects", "hopes", "fears", "feels"}
# verbs of evidence: "the poll shows that ...", "the study found ..." (broad scope only)
EVIDENCE_CUES = {"find", "found", "finds", "show", "shows", "showed", "shown", "reveal", "demonstrate",
                 "demonstrated", "indicate", "conclude"}

# nouns that name a statement: "in a statement", "in his speech", "the minister's remarks"
SPEECH_NOUNS = {"statement", "statements", "speech", "speeches", "address", "addresses", "remarks",
                "interview", "interviews", "letter", "message", "sermon", "tweet", "post",
                "conference", "briefing", "testimony", "comments", "announcement", "op-ed",
                "column", "email", "release", "video", "broadcast", "podcast", "rally",
                "meeting", "talk", "lecture", "debate", "hearing", "report", "memo", "essay"}




def cue_base(word: str) -> str | None:
    """The base verb of a cue word form, or None when the word is no cue."""
    return ALL_FORMS.get(word.lower())


# nouns of the occasions of speaking ("in his address on Quds Day", "at a news conference"): a date
# in the sentence before one of them is when a statement was made, no historical claim
# (nlp/claims/history.py) ...
SPEAKING_OCCASIONS = ("address", "speech", "sermon", "statement", "interview", "message", "remarks", "meeting",
                      "news conference", "press conference", "letter")
# ... and the occasions a statement can be made on ("in his op-ed", "at a rally"), whose mere mention is
# no occasion of speech ("The video was taken mid-trial"): in an "in his ..." phrase they are one
# (nlp/times/statements.py)
OCCASION_NOUNS = SPEAKING_OCCASIONS + ("lecture", "op-ed", "video", "rally")
# the plurals an occasion phrase is written with ("in his addresses on Quds Day")
OCCASION_PLURALS = {"address": "(?:es)?", "speech": "(?:es)?", "sermon": "s?"}
# what an occasion is called once its observance is known ("his address on Quds Day" -> "Quds Day speech")
OCCASION_NAMES = {"address": "speech", "addresses": "speeches", "speech": "speech", "speeches": "speeches",
                  "remarks": "speech", "sermon": "sermon", "sermons": "sermons", "message": "message"}


def occasion_alternatives(nouns=OCCASION_NOUNS) -> str:
    """Occasion nouns as a regex alternation with their plurals ("address(?:es)?|sermons?|statement|...")."""
    return "|".join(n + OCCASION_PLURALS.get(n, "") for n in nouns)
