"""presswatch as spaCy components: article -> quotes -> speakers -> times -> claims -> checkworthy -> techniques,
and pronouns
(presswatch_pronouns: not one of presswatch's own steps, for any pipeline).

Each factory is registered with spaCy here and through the `spacy_factories` entry points, so that
once presswatch is installed `nlp.add_pipe("presswatch_quotes")` works in any English pipeline.
Each reads the Options fields named in its config (or, in presswatch's own pipeline, the Options
passed per call in the `as_tuples` context) and writes plain records to Doc._ (extensions.py).
`analysis_of(doc)` reads them back as an Analysis. The contract is in docs/design.md.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from ..errors import SettingError
from ..options import DEFAULT, Scope
from .analysis import analysis_of, failure_of
from .article import ArticleStep
from .base import OnError, Step
from .checkworthy import CheckworthyStep
from .claims import ClaimsStep
from .extensions import EXTENSIONS, register
from .pronouns import PronounsStep
from .quotes import QuotesStep
from .speakers import SpeakersStep
from .techniques import TechniquesStep
from .times import TimesStep

__all__ = ["analysis_of", "failure_of", "STEPS", "EXTENSIONS", "Step"]

register()

# what each step requires and assigns (spaCy's nlp.analyze_pipes() checks the order with them)
_ARTICLE = ["doc._.article"]
# the quotes also read token.pos, which spaCy's attribute ruler sets without declaring it (so
# requiring it would flag every stock pipeline)
_PARSE = ["token.dep", "token.tag", "doc.sents"]
_QUOTES = ["doc._.quotes"]
_SPEAKERS = ["doc._.speakers", "doc._.entity_speakers"]
_TIMES = ["doc._.publication", "doc._.times", "doc._.calendar_statements"]


@Language.factory("presswatch_article", assigns=_ARTICLE, default_config={"on_error": "raise"})
def make_article(nlp, name: str, on_error: OnError):
    return ArticleStep(DEFAULT, on_error)


@Language.factory("presswatch_quotes", requires=_PARSE, assigns=_QUOTES,
                  default_config={"attribution_scope": DEFAULT.attribution_scope,
                                  "learned_cue_threshold": DEFAULT.learned_cue_threshold, "on_error": "raise"})
def make_quotes(nlp, name: str, attribution_scope: Scope, learned_cue_threshold: float, on_error: OnError):
    return QuotesStep(DEFAULT.with_(attribution_scope=attribution_scope,
                                    learned_cue_threshold=learned_cue_threshold), on_error)


@Language.factory("presswatch_speakers", requires=_QUOTES + ["doc.ents"], assigns=_QUOTES + _SPEAKERS,
                  default_config={"min_confidence": DEFAULT.min_confidence, "on_error": "raise"})
def make_speakers(nlp, name: str, min_confidence: float, on_error: OnError):
    return SpeakersStep(DEFAULT.with_(min_confidence=min_confidence), on_error)


@Language.factory("presswatch_times", requires=_ARTICLE + _QUOTES + _SPEAKERS, assigns=_TIMES + _QUOTES,
                  default_config={"claims": DEFAULT.claims, "on_error": "raise"})
def make_times(nlp, name: str, claims: bool, on_error: OnError):
    return TimesStep(DEFAULT.with_(claims=claims), on_error)


@Language.factory("presswatch_claims", requires=_TIMES + _QUOTES, assigns=["doc._.claims"],
                  default_config={"claims": DEFAULT.claims, "reference": [], "facts": [],
                                  "reference_tolerance": DEFAULT.reference_tolerance, "on_error": "raise"})
def make_claims(nlp, name: str, claims: bool, reference: list, facts: list, reference_tolerance: float,
                on_error: OnError):
    return ClaimsStep(DEFAULT.with_(claims=claims, reference=tuple(reference), facts=tuple(facts),
                                    reference_tolerance=reference_tolerance), on_error)


@Language.factory("presswatch_checkworthy", requires=["doc.sents", "doc._.claims"] + _QUOTES,
                  assigns=["doc._.checkworthy", "doc._.claims"],
                  default_config={"checkworthy_floor": DEFAULT.checkworthy_floor, "on_error": "raise"})
def make_checkworthy(nlp, name: str, checkworthy_floor: float, on_error: OnError):
    return CheckworthyStep(DEFAULT.with_(checkworthy_floor=checkworthy_floor), on_error)


@Language.factory("presswatch_techniques", requires=["doc.sents"] + _QUOTES, assigns=["doc._.techniques"],
                  default_config={"techniques": DEFAULT.techniques, "technique_floor": DEFAULT.technique_floor,
                                  "on_error": "raise"})
def make_techniques(nlp, name: str, techniques: bool, technique_floor: float, on_error: OnError):
    return TechniquesStep(DEFAULT.with_(techniques=techniques, technique_floor=technique_floor), on_error)


@Language.factory("presswatch_pronouns", requires=["token.dep", "doc.sents", "doc.ents"], assigns=["doc._.pronouns"],
                  default_config={"threshold": None, "on_error": "raise"})
def make_pronouns(nlp, name: str, threshold: Optional[float], on_error: OnError):
    """Pronouns resolved to PERSON mentions; threshold None: the trained model's own."""
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise SettingError(f"presswatch_pronouns: threshold={threshold!r}; use a number from 0 to 1 or null")
    return PronounsStep(DEFAULT, on_error, threshold)


# presswatch's own order
STEPS = ("presswatch_article", "presswatch_quotes", "presswatch_speakers", "presswatch_times", "presswatch_claims",
         "presswatch_checkworthy", "presswatch_techniques")
