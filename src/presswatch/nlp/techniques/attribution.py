"""Who uses a persuasion technique: the words' owner, not the topic's.

Inside a direct quote (or a quoted fragment of mixed speech) the wording is the speaker's: the
speaker uses it. Inside reported speech the wording is the outlet's, reporting that statement's
speaker: the outlet uses it and the statement is kept. Outside every statement it is the outlet's
own voice."""
from __future__ import annotations

from ..quotemarks import Quoted, find_quoted
from ..spans import first_holding


def attribute(text: str, spans: list[dict], quotes: list[dict], quoted: list[Quoted] | None = None) -> list[dict]:
    """Each technique span (start, end, technique, confidence) with used_by, statement, speaker and
    speaker_id (quotes: presswatch's statement dicts; quoted: the text's quoted passages, found
    here when not given)."""
    regions = sorted((c["start"], c["end"], i) for i, q in enumerate(quotes) for c in q["content"])
    starts = [r[0] for r in regions]
    marks = [(m.start, m.end, m.start) for m in (find_quoted(text) if quoted is None else quoted)]
    mark_starts = [m[0] for m in marks]
    out = []
    for t in spans:
        s, e = t["start"], t["end"]
        i = first_holding(regions, starts, s, e) if regions else None
        row = dict(t, text=text[s:e], used_by="outlet", statement=i, speaker=None, speaker_id=None)
        if i is not None:
            q = quotes[i]
            row["speaker"], row["speaker_id"] = q.get("speaker"), q.get("speaker_id")
            in_quote = q["kind"] == "direct" or (q["kind"] == "mixed" and marks
                                                 and first_holding(marks, mark_starts, s, e) is not None)
            if in_quote:
                row["used_by"] = "speaker"
        out.append(row)
    return out
