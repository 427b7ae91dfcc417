"""A processed Doc as an Analysis: the records presswatch's components left on Doc._, read back."""
from __future__ import annotations

from typing import Optional

from ..records import (Analysis, Article, CheckworthySentence, Claim, Entity, Publication, Quote, Speaker, Span,
                       Technique, TimeExpr)


def failure_of(doc) -> Optional[str]:
    """Why presswatch's pipeline could not analyse the doc (a step recorded its failure), or None."""
    err = doc._.presswatch_error
    if err is None:
        return None
    if err["expected"]:
        return err["message"]
    return (f"internal error while analyzing ({err['type']}: {err['message']}); "
            f"please report it with this article")


def analysis_of(doc, article: Optional[Article] = None) -> Analysis:
    """The Analysis of a doc the presswatch components processed; `article` (default: the facts on
    doc._.article) names it."""
    facts = doc._.article or {}
    if article is None:
        article = Article(facts.get("doc_id") or "", facts.get("text") or doc.text,
                          **{k: facts.get(k) for k in ("title", "url", "published", "outlet", "author", "origin")})
    failure = failure_of(doc)
    if failure is not None:
        return Analysis.failed(article.doc_id, failure, article.origin)
    if doc._.entity_speakers is not None:
        entities = tuple(Entity.from_dict(e) for e in doc._.entity_speakers)
    else:
        text = article.text
        entities = tuple(Entity(Span.of(text, e.start_char, e.end_char), e.label_) for e in doc.ents)
    return Analysis(
        doc_id=article.doc_id, title=article.title, url=article.url, outlet=article.outlet, origin=article.origin,
        publication=Publication.from_dict(doc._.publication),
        quotes=tuple(Quote.from_dict(r) for r in doc._.quotes or ()),
        speakers=tuple(Speaker.from_dict(s) for s in doc._.speakers or ()),
        entities=entities,
        claims=tuple(Claim.from_dict(c) for c in doc._.claims or ()),
        times=tuple(TimeExpr.from_dict(t) for t in doc._.times or ()),
        checkworthy=tuple(CheckworthySentence.from_dict(c) for c in doc._.checkworthy or ()),
        techniques=tuple(Technique.from_dict(t) for t in doc._.techniques or ()))
