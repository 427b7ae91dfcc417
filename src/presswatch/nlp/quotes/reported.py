"""Reported speech by its cue verb and the parse: "said that ...", "has called for ...", "X praised
A and condemned B", "..., he said, ..."."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .content import content_of
from ..spans import Covered
from .index import Paragraphs, TokenIndex
from .parse import cue_span, speaker_like, subject_of
from .record import RawQuote
from .sources import source_of
from .scope import Cue, Scope
from ..lexicons.speech import cue_base


@dataclass(frozen=True)
class Context:
    """What every candidate cue is read against."""
    doc: Any  # spaCy Doc
    text: str
    qspans: Covered  # every quoted passage
    paras: Paragraphs
    index: TokenIndex
    used_cues: set  # cue tokens direct quotes already took
    scope: Scope


def find_reported(ctx: Context) -> list[RawQuote]:
    out = []
    for tok in ctx.doc:
        if tok.i in ctx.used_cues or tok.pos_ not in ("VERB", "AUX") or tok.idx in ctx.qspans:
            continue
        cue = ctx.scope.cue(tok)
        if cue is None or not _reports(tok, ctx.scope):
            continue
        found = _statement(tok, cue, ctx)
        if found is not None:
            out.append(found)
    return out


def _reports(tok, scope: Scope) -> bool:
    """Whether the verb, a cue word, reports a statement that was made here."""
    if tok.dep_ in ("amod", "compound") or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
        return False  # "the so-called", "a stated goal": adjectives, not cues
    if not scope.counts_negated and any(c.dep_ == "neg" for c in tok.children):
        return False  # "did not say", "never claimed": no statement
    if tok.dep_ in ("xcomp", "advcl", "pcomp") and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) \
            and cue_base(tok.head.text) is None:
        return False  # "declined to say", "wanted to call": the saying did not happen
    if any(c.lower_ == "than" for c in tok.children):
        return False  # "lower than TransLink says they are": a comparison, not a statement
    if not scope.counts_circumstances and any(c.lower_ in ("when", "if", "unless", "before")
                                              and c.dep_ in ("advmod", "mark") for c in tok.children):
        return False  # "when asked about ...": a circumstance, not a statement (PolNeAR counts it)
    return True


def _statement(tok, cue: Cue, ctx: Context):
    """The statement a cue verb reports (content, cue, source), or None."""
    span = content_of(tok, cue.base, cue.learned, ctx.scope)
    if span is None:
        return None
    parenthetical = isinstance(span, list)  # "The benefit, it says, would be $300"
    content = span if parenthetical else [span]
    content[-1] = ctx.scope.bounds(ctx.index, *content[-1])
    s, e = content[0][0], content[-1][1]
    if sum(b - a for a, b in content) < 8 or not ctx.scope.reports(cue.base, ctx.text[s:s + 5]):
        return None
    if cue.learned and not ctx.scope.reports_stance(tok, s, e, parenthetical):
        return None
    rule = subject_of(tok)
    if rule is None:
        return None
    # a subject that cannot be a source ("a statement said", a date the parse took for one): the
    # statement stays, without a source
    src, span = source_of(tok, rule, (s, e), ctx.qspans, ctx.doc)
    if not _can_speak(src, tok, cue, parenthetical, ctx.scope):
        return None
    conf = cue.probability if cue.probability is not None else 0.6
    return RawQuote(content, cue_span(tok), tok, src, span, False, "indirect", ctx.paras.index_of(s), conf)


def _can_speak(src, tok, cue: Cue, parenthetical: bool, scope: Scope) -> bool:
    has_clause = any(c.dep_ == "ccomp" for c in tok.children)
    if src.lower_ in ("it", "this", "that", "which") and src.dep_ != "nsubjpass" and not (
            src.lower_ == "it" and (parenthetical or has_clause)):
        return False  # "it says a lot", "this shows": not a speaker ("It says the campaign broke the law" is)
    # an object cue needs a speaker: "the occasion underscores ..." is no statement; in the broad
    # scope a noun the model is confident about will do ("the poll shows")
    return parenthetical or has_clause or speaker_like(src) or scope.any_noun_speaks(src, cue)
