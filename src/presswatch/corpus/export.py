"""Search results as a terminal table, CSV or JSON: the same columns for the CLI and the web export."""
from __future__ import annotations

import csv
import io
import json
import textwrap
import unicodedata

COLUMNS = {
    "statements": ("published", "speaker", "text", "outlet", "title", "url", "id", "article_id", "speaker_id",
                   "kind", "cue", "said_date", "occasion", "cluster_id"),
    "claims": ("published", "text", "kind", "verdict", "outlet", "title", "url", "id", "article_id"),
    "speakers": ("name", "kind", "statements", "id"),
}
_FORMULA = frozenset("=+-@")
# invisible characters outside the Z and C categories (Unicode's Default_Ignorable_Code_Point):
# Hangul fillers, the combining grapheme joiner, Khmer inherent vowels, variation selectors
_IGNORABLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
                       + "".join(map(chr, range(0xFE00, 0xFE10))) + "".join(map(chr, range(0xE0100, 0xE01F0))))


def _invisible(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] == "Z" or cat in ("Cc", "Cf") or ch in _IGNORABLE or ch.isspace()


def _runs_as_formula(s: str) -> bool:
    """Whether a spreadsheet could take `s` for a formula: it starts with a control character
    (tab, CR, NUL...: some programs drop them and read on), or its first visible character is
    = + - @, also after spaces, NBSP or zero-width characters, or in a compatibility form (＝, ﹦, ＋, ＠)."""
    if not s:
        return False
    if unicodedata.category(s[0]) == "Cc":
        return True
    for ch in s:
        if not _invisible(ch):
            return unicodedata.normalize("NFKC", ch)[:1] in _FORMULA
    return False


def _cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    s = "" if value is None else str(value)
    return "'" + s if _runs_as_formula(s) else s


def to_csv(hits, target: str = "statements", columns: tuple | None = None) -> str:
    """Rows ending in \n. A cell holding a CR or LF is quoted: csv.writer quotes only the characters
    of its line terminator, and an unquoted CR is a row break to a spreadsheet (a new row whose first
    cell no check has seen), so rows are written with \r\n and the terminator is cut back to \n."""
    cols = columns or COLUMNS[target]
    out = io.StringIO()
    row = io.StringIO()
    w = csv.writer(row, lineterminator="\r\n")
    for cells in [cols, *([_cell(h.get(c)) for c in cols] for h in hits)]:
        row.seek(0)
        row.truncate()
        w.writerow(cells)
        out.write(row.getvalue()[:-2] + "\n")
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


NO_GROUP = {"speaker": "(no speaker: the outlet's own voice)", "outlet": "(unknown outlet)", "month": "(undated)"}


def counts_table(rows, by: str) -> str:
    """Technique counts (store.technique_counts) as aligned columns: the group, the technique, and
    the spans used by the speaker (in direct quotes), by the outlet (its own wording), in all."""
    if not rows:
        return "no techniques\n"
    head = ([by] if by != "technique" else []) + ["technique", "by speaker", "by outlet", "total"]
    cells = [([str(r[by] or NO_GROUP[by])] if by != "technique" else [])
             + [r["technique"], str(r["used_by_speaker"]), str(r["used_by_outlet"]), str(r["total"])] for r in rows]
    text_columns = len(head) - 3  # the counts are right-aligned
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    lines = ["  ".join(v.ljust(w) if i < text_columns else v.rjust(w) for i, (v, w) in enumerate(zip(c, widths)))
             for c in [head, *cells]]
    lines.append("\nby speaker: inside the speaker's direct quotes; by outlet: the outlet's own wording "
                 "(reported speech included)")
    return "\n".join(line.rstrip() for line in lines) + "\n"
