"""User-supplied tables: reference series (series,date,value,source) and facts (event,date,source).

A file that cannot be used at all (missing, not UTF-8, no header, missing columns, no usable row)
raises TableError with a message that says what to fix. A bad row is skipped and listed in the
table's `problems`, which the CLI prints as a warning; it never stops the analysis.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..nlp.lexicons.numbers import SCALE_ABBREVIATIONS, SCALES

REFERENCE_COLUMNS = ("series", "date", "value", "source")
FACT_COLUMNS = ("event", "date", "source")
MAX_BYTES = 50_000_000
_SCALE = {**SCALES, **SCALE_ABBREVIATIONS}
_SCALE_RE = "|".join(sorted(_SCALE, key=len, reverse=True))
_UNIT_WORDS = {"%": "%", "percent": "%", "per cent": "%", "usd": "USD", "$": "USD", "eur": "EUR", "€": "EUR",
               "gbp": "GBP", "£": "GBP", "people": "", "persons": "", "count": "", "": ""}


class TableError(InputError):
    """A reference or fact file that cannot be used."""


@dataclass(frozen=True)
class Row:
    key: str  # series name / event
    date: dt.date
    precision: str  # day | month | year
    source: str
    line: int
    value: Optional[float] = None
    unit: str = ""
    keywords: tuple = ()


@dataclass
class Table:
    path: str
    kind: str  # reference | facts
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def parse_date(s: str) -> tuple[Optional[dt.date], str]:
    s = s.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return dt.date.fromisoformat(s), "day"
        if re.fullmatch(r"\d{4}-\d{2}", s):
            return dt.date(int(s[:4]), int(s[5:7]), 1), "month"
        if re.fullmatch(r"\d{4}", s):
            return dt.date(int(s), 1, 1), "year"
    except ValueError:
        pass
    return None, ""


def parse_value(s: str) -> tuple[Optional[float], Optional[str]]:
    """'33,000' -> (33000, ''); '1.2 million' -> (1200000, ''); '12%' -> (12, '%'); '$5bn' -> (5e9, 'USD')."""
    raw = s.strip().lower()
    unit = ""
    for sym in ("$", "€", "£"):
        if raw.startswith(sym):
            unit, raw = _UNIT_WORDS[sym], raw[1:].strip()
    m = re.fullmatch(r"(-?\d{1,3}(?:,\d{3})+|-?\d+)(\.\d+)?\s*(" + _SCALE_RE + r")?\s*(%|percent|per cent|"
                     r"usd|eur|gbp|people|persons)?", raw)
    if not m:
        return None, None
    v = float((m.group(1) + (m.group(2) or "")).replace(",", ""))
    if m.group(3):
        v *= _SCALE[m.group(3)]
    if m.group(4):
        unit = _UNIT_WORDS[m.group(4)]
    return v, unit


def _read_csv(path: str, kind: str, required) -> tuple[list[tuple[int, dict[str, str], bool]], list[str]]:
    p = Path(path)
    try:
        if p.is_dir():
            raise TableError(str(path), f"is a directory; give a CSV file of {', '.join(required)}")
        if p.stat().st_size > MAX_BYTES:
            raise TableError(str(path), f"is over {MAX_BYTES:,} bytes; a {kind} file is a small CSV")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise TableError(str(path), f"no such file; give the {kind} CSV file") from None
    except OSError as exc:
        raise TableError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(str(path), "is not UTF-8 text; save the CSV as UTF-8") from None
    if "\x00" in text:
        raise TableError(str(path), "is a binary file, not a CSV")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise TableError(str(path), f"is empty; the first line must be the header {','.join(required)}")
        header = [h.strip().lower() for h in header]
        missing = [c for c in required if c not in header]
        if missing:
            raise TableError(str(path), f"has no column {', '.join(missing)}; the header must be "
                                        f"{','.join(required)} (found {','.join(header)})")
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            rows.append((reader.line_num, dict(zip(header, values)), len(values) != len(header)))
    except csv.Error as exc:
        raise TableError(str(path), f"is not a valid CSV ({exc})") from None
    return rows, header


def load_reference(path: str) -> Table:
    rows, header = _read_csv(path, "reference", REFERENCE_COLUMNS)
    t = Table(str(path), "reference")
    for line, d, ragged in rows:
        if ragged:
            t.problems.append(f"line {line}: {len(d)} fields where the header has {len(header)}")
            continue
        series = (d.get("series") or "").strip()
        date, prec = parse_date(d.get("date") or "")
        value, unit = parse_value(d.get("value") or "")
        if not series:
            t.problems.append(f"line {line}: no series name")
            continue
        if date is None:
            t.problems.append(f"line {line}: date {d.get('date', '')!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
            continue
        if value is None:
            t.problems.append(f"line {line}: value {d.get('value', '')!r} is not a number "
                              f"(write 33000, 33,000, 1.2 million, 12%)")
            continue
        if "unit" in d and d["unit"].strip():
            u = d["unit"].strip().lower()
            if u not in _UNIT_WORDS:
                t.problems.append(f"line {line}: unit {d['unit']!r} is not one presswatch compares "
                                  f"(leave it empty for counts, or %, USD, EUR, GBP)")
                continue
            if unit and _UNIT_WORDS[u] != unit:
                t.problems.append(f"line {line}: the value says {unit or 'a count'} but the unit column says {d['unit']!r}")
                continue
            unit = _UNIT_WORDS[u]
        t.rows.append(Row(series, date, prec, (d.get("source") or "").strip(), line, value, unit or ""))
    if not t.rows:
        why = "; ".join(t.problems[:3]) if t.problems else "it has a header and nothing else"
        raise TableError(str(path), f"has no usable row ({why})")
    return t


def load_facts(path: str) -> Table:
    rows, header = _read_csv(path, "facts", FACT_COLUMNS)
    t = Table(str(path), "facts")
    for line, d, ragged in rows:
        if ragged:
            t.problems.append(f"line {line}: {len(d)} fields where the header has {len(header)}")
            continue
        event = (d.get("event") or "").strip()
        date, prec = parse_date(d.get("date") or "")
        if not event:
            t.problems.append(f"line {line}: no event")
            continue
        if date is None:
            t.problems.append(f"line {line}: date {d.get('date', '')!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
            continue
        kw = tuple(k.strip() for k in (d.get("keywords") or "").split(";") if k.strip())
        t.rows.append(Row(event, date, prec, (d.get("source") or "").strip(), line, keywords=kw))
    if not t.rows:
        why = "; ".join(t.problems[:3]) if t.problems else "it has a header and nothing else"
        raise TableError(str(path), f"has no usable row ({why})")
    return t
