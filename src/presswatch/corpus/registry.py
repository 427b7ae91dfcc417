"""The speaker registry a user supplies: the people and organisations a corpus is about, with the
names they are written as, so that "Pete Buttigieg", "Buttigieg" and "the Transport Secretary"
can be tied to one entry across articles.

A registry file is TOML (`[[speaker]]` tables) or CSV (header `name,aliases,kind,gender,wikidata,
roles`), chosen by the extension. Each entry has a canonical `name` and optionally `aliases`, a
`kind` (PERSON, ORG or GROUP; PERSON by default), a `gender` (m, f or x), a `wikidata` id ("Q6294")
and `roles`: a title with an optional period, "Transport Minister [2021-03-01..2023-06-30]" (either
end may be left open; in TOML also a table {title, start, end}). docs/registry.md shows both.

`read_registry` reads every entry or raises one InputError naming the file, the entry and line, and
what to change: no entry is ever dropped quietly. The store keeps the entries as JSON
(`entries_to_json` / `entries_from_json`), so they survive a recomputation of speakers.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

from ..errors import InputError
from ..nlp.names import fold

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["RegistryEntry", "Role", "KINDS", "GENDERS", "read_registry", "entries_to_json",
           "entries_from_json"]

KINDS = ("PERSON", "ORG", "GROUP")
GENDERS = ("m", "f", "x")
FIELDS = ("name", "aliases", "kind", "gender", "wikidata", "roles")
JSON_VERSION = 1
Role = tuple[str, Optional[date], Optional[date]]  # title, start, end (None: open)

_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ROLE = re.compile(r"^(?P<title>.*?)\s*(?:\[(?P<bracketed>[^\[\]]*)\]|(?P<bare>[^\s\[\]]*\.\.[^\s\[\]]*))?\s*$")


@dataclass(frozen=True)
class RegistryEntry:
    id: str  # the wikidata id when given, else "reg-" + a slug of the name
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "PERSON"
    gender: Optional[str] = None
    wikidata: Optional[str] = None
    roles: tuple[Role, ...] = ()

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases), "kind": self.kind,
                "gender": self.gender, "wikidata": self.wikidata,
                "roles": [{"title": t, "start": s and s.isoformat(), "end": e and e.isoformat()}
                          for t, s, e in self.roles]}


class _Bad(ValueError):
    """What is wrong with one entry; the reader adds the file and the entry."""


def slug(name: str) -> str:
    """'Pete Buttigieg' -> 'pete-buttigieg' (folded words joined by hyphens)."""
    return "-".join(fold(name).split())


# --- one entry ---------------------------------------------------------------------------------

def _text(value: Any, field: str) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Bad(f"{field} must be text, not {type(value).__name__}")
    return value.strip() or None


def _texts(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Bad(f"{field} must be a list (in CSV: separated by ';')")
    return value


def _date(value: Any, what: str) -> Optional[date]:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Bad(f"bad date {value!r} for {what}: write an ISO date like 2021-03-01")


def _role_from_text(text: str) -> Role:
    """'Transport Minister [2021-03-01..2023-06-30]' (or the period bare, either end open)."""
    m = _ROLE.match(text.strip())
    period = None if m is None else (m["bracketed"] if m["bracketed"] is not None else m["bare"])
    title = "" if m is None else m["title"]
    if m is None or not title or "[" in title or "]" in title:
        raise _Bad(f"bad role {text!r}: write 'Title' or 'Title [2021-03-01..2023-06-30]'")
    if period is None:
        return (title, None, None)
    if period.count("..") != 1:
        raise _Bad(f"bad period in role {text!r}: write start..end, either end may be empty")
    start, end = period.split("..")
    return (title, _date(start.strip(), f"role {title!r}"), _date(end.strip(), f"role {title!r}"))


def _role(value: Any) -> Role:
    if isinstance(value, str):
        role = _role_from_text(value)
    elif isinstance(value, dict):
        unknown = sorted(set(value) - {"title", "start", "end"})
        if unknown:
            raise _Bad(f"unknown key {unknown[0]!r} in a role: use title, start, end")
        title = _text(value.get("title"), "a role's title")
        if not title:
            raise _Bad("a role has no title")
        role = (title, _date(value.get("start"), f"role {title!r}"), _date(value.get("end"), f"role {title!r}"))
    else:
        raise _Bad(f"a role must be text or a table {{title, start, end}}, not {type(value).__name__}")
    title, start, end = role
    if start and end and start > end:
        raise _Bad(f"role {title!r} ends ({end}) before it starts ({start})")
    return role


def _entry(raw: dict) -> RegistryEntry:
    """One entry from its fields (TOML table, CSV row split, or JSON), checked."""
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise _Bad(f"unknown field {unknown[0]!r}: use {', '.join(FIELDS)}")
    name = _text(raw.get("name"), "name")
    if not name:
        raise _Bad("no name: every entry needs its canonical name")
    kind = (_text(raw.get("kind"), "kind") or "PERSON").upper()
    if kind not in KINDS:
        raise _Bad(f"unknown kind {raw.get('kind')!r}: use PERSON, ORG or GROUP")
    gender = (_text(raw.get("gender"), "gender") or "").lower() or None
    if gender is not None and gender not in GENDERS:
        raise _Bad(f"bad gender {raw.get('gender')!r}: use m, f or x (or leave it empty)")
    wikidata = (_text(raw.get("wikidata"), "wikidata") or "").upper() or None
    if wikidata is not None and not _WIKIDATA.fullmatch(wikidata):
        raise _Bad(f"bad wikidata id {raw.get('wikidata')!r}: write it like Q6294")
    aliases: list[str] = []
    for alias in _texts(raw.get("aliases"), "aliases"):
        alias = _text(alias, "an alias")
        if alias and fold(alias) != fold(name) and fold(alias) not in map(fold, aliases):
            aliases.append(alias)
    roles = tuple(_role(r) for r in _texts(raw.get("roles"), "roles"))
    return RegistryEntry(wikidata or "reg-" + (slug(name) or name), name, tuple(aliases), kind,
                         gender, wikidata, roles)


# --- the file formats --------------------------------------------------------------------------

def _toml_rows(text: str, source: str) -> list[tuple[str, Any]]:
    """(where, the table) for each [[speaker]]; where names the entry and its header line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"not valid TOML ({_one_line(exc)})") from None
    unknown = sorted(set(data) - {"speaker"})
    if unknown:
        raise InputError(source, f"unknown table {unknown[0]!r}: a registry has [[speaker]] tables only")
    speakers = data.get("speaker", [])
    if not isinstance(speakers, list):
        raise InputError(source, "write each entry as a [[speaker]] table (double brackets)")
    lines = [i for i, line in enumerate(text.splitlines(), 1)
             if re.match(r"\s*\[\[\s*speaker\s*\]\]", line)]
    where = [f"entry {n} (line {lines[n - 1]})" if len(lines) == len(speakers) else f"entry {n}"
             for n in range(1, len(speakers) + 1)]
    return list(zip(where, speakers))


