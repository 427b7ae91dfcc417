"""The features of every token for the persuasion-technique tagger: plain strings, each present or not,
and the parser's own contextual vector (doc.tensor, spaCy's tok2vec output).

`token_features(doc, statements)` gives one list of strings per token. Words are lowercased; the
window is two tokens either side with the two bigrams through the token; the parse gives the
part of speech, the dependency and the head word; the article gives how often the word and its
bigrams recur in it (Repetition is a property of the article, not of the sentence), whether the
token is inside quotation marks or a statement, and the sentence's shape (exclamation, question,
length). All of it is one pass over the tokens and a few counters: linear in the article."""
from __future__ import annotations

from collections import Counter

import numpy as np

from ..quotemarks import Quoted, find_quoted
from ..spans import first_holding

_SENT_LENGTHS = (8, 16, 30, 50)
_COUNTS = (1, 2, 4)


def _bucket(n: int, bounds) -> str:
    for b in bounds:
        if n <= b:
            return f"<={b}"
    return f">{bounds[-1]}"


def _regions(spans: list[tuple[int, int, str]]):
    """A lookup of the label of the (start, end, label) region holding a character, or None."""
    spans = sorted(spans)
    starts = [s for s, _, _ in spans]
    return lambda c: first_holding(spans, starts, c, c + 1, back=4) if spans else None


def sentence_index(doc):
    """Per token, the number of its sentence (numpy int array)."""
    out = np.zeros(len(doc), dtype=np.int32)
    for k, sent in enumerate(doc.sents):
        out[sent.start:sent.end] = k
    return out


def _sentence_features(doc) -> list[list[str]]:
    """Per token, the features of its sentence (its ending, its length, whether it is the title)."""
    out: list[list[str]] = [[] for _ in range(len(doc))]
    first_break = doc.text.find("\n")
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        last = words[-1].text
        feats = [f"slen:{_bucket(len(words), _SENT_LENGTHS)}"]
        if last in ("!", "?"):
            feats.append(f"send:{last}")
        if first_break > 0 and sent.start_char < first_break:
            feats.append("title")
        for t in sent:
            out[t.i] = feats
    return out


def token_features(doc, statements=(), quoted: list[Quoted] | None = None) -> list[list[str]]:
    """The string features of each token of `doc`; statements: (start, end, kind) of its statements;
    quoted: its quoted passages (quotemarks.find_quoted, found here when not given)."""
    low = [t.lower_ for t in doc]
    n = len(low)
    content = [t.is_alpha and not t.is_stop for t in doc]
    counts = Counter(w for w, c in zip(low, content) if c)
    bigrams = Counter(zip(low, low[1:]))
    in_quotes = _regions([(q.start, q.end, "q") for q in (find_quoted(doc.text) if quoted is None else quoted)])
    stated = _regions(list(statements))
    per_sent = _sentence_features(doc)
    pad = ["<s>", "<s>"] + low + ["</s>", "</s>"]
    rows = []
    for t in doc:
        i, w = t.i, low[t.i]
        k = i + 2
        pos, dep = t.pos_, t.dep_
        f = ["b", f"w:{w}", f"w-1:{pad[k - 1]}", f"w+1:{pad[k + 1]}", f"w-2:{pad[k - 2]}", f"w+2:{pad[k + 2]}",
             f"bg-:{pad[k - 1]}|{w}", f"bg+:{w}|{pad[k + 1]}", f"s3:{w[-3:]}", f"sh:{t.shape_[:4]}",
             f"pos:{pos}", f"pos-1:{doc[i - 1].pos_ if i else '<s>'}|{pos}",
             f"pos+1:{pos}|{doc[i + 1].pos_ if i + 1 < n else '</s>'}",
             f"dep:{dep}", f"hw:{t.head.lower_}", f"dep:{dep}|{t.head.pos_}"]
        if content[i]:
            f.append(f"rep:{_bucket(counts[w], _COUNTS)}")
        if (i + 1 < n and bigrams[(w, low[i + 1])] > 1) or (i and bigrams[(low[i - 1], w)] > 1):
            f.append("rep2")
        if t.is_upper and len(w) > 1:
            f.append("upper")
        if in_quotes(t.idx):
            f.append("quoted")
        kind = stated(t.idx)
        if kind:
            f.append(f"stmt:{kind}")
        f.extend(per_sent[i])
        rows.append(f)
    return rows
