"""Search results as a terminal table, CSV, JSON or JSON lines: the same columns for the CLI and the
web, for a page of results and for a whole export (streamed: `csv_lines` and `jsonl_lines` take any
iterable of rows and yield one line at a time).

COLUMNS is the one list of what a hit and an export row hold per target; a column a later change
stores (corpus/rows.py) is added here and, where it needs a join, in store/sql.py's SELECT_OF."""
from __future__ import annotations

import csv
import io
import json
import textwrap
import unicodedata

COLUMNS = {
    # published: the article's date; said_*: when the statement was originally made, and on what basis;
    # techniques: the persuasion techniques found in the statement, "; "-separated (names hold commas)
    "statements": ("published", "speaker", "text", "outlet", "title", "url", "id", "article_id", "speaker_id",
                   "speaker_kind", "kind", "cue", "confidence", "said_date", "said_year", "said_basis",
                   "said_text", "occasion", "cluster_id", "techniques"),
    "claims": ("published", "text", "kind", "verdict", "score", "speaker", "statement_id", "stated", "value",
               "qualifier", "counted", "place", "time", "cited_source", "observance", "outlet", "title", "url",
               "id", "article_id"),
    "articles": ("published", "title", "outlet", "author", "url", "id", "doc_id", "published_basis", "chars",
                 "statement_count", "speaker_count", "claim_count", "text"),
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


def csv_lines(hits, target: str = "statements", columns: tuple | None = None):
    """The header and one line per row, each ending in \n. A cell holding a CR or LF is quoted:
    csv.writer quotes only the characters of its line terminator, and an unquoted CR is a row break
    to a spreadsheet (a new row whose first cell no check has seen), so rows are written with \r\n
    and the terminator is cut back to \n. `columns` (default COLUMNS[target]) for other tables."""
    cols = columns or COLUMNS[target]
    row = io.StringIO()
    w = csv.writer(row, lineterminator="\r\n")
    for cells in _cells(cols, hits):
        row.seek(0)
        row.truncate()
        w.writerow(cells)
        yield row.getvalue()[:-2] + "\n"


def _cells(cols, hits):
    yield cols
    for h in hits:
        yield [_cell(h.get(c)) for c in cols]


def to_csv(hits, target: str = "statements", columns: tuple | None = None) -> str:
    return "".join(csv_lines(hits, target, columns))


def jsonl_lines(hits, target: str = "statements"):
    """One JSON object per row and line, with the columns of COLUMNS[target] (JSON lines)."""
    cols = COLUMNS[target]
    for h in hits:
        yield json.dumps({c: h.get(c) for c in cols}, ensure_ascii=False) + "\n"


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
    articles = search.target == "articles"
    for h in page.hits:
        who = h.get("author") if articles else h.get("speaker") or h.get("verdict")
        head = f"published {h.get('published') or 'undated'}  {who or '-'}  ({h.get('outlet') or 'unknown outlet'})"
        lines.append(head)
        text = h.get("title") if articles else h.get("text")
        lines += textwrap.wrap(" ".join((text or "").split()), width - 4,
                               initial_indent="    ", subsequent_indent="    ")
        lines.append(f"    {(h.get('url') if articles else h.get('title')) or ''} [{h['id']}]".rstrip())
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
