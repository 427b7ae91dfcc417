"""The attribution scopes, speech and broad: every rule in which they differ, in one place.

speech (the default; the Gender Gap Tracker's and the seed's convention) reports what people said:
no beliefs ("they think they have"; one stated with "that" stays, as a reported position), no
evidence ("the study found"), no stance toward a thing through a learned cue ("backs the plan"),
no negated or circumstantial cue ("did not say", "when asked"), no headline, and a quote
interrupted by its cue (“A,” she said. “B.”) as two statements.
broad (PolNeAR's) reports every attribution: all of those count, an interrupted quote is one
statement with two content spans, contents take PolNeAR's boundaries (boundaries.py), and the
learned cue model (learned.py) decides which verbs are cues in their context.

The finders ask a Scope by the rule's name; none of them tests which scope it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..lexicons.speech import BELIEF_CUES, EVIDENCE_CUES, cue_base
from .boundaries import attribution_bounds
from .learned import cue_model_probability, cue_probability, frame_of

# thresholds on the learned cue model, measured on PolNeAR dev and GGT dev (bench/quality.py):
# the broad scope's threshold for a verb outside the hand-written lexicon (at most this much)
BROAD_LEARNED_CUE_THRESHOLD = 0.5
# the broad scope: a lexicon verb below this is no cue in its context ("the plan calls for ...")
BROAD_LEXICON_FLOOR = 0.3
# the broad scope: a noun subject that is no person, organisation or role speaks when the model
# is this sure of the cue ("the poll shows")
BROAD_ANY_SOURCE = 0.5
# the speech scope keeps its lexicon but drops a verb the model is this sure is no cue in its
# context ("touched the rose", "hinted at"; GGT dev: 85.3 -> 85.8 F1@0.3, recall unchanged)
SPEECH_LEXICON_FLOOR = 0.3


@dataclass(frozen=True)
class Cue:
    """A verb that is a cue: its base form, whether only the learned lexicon or model knows it,
    and how likely it is a cue."""
    base: str
    learned: bool
    probability: Optional[float]


@dataclass(frozen=True)
class Scope:
    broad: bool
    learned_threshold: float  # what a verb outside the lexicon needs to be a cue

    @classmethod
    def of(cls, name: str, learned_cue_threshold: float) -> "Scope":
        if name == "broad":
            return cls(True, min(learned_cue_threshold, BROAD_LEARNED_CUE_THRESHOLD))
        return cls(False, learned_cue_threshold)

    def cue(self, verb) -> Optional[Cue]:
        """The verb as a cue, or None when it is none here."""
        base = cue_base(verb.text)
        if self.broad and (p_model := cue_model_probability(verb, base is not None)) is not None:
            # the broad scope asks the learned model, which reads the verb's context
            if base and p_model < BROAD_LEXICON_FLOOR:
                return None
            p_cue = p_model
        else:
            p_cue = cue_probability(verb.lower_, frame_of(verb), prior=0.5 if base else 0.0)
            if base and (p_model := cue_model_probability(verb, True)) is not None \
                    and p_model < SPEECH_LEXICON_FLOOR:
                return None
        if base:
            return Cue(base, False, p_cue)
        # not in the hand-written lexicon: a cue only if training saw it as one often enough
        if p_cue is None or p_cue < self.learned_threshold:
            return None
        return Cue(verb.lower_, True, p_cue)

    @property
    def counts_negated(self) -> bool:
        """"did not say", "never claimed": PolNeAR marks them."""
        return self.broad

    @property
    def counts_circumstances(self) -> bool:
        """"when asked about ...": a circumstance in speech, an attribution in PolNeAR."""
        return self.broad

    @property
    def model_judged_frame(self) -> bool:
        """The learned model has judged the verb in its frame: any cue takes an object as content."""
        return self.broad

    @property
    def continues_bare_predicate(self) -> bool:
        """"stressed that X, but would not Y": a second predicate without a subject or cue continues
        the content (PolNeAR)."""
        return self.broad

    @property
    def keeps_object_circumstance(self) -> bool:
        """"criticized X when he ran ...": the circumstance is content in speech; PolNeAR leaves it out."""
        return not self.broad

    @property
    def keeps_headlines(self) -> bool:
        """Headlines repeat a statement the article reports (GGT leaves them out); PolNeAR marks them."""
        return self.broad

    @property
    def joins_interrupted(self) -> bool:
        """“A,” she said. “B.” is one statement (PolNeAR) rather than two (GGT, the seed)."""
        return self.broad

    def bounds(self, index, s: int, e: int) -> tuple:
        """The content's boundaries: as parsed, or PolNeAR's in the broad scope."""
        return attribution_bounds(index.between, s, e) if self.broad else (s, e)

    def reports(self, base: str, content_text: str) -> bool:
        """Beliefs ("they think they have") and evidence ("the study found") count in broad only;
        a belief stated with "that" ("He believes that cooperation ...") is a reported position."""
        if self.broad:
            return True
        return not (base in BELIEF_CUES and content_text[:5].lower() != "that " or base in EVIDENCE_CUES)

    def reports_stance(self, verb, s: int, e: int, parenthetical: bool) -> bool:
        """A learned cue with a mere object ("backs the plan") is a stance toward a thing: broad only."""
        if self.broad or parenthetical or any(c.dep_ == "ccomp" for c in verb.children):
            return True
        return any(t.dep_ == "mark" and t.lower_ == "that" and s <= t.idx < e for t in verb.subtree)

    def any_noun_speaks(self, src, cue: Cue) -> bool:
        """In broad, a noun subject speaks for a cue the model is sure of ("the poll shows")."""
        return self.broad and src.pos_ in ("NOUN", "PROPN") and (cue.probability or 0) >= BROAD_ANY_SOURCE
