"""Search results as a terminal table, CSV or JSON: the same columns for the CLI and the web export."""
from __future__ import annotations

import csv
import io
import json
import textwrap

COLUMNS = {
    "statements": ("published", "speaker", "text", "outlet", "title", "url", "id", "article_id", "speaker_id",
                   "kind", "cue", "said_date", "occasion", "cluster_id"),
    "claims": ("published", "text", "kind", "verdict", "outlet", "title", "url", "id", "article_id"),
    "speakers": ("name", "kind", "statements", "id"),
}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA) else s


def to_csv(hits, target: str = "statements") -> str:
    cols = COLUMNS[target]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    for h in hits:
        w.writerow([_cell(h.get(c)) for c in cols])
    return out.getvalue()


def to_json(page, search) -> str:
    return json.dumps({"query": search.text, "target": search.target, "total": page.total,
                       "offset": search.offset, "limit": search.limit,
                       "hits": [{c: h.get(c) for c in COLUMNS[search.target]} for h in page.hits],
                       "facets": {k: [list(x) for x in v] for k, v in page.facets.items()},
            "facets_counted_over": page.facet_sample},
                      ensure_ascii=False, indent=2) + "\n"


def to_table(page, search, width: int = 100) -> str:
    if not page.hits:
        return "no matches\n"
    lines = []
    for h in page.hits:
        who = h.get("speaker") or h.get("verdict") or "-"
        head = f"{h.get('published') or 'undated'}  {who}  ({h.get('outlet') or 'unknown outlet'})"
        lines.append(head)
        lines += textwrap.wrap(" ".join((h.get("text") or "").split()), width - 4,
                               initial_indent="    ", subsequent_indent="    ")
        lines.append(f"    {h.get('title') or ''} [{h['id']}]".rstrip())
    shown = f"{search.offset + 1}-{search.offset + len(page.hits)}"
    lines.append(f"\n{shown} of {page.total} {search.target}")
    return "\n".join(lines) + "\n"