def _csv_rows(text: str, source: str) -> list[tuple[str, Any]]:
    """(where, the fields) for each row; aliases and roles split at ';'."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[tuple[str, Any]] = []
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        if not header:
            return []
        unknown = [h for h in header if h not in FIELDS]
        if unknown or "name" not in header or len(set(header)) != len(header):
            raise InputError(source, f"line 1: bad header {','.join(header)!r}: use the columns "
                                     f"{','.join(FIELDS)} (name is required, each once)")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            where = f"line {reader.line_num}"
            if len(row) > len(header):
                rows.append((where, _Bad(f"{len(row)} fields for {len(header)} columns (a comma "
                                         "inside a value needs the value in double quotes)")))
                continue
            fields: dict[str, Any] = dict(zip(header, row))
            for many in ("aliases", "roles"):
                if many in fields:
                    fields[many] = [p for p in (x.strip() for x in fields[many].split(";")) if p]
            rows.append((where, fields))
    except csv.Error as exc:
        raise InputError(source, f"line {reader.line_num}: not valid CSV ({_one_line(exc)})") from None
    return rows


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _checked(rows: Iterable[tuple[str, Any]], source: str) -> list[RegistryEntry]:
    """The entries, each checked, then ids and names checked across entries."""
    entries: list[RegistryEntry] = []
    ids: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}  # folded name or alias -> (where, entry name)
    for where, raw in rows:
        try:
            if isinstance(raw, _Bad):
                raise raw
            if not isinstance(raw, dict):
                raise _Bad("an entry must be a table of fields")
            entry = _entry(raw)
        except _Bad as exc:
            raise InputError(source, f"{where}: {exc}") from None
        if entry.id in ids:
            raise InputError(source, f"{where}: duplicate id {entry.id!r} (also {ids[entry.id]}): "
                                     "give one of them its wikidata id, or merge the two")
        ids[entry.id] = where
        _claim(entry, where, names, source)
        entries.append(entry)
    return entries


def _claim(entry: RegistryEntry, where: str, names: dict, source: str) -> None:
    """Each alias belongs to one entry: not another entry's alias, nor another entry's name."""
    mine = [(fold(entry.name), entry.name, False)] + [(fold(a), a, True) for a in entry.aliases]
    for key, written, is_alias in mine:
        if key in names:
            other_where, other_name, other_alias = names[key]
            if is_alias or other_alias:
                raise InputError(source, f"{where}: {written!r} is claimed by two entries ({entry.name!r} "
                                         f"and {other_name!r}, {other_where}): keep it on one of them")
    for key, written, is_alias in mine:
        if key not in names or is_alias:
            names[key] = (where, entry.name, is_alias)


# --- reading and keeping -----------------------------------------------------------------------

def read_registry(path) -> list[RegistryEntry]:
    """Every entry of a registry file (.toml or .csv), or one InputError saying what to fix."""
    source = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in (".toml", ".csv"):
        raise InputError(source, f"unknown registry format {suffix or '(no extension)'!r}: "
                                 "name the file .toml or .csv")
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(source, "is not UTF-8 text: save the registry as UTF-8") from None
    except OSError as exc:
        raise InputError(source, f"cannot read the registry ({exc.strerror or exc})") from None
    rows = _toml_rows(text, source) if suffix == ".toml" else _csv_rows(text, source)
    return _checked(rows, source)


def entries_to_json(entries: Iterable[RegistryEntry]) -> str:
    """The entries as one JSON document (the store keeps it; `entries_from_json` reads it back)."""
    return json.dumps({"version": JSON_VERSION, "speakers": [e.to_dict() for e in entries]},
                      ensure_ascii=False, sort_keys=True)


def entries_from_json(text: str) -> list[RegistryEntry]:
    """The entries `entries_to_json` wrote, checked again as a file's are."""
    source = "the stored speaker registry"
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError) as exc:
        raise InputError(source, f"is not valid JSON ({_one_line(exc)})") from None
    if not isinstance(data, dict) or data.get("version") != JSON_VERSION or \
            not isinstance(data.get("speakers"), list):
        raise InputError(source, f"is not a registry of version {JSON_VERSION}: read the registry file again")
    stored = data["speakers"]
    rows = [(f"entry {n}", {k: v for k, v in raw.items() if k != "id"} if isinstance(raw, dict) else raw)
            for n, raw in enumerate(stored, 1)]
    entries = _checked(rows, source)
    for n, (raw, entry) in enumerate(zip(stored, entries), 1):
        if raw.get("id") != entry.id:
            raise InputError(source, f"entry {n}: stored id {raw.get('id')!r} is not {entry.id!r}: "
                                     "read the registry file again")
    return entries
