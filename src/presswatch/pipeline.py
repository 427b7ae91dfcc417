"""analyze(article) and analyze_many(articles): the whole per-article analysis.

A failure inside one article becomes an Analysis with status "error"; a batch never aborts for one
bad article.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Iterator, Union

from . import settings
from .errors import PresswatchError
from .records import Analysis, Article

ArticleLike = Union[Article, str]


def as_article(item: ArticleLike) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        digest = hashlib.sha1(item.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return Article(doc_id=f"text-{digest}", text=item, origin="<text>")
    raise TypeError(f"analyze() takes an Article or a str, not {type(item).__name__}")


# invisible characters that split or glue words for the tokenizer; each becomes one space, so every
# offset into the parsed text is an offset into the article text
_INVISIBLE = str.maketrans({c: " " for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})


def for_parser(text: str) -> str:
    return text.translate(_INVISIBLE)


def _analyze_doc(article: Article, doc) -> Analysis:
    from .extract import extract_all
    return extract_all(article, doc)


def _check(article: Article) -> str | None:
    if not article.text or not article.text.strip():
        return "the article has no text; give it a non-empty text (or html) field"
    limit = settings.get("max_chars")
    if len(article.text) > limit:
        return (f"the article has {len(article.text):,} characters, over the limit of {limit:,}; "
                f"split it or raise PRESSWATCH_MAX_CHARS")
    return None


def analyze(item: ArticleLike) -> Analysis:
    """Analyze one article (an Article or plain text)."""
    return next(analyze_many([item]))


def analyze_many(items: Iterable[Union[ArticleLike, Analysis]], batch_size: int | None = None) -> Iterator[Analysis]:
    """Analyze articles in order, batching them through spaCy. An Analysis passed in (an input that
    already failed to read) is passed through unchanged, so the output keeps the input's order."""
    from .nlp.build import get_nlp

    for name in settings.SETTINGS:
        settings.get(name)  # a bad PRESSWATCH_* value is one clear error now, not one per article
    batch_size = batch_size or settings.get("batch_size")
    pending: list = []

    def flush():
        todo = [(for_parser(a.text), i) for i, a in enumerate(pending) if isinstance(a, Article)]
        docs = {}
        if todo:
            nlp = get_nlp()  # loaded on the first real article: a run of only bad inputs stays fast
            try:
                for doc, i in nlp.pipe(todo, as_tuples=True, batch_size=batch_size):
                    docs[i] = doc
            except Exception:  # one bad article must not lose the batch: redo one by one
                for text, i in todo:
                    try:
                        docs[i] = nlp(text)
                    except Exception as exc:
                        docs[i] = exc
        for i, a in enumerate(pending):
            if isinstance(a, Analysis):
                yield a
                continue
            doc = docs.get(i)
            if isinstance(doc, Exception):
                yield Analysis.failed(a.doc_id, f"the NLP pipeline failed on this article: {doc}", a.origin)
                continue
            try:
                yield _analyze_doc(a, doc)
            except PresswatchError as exc:
                yield Analysis.failed(a.doc_id, str(exc), a.origin)
            except Exception as exc:  # a defect of ours: report it on this article, keep going
                yield Analysis.failed(a.doc_id, f"internal error while analyzing ({type(exc).__name__}: {exc}); "
                                                f"please report it with this article", a.origin)
        pending.clear()

    for item in items:
        if not isinstance(item, Analysis):
            item = as_article(item)
            problem = _check(item)
            if problem:
                item = Analysis.failed(item.doc_id, problem, item.origin)
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
