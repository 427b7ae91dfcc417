"""Named entities only where one can be: the small model's entity recognizer is the costliest
component (about 40% of the pipeline: it checks every action's validity for every token, and each
check takes the GIL), and most tokens of news are lower-case words far from any name, number or
date. `selective_ner` runs the recognizer on a copy of the document holding only the tokens within
WINDOW of a candidate (a capitalised word, a proper-noun or number tag, a digit, a time or number
word), each region starting a sentence so no entity crosses a cut, then writes the entities back;
every other token is outside any entity. The window keeps the recognizer's context (its token
encoder sees four tokens either side; three catches all but a few per cent of entities on news).
"""
from __future__ import annotations

from spacy.attrs import ORTH, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .lexicons.calendar import PARTS_OF_DAY, SEASONS
from .lexicons.numbers import CARDINALS, SCALES

WINDOW = 3
# lower-case words that open or make up DATE, TIME, CARDINAL, ORDINAL, PERCENT, QUANTITY entities
TIME_WORDS = frozenset(
    "today yesterday tomorrow tonight midnight noon week weeks weekend month months year years decade "
    "decades century centuries day days hour hours minute minutes seconds ago annual annually daily "
    "weekly monthly yearly season quarter".split() + [*PARTS_OF_DAY, *SEASONS])
# the cardinals but zero, fourteen and sixteen to nineteen
NUMBER_WORDS = frozenset(
    [w for w, v in CARDINALS.items() if 1 <= v <= 13 or v == 15 or v >= 20] + [*SCALES]
    + "hundred hundreds thousands millions billions dozen dozens half first second third fourth fifth "
      "sixth tenth once twice percent per cent miles kilometres kilometers pounds tonnes".split())
NAME_TAGS = frozenset(("NNP", "NNPS", "CD"))


NEVER, ALWAYS, UNLESS_INITIAL = 0, 1, 2


def word_class(lex) -> int:
    """Whether a word is a candidate by itself: ALWAYS (a digit, currency or percent sign, a time or
    number word, a capitalised word), UNLESS_INITIAL (a capitalised common word: "The", "But", "He"
    open sentences), or NEVER (unless the tagger calls it a proper noun or a number)."""
    text = lex.orth_
    if lex.is_space:
        return NEVER
    if any(c.isdigit() for c in text) or text in ("$", "€", "£", "%"):
        return ALWAYS
    if (lex.is_title or lex.is_upper) and lex.is_alpha and text != "I":
        return UNLESS_INITIAL if lex.is_stop else ALWAYS
    lower = lex.lower_
    return ALWAYS if lower in TIME_WORDS or lower in NUMBER_WORDS else NEVER


_CLASS: dict = {}  # orth id -> (word_class, is space, punctuation or space: opens no sentence)


def regions(doc, window: int = WINDOW) -> list[int]:
    """Indices of the tokens the recognizer must see, in order."""
    n = len(doc)
    keep = bytearray(n)
    vocab, strings = doc.vocab, doc.vocab.strings
    name_tags = {strings.add(t) for t in NAME_TAGS}
    initial = True  # the first word of a sentence (after opening punctuation or quotes)
    for i, (orth, tag, sent_start) in enumerate(doc.to_array([ORTH, TAG, SENT_START]).tolist()):
        if sent_start == 1 or i == 0:
            initial = True
        cls = _CLASS.get(orth)
        if cls is None:
            lex = vocab[orth]
            cls = _CLASS[orth] = (word_class(lex), lex.is_space, lex.is_punct or lex.is_space)
        if tag in name_tags and not cls[1] or cls[0] == ALWAYS or cls[0] == UNLESS_INITIAL and not initial:
            lo, hi = max(0, i - window), min(n, i + window + 1)
            keep[lo:hi] = b"\x01" * (hi - lo)
        if initial and not cls[2]:
            initial = False
    return [i for i in range(n) if keep[i]]


def _sub_doc(doc, idx: list[int]):
    words = [doc[i].text for i in idx]
    spaces = [bool(doc[i].whitespace_) for i in idx]
    # a region starts a sentence, and so does every sentence start inside it: no entity crosses either
    starts = [k == 0 or idx[k - 1] != i - 1 or doc[i].is_sent_start for k, i in enumerate(idx)]
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def decode(ner, docs):
    """The recognizer's greedy decoding, through its beam search with a beam of one: about 30% less
    time for the same entities (its scores are summed in another order, so a near-tie can fall the
    other way: one entity differed over 176 news articles). The greedy loop runs without the GIL and
    takes it back in every validity check of every action at every token; the beam loop holds it
    throughout, so those checks are cheap."""
    return ner.beam_parse(docs, beam_width=1)


class SelectiveNER:
    def __init__(self, ner, window: int = WINDOW):
        self.ner = ner
        self.window = window

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 16):
        for batch in minibatch(docs, size=batch_size):
            cuts = [regions(doc, self.window) for doc in batch]
            subs = [_sub_doc(doc, idx) for doc, idx in zip(batch, cuts)]
            if any(len(s) for s in subs):
                self.ner.set_annotations(subs, decode(self.ner, subs))
            for doc, sub, idx in zip(batch, subs, cuts):
                ents = [Span(doc, idx[e.start], idx[e.end - 1] + 1, label=e.label) for e in sub.ents]
                doc.set_ents(ents, default="outside")
            yield from batch


@Language.factory("selective_ner", assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
                  default_config={"window": WINDOW})
def make_selective_ner(nlp, name, window: int):
    """The recognizer it runs is the pipeline's own "ner", which build.load disables."""
    return SelectiveNER(None, window)
