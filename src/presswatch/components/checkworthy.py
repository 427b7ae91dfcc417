"""presswatch_checkworthy: every sentence's check-worthiness (nlp/checkworthy), the sentences that
reach Options.checkworthy_floor on doc._.checkworthy (best first), and each claim given its
sentence's score and the statement (and speaker) it sits in: "what did this speaker claim"."""
from __future__ import annotations

import bisect

from ..nlp.checkworthy import score_sentences
from ..nlp.spans import first_holding
from ..options import Options
from .article import article_text
from .base import Step


def _held(spans: list, starts: list, s: int, e: int):
    """The index of the first span that starts in [s, e) and ends by e (a sentence that holds a
    statement's content), or None; only the spans starting inside are read."""
    for j in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
        if spans[j][1] <= e:
            return spans[j][2]
    return None


class CheckworthyStep(Step):
    name = "presswatch_checkworthy"

    def run(self, doc, options: Options) -> None:
        quotes = doc._.quotes or []
        claims = doc._.claims or []
        stated = sorted((q["content"][0]["start"], q["content"][-1]["end"], i) for i, q in enumerate(quotes))
        starts = [x[0] for x in stated]
        scored = score_sentences(
            doc, claims=[(c["span"]["start"], c["span"]["end"], c["kind"]) for c in claims],
            statements=[(q["content"][0]["start"], q["content"][-1]["end"], q["kind"],
                         q["cue"]["text"] if q.get("cue") else None) for q in quotes])
        text = article_text(doc)
        out: list[dict] = []
        for s, e, score in scored:
            i = first_holding(stated, starts, s, e) if stated else None
            if i is None and stated:  # a sentence that holds a statement's content: the statement's
                i = _held(stated, starts, s, e)
            out.append({"start": s, "end": e, "text": text[s:e], "score": score, "statement": i,
                        "speaker": quotes[i].get("speaker") if i is not None else None})
        sentences = [(s, e, score) for s, e, score in scored]
        for c in claims:  # a claim's score is its sentence's; its statement the one it sits in
            cs, ce = c["span"]["start"], c["span"]["end"]
            k = bisect.bisect_right(sentences, (cs, float("inf"), 2.0)) - 1
            if 0 <= k < len(sentences) and sentences[k][1] > cs:
                c["score"] = round(sentences[k][2], 3)
            i = first_holding(stated, starts, cs, ce) if stated else None
            c["statement"], c["speaker"] = i, quotes[i].get("speaker") if i is not None else None
        floor = options.checkworthy_floor
        doc._.checkworthy = sorted((x for x, (_, _, score) in zip(out, scored) if score >= floor),
                                   key=lambda x: (-x["score"], x["start"]))
