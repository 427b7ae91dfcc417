"""An Analysis as a plain-text report for the terminal (no colours, so it pipes cleanly)."""
from __future__ import annotations

import textwrap
from collections import Counter
from typing import Iterable

from .records import Analysis, Quote

MAX_CONTENT = 240  # characters of a statement shown; the JSON output has them all
UNATTRIBUTED = "(speaker not resolved)"


def render(analysis: Analysis, width: int = 100) -> str:
    """The report for one article: header, then statements grouped by speaker; or its error line."""
    if analysis.status != "ok":
        return f"ERROR {analysis.doc_id}: {analysis.error}\n"
    lines = _header(analysis)
    groups = group_by_speaker(analysis.quotes)
    if not groups:
        lines.append("  no attributed statements found")
    shown = set()
    for speaker, quotes in groups:
        n = len(quotes)
        lines.append("")
        lines.append(f"  {speaker} ({n} statement{'s' if n != 1 else ''})")
        for q in quotes:
            lines += _statement(q, width)
            for i, c in enumerate(analysis.claims):
                if i not in shown and _within(c, q):
                    shown.add(i)
                    lines += _claim(c, width, indent=8)
    rest = [c for i, c in enumerate(analysis.claims) if i not in shown]
    if rest:
        lines.append("")
        lines.append(f"  Claims ({len(rest)})")
        for c in rest:
            lines += _claim(c, width, indent=4)
    lines += _worth_checking(analysis, width)
    lines += _techniques(analysis, width)
    return "\n".join(lines) + "\n"


def _techniques(analysis: Analysis, width: int) -> list[str]:
    """The persuasion techniques per user, most first: each speaker in their direct quotes, the
    outlet reporting a speaker, the outlet's own voice; 'Loaded_Language 3, Doubt 1'."""
    if not analysis.techniques:
        return []
    groups: dict = {}
    for t in analysis.techniques:
        if t.used_by == "speaker":
            who = f"{t.speaker or UNATTRIBUTED}, in direct quotes"
        else:
            who = f"the outlet, reporting {t.speaker}" if t.speaker else "the outlet's own voice"
        groups.setdefault(who, Counter())[t.technique] += 1
    n = len(analysis.techniques)
    out = ["", f"  Persuasion techniques ({n} span{'s' if n != 1 else ''}; rhetoric, not falsehood)"]
    for who, counts in sorted(groups.items(), key=lambda g: (-sum(g[1].values()), g[0])):
        listed = ", ".join(f"{name} {k}" for name, k in sorted(counts.items(), key=lambda c: (-c[1], c[0])))
        out += textwrap.wrap(f"{who}: {listed}", width=max(40, width), initial_indent="    ",
                             subsequent_indent="      ")
    return out


TOP_SENTENCES = 5  # the sentences the report lists as worth checking; the JSON output has them all


def _worth_checking(analysis: Analysis, width: int) -> list[str]:
    """The most check-worthy sentences, best first: '0.91  Unemployment fell ... (Jane Doe)'."""
    top = analysis.checkworthy[:TOP_SENTENCES]
    if not top:
        return []
    out = ["", f"  Worth checking (top {len(top)} of {len(analysis.checkworthy)})"]
    for c in top:
        said = f" ({c.speaker})" if c.speaker else ""
        out += textwrap.wrap(f"{c.score:.2f}  {c.span.text}{said}", width=max(40, width),
                             initial_indent="    ", subsequent_indent="          ")
    return out


def _within(claim, q: Quote) -> bool:
    s, e = claim.span.start, claim.span.end
    return any(c.start <= s < c.end or s <= c.start < e for c in q.content)


def _claim(c, width: int, indent: int) -> list[str]:
    """One claim with its verdicts: 'claim [quantity] more than 37,000 people killed (cited: ...)'."""
    pad = " " * indent
    extra = []
    if c.cited_source is not None:
        extra.append(f"cited: {c.cited_source.text}")
    if c.window:
        extra.append(f"over {c.window.get('text')}")
    if c.place:
        extra.append(f"in {c.place}")
    head = f"{pad}claim [{c.kind}] {c.stated}" + (f" ({'; '.join(extra)})" if extra else "")
    out = textwrap.wrap(head, width=max(40, width), subsequent_indent=pad + "  ")
    for ck in c.checks:
        out += textwrap.wrap(f"{ck.verdict.upper()}: {ck.evidence}", width=max(40, width),
                             initial_indent=pad + "  -> ", subsequent_indent=pad + "     ")
    return out


def render_many(analyses: Iterable[Analysis], width: int = 100) -> Iterable[str]:
    for i, a in enumerate(analyses):
        yield ("\n" if i else "") + render(a, width)


def group_by_speaker(quotes) -> list[tuple[str, list[Quote]]]:
    """Speakers in order of their first statement; statements in text order; unresolved last."""
    groups: dict[str, list[Quote]] = {}
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        groups.setdefault(q.speaker or UNATTRIBUTED, []).append(q)
    unresolved = groups.pop(UNATTRIBUTED, None)
    out = list(groups.items())
    if unresolved:
        out.append((UNATTRIBUTED, unresolved))
    return out


def _header(a: Analysis) -> list[str]:
    title = f": {a.title}" if a.title else ""
    lines = [f"== {a.doc_id}{title}"]
    p = a.publication
    when = p.date or (str(p.year) if p.year else None)
    facts = []
    if when:
        facts.append(f"published {when}" + (f" ({p.basis})" if p.basis else ""))
    else:
        facts.append("publication date unknown")
    if p.place:
        facts.append(f"dateline {p.place}")
    if a.outlet:
        facts.append(f"outlet {a.outlet}")
    lines.append("   " + "; ".join(facts))
    return lines


def _statement(q: Quote, width: int) -> list[str]:
    kind = q.kind if q.kind in ("direct", "indirect", "mixed") else ("direct" if q.is_direct else "indirect")
    cue = q.cue.text if q.cue else "-"
    content = " … ".join(" ".join(s.text.split()) for s in q.content)
    if len(content) > MAX_CONTENT:
        content = content[:MAX_CONTENT - 1].rstrip() + "…"
    lead = f"    [{kind}] {cue}: "
    body = textwrap.wrap(content, width=max(40, width - len(lead)))
    out = [lead + (body[0] if body else "")]
    out += [" " * len(lead) + b for b in body[1:]]
    when = _when(q)
    if when:
        out.append(" " * len(lead) + when)
    return out


def _when(q: Quote) -> str | None:
    t = q.statement_time
    date = t.date or (str(t.year) if t.year else None)
    parts = [p for p in (t.occasion, date) if p]
    if not parts:
        return None
    basis = f" ({t.basis})" if t.basis not in (None, "unknown") else ""
    return "when: " + ", ".join(parts) + basis
