"""analyze(article, options) and analyze_many(articles, options): the whole per-article analysis.

presswatch's pipeline is the spaCy model with its speed steps (nlp/build.py) and the presswatch
components (components/), built once per model and shared by every Options: the components read
the Options passed with each article. A failure inside one article becomes an Analysis with
status "error"; a batch never aborts for one bad article.
"""
from __future__ import annotations

import functools
import hashlib
from typing import Iterable, Iterator, Optional, Union

from .nlp.text import for_parser
from .options import DEFAULT, Options
from .records import Analysis, Article

ArticleLike = Union[Article, str]


def as_article(item: ArticleLike) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        digest = hashlib.sha1(item.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return Article(doc_id=f"text-{digest}", text=item, origin="<text>")
    raise TypeError(f"analyze() takes an Article or a str, not {type(item).__name__}")


@functools.lru_cache(maxsize=None)
def _pipeline(model: str, selective_ner: bool):
    from .components import STEPS
    from .nlp.build import new_pipeline

    nlp = new_pipeline(model, selective_ner)
    for name in STEPS:  # "record": a step that fails on one article fails that article alone
        nlp.add_pipe(name, config={"on_error": "record"})
    return nlp


def get_nlp(options: Optional[Options] = None):
    """presswatch's pipeline for these Options (one per model and entity-recognizer setting)."""
    options = options or DEFAULT
    return _pipeline(options.model, options.selective_ner)


def _check(article: Article, options: Options) -> Optional[str]:
    if not article.text or not article.text.strip():
        return "the article has no text; give it a non-empty text (or html) field"
    if len(article.text) > options.max_chars:
        return (f"the article has {len(article.text):,} characters, over the limit of {options.max_chars:,}; "
                f"split it or raise PRESSWATCH_MAX_CHARS (Options.max_chars)")
    return None


def _analyze_doc(article: Article, doc) -> Analysis:
    return analysis_of(doc, article)


def analysis_of(doc, article: Optional[Article] = None) -> Analysis:
    """The Analysis of a Doc that the presswatch components processed (in any spaCy pipeline)."""
    from .components import analysis_of as read
    return read(doc, article)


def analyze(item: ArticleLike, options: Optional[Options] = None) -> Analysis:
    """Analyze one article (an Article or plain text)."""
    return next(analyze_many([item], options))


def analyze_many(items: Iterable[Union[ArticleLike, Analysis]], options: Optional[Options] = None,
                 batch_size: Optional[int] = None) -> Iterator[Analysis]:
    """Analyze articles in order, batching them through spaCy (`batch_size`, default
    options.batch_size). An Analysis passed in (an input that already failed to read) is passed
    through unchanged, so the output keeps the input's order."""
    options = options or DEFAULT
    batch_size = batch_size or options.batch_size
    pending: list = []
    for item in items:
        if not isinstance(item, Analysis):
            item = as_article(item)
            problem = _check(item, options)
            if problem:
                item = Analysis.failed(item.doc_id, problem, item.origin)
        pending.append(item)
        if len(pending) >= batch_size:
            yield from _flush(pending, options, batch_size)
            pending = []
    if pending:
        yield from _flush(pending, options, batch_size)


def _flush(pending: list, options: Options, batch_size: int) -> Iterator[Analysis]:
    docs = _parse([(i, a) for i, a in enumerate(pending) if isinstance(a, Article)], options, batch_size)
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
        except Exception as exc:  # a defect of ours: report it on this article, keep going
            yield Analysis.failed(a.doc_id, f"internal error while analyzing ({type(exc).__name__}: {exc}); "
                                            f"please report it with this article", a.origin)


# the longest text the parser reads at once: a longer article is parsed in pieces cut at line
# breaks (else sentence ends, else spaces), so its memory stays bounded; no article of the
# evaluation sets is this long (the longest: 33,672 characters), so none is cut
PIECE_CHARS = 50_000


def _parse(todo: list, options: Options, batch_size: int) -> dict:
    """{index: Doc or the exception that one article raised}; the model is loaded on the first real
    article, so a run of only bad inputs stays fast."""
    if not todo:
        return {}
    nlp = get_nlp(options)
    docs: dict = {}
    for i, a in todo:
        if len(a.text) > PIECE_CHARS:
            try:
                docs[i] = _parse_in_pieces(nlp, a, options)
            except Exception as exc:  # noqa: BLE001 (this article fails alone)
                docs[i] = exc
    contexts = [(for_parser(a.text), {"index": i, "article": a, "options": options})
                for i, a in todo if i not in docs]
    try:
        for doc, ctx in nlp.pipe(contexts, as_tuples=True, batch_size=batch_size):
            docs[ctx["index"]] = doc
    except Exception:  # one bad article must not lose the batch: redo one by one
        for text, ctx in contexts:
            try:
                docs[ctx["index"]] = next(iter(nlp.pipe([(text, ctx)], as_tuples=True)))[0]
            except Exception as exc:
                docs[ctx["index"]] = exc
    return docs


def _parse_in_pieces(nlp, article: Article, options: Options):
    """A long article: the model reads its pieces one by one, the Doc is put together again (the
    same text, so every offset holds) and presswatch's steps read the whole of it."""
    from spacy.tokens import Doc

    from .components import STEPS
    from .nlp.text import pieces

    text = for_parser(article.text)
    cuts = [(text[s:e], {"piece": k}) for k, (s, e) in enumerate(pieces(text, PIECE_CHARS))]
    # one piece at a time: a batch of pieces would hold the activations of all of them
    parts = [d for d, _ in nlp.pipe(cuts, as_tuples=True, batch_size=1, disable=list(STEPS))]
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    doc._context = {"article": article, "options": options}
    for name in STEPS:
        doc = nlp.get_pipe(name)(doc)
    doc._context = None
    return doc
