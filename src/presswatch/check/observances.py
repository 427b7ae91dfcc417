"""The observance calendar: dates of Ramadan, the Eids, Ashura, Quds Day, Nakba Day ... per year.

Rules live in data/observances.toml (one entry per observance, with country practice where it
differs); Islamic dates come from hijridate's Umm al-Qura tables (1343-1500 AH, 1924-2077 CE).
Officially announced dates in the [[override]] table win over the computation; a computed Islamic
date says so, because moon sighting can move it by a day.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from ..errors import PresswatchError
from ..nlp.lexicons.calendar import WEEKDAY_NAMES

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

HIJRI_MONTHS = ("Muharram", "Safar", "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Awwal",
                "Jumada al-Thani", "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'dah",
                "Dhu al-Hijjah")
WEEKDAYS = tuple(name.capitalize() for name in WEEKDAY_NAMES)  # "Monday", ...
COUNTRY_NAMES = {"IR": "Iran", "SA": "Saudi Arabia", "IQ": "Iraq", "LB": "Lebanon", "PS": "Palestine",
                 "TR": "Turkey", "EG": "Egypt", "PK": "Pakistan"}
RULES = ("fixed", "hijri", "hijri_month_end", "hijri_last_weekday")
# hijridate's Umm al-Qura table: 1343-01-01 AH .. 1500-12-30 AH
FIRST_YEAR, LAST_YEAR = 1925, 2076  # Gregorian years fully inside the table
CAVEAT = "computed, may be off by a day"


class CalendarError(PresswatchError):
    """An observance that is not in the calendar, a year outside its tables, or a bad data file."""


@dataclass(frozen=True)
class Observance:
    key: str
    name: str
    rule: str
    aliases: tuple = ()
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None  # 0 = Monday
    max_day: Optional[int] = None
    default_country: Optional[str] = None
    countries: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def islamic(self) -> bool:
        return self.rule != "fixed"

    def rule_text(self, country: Optional[str] = None) -> str:
        spec = self.countries.get(country or self.default_country or "", {})
        if spec.get("practice"):
            return spec["practice"]
        if self.rule == "fixed":
            return f"{dt.date(2000, self.number('month'), self.number('day')):%B} {self.day} every year"
        month = HIJRI_MONTHS[self.number("month") - 1]
        if self.rule == "hijri":
            return f"{spec.get('day', self.day)} {month} (Umm al-Qura)"
        if self.rule == "hijri_month_end":
            return f"the last day of {month} (Umm al-Qura)"
        return f"the last {WEEKDAYS[self.number('weekday')]} of {month} (Umm al-Qura)"

    def number(self, name: str) -> int:
        """A field the rule needs (month, day, weekday): checked when the calendar is loaded."""
        value = getattr(self, name)
        if value is None:
            raise CalendarError(f"{self.key}: the rule {self.rule} needs a {name}")
        return value


@dataclass(frozen=True)
class Occurrence:
    """One dated occurrence of an observance."""
    key: str
    name: str
    date: dt.date
    country: Optional[str]
    basis: str  # computed | announced
    explanation: str
    source: Optional[str] = None
    hijri_year: Optional[int] = None

    @property
    def caveat(self) -> str:
        if self.basis == "announced":
            return f"announced ({self.source})"
        return CAVEAT if self.hijri_year is not None else "fixed date"

    def to_dict(self) -> dict:
        return {"observance": self.name, "date": self.date.isoformat(), "country": self.country,
                "basis": self.basis, "explanation": self.explanation, "source": self.source,
                "hijri_year": self.hijri_year}


def _norm(name: str) -> str:
    s = name.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"\bthe\b", " ", s)
    return " ".join(re.sub(r"[^\w']+", " ", s).replace("'", "").split())


def _alias_pattern(alias: str) -> str:
    parts = re.split(r"[\s\-]+", alias.strip())
    parts = [re.sub(r"['’]", "['’]?", re.escape(p)) for p in parts]
    return r"[\s\-]+".join(parts)


def _hijri(y, m, d):
    from hijridate import Hijri
    g = Hijri(y, m, d).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def _month_length(y, m) -> int:
    from hijridate import Hijri
    return Hijri(y, m, 1).month_length()


def _to_hijri(d: dt.date):
    from hijridate import Gregorian
    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


class Calendar:
    """The observance registry with its overrides; build with Calendar.load()."""

    def __init__(self, data: dict, origin: str = "observances.toml"):
        self.origin = origin
        self.observances: dict[str, Observance] = {}
        for key, d in (data.get("observance") or {}).items():
            self.observances[key] = self._observance(key, d)
        self._names: dict[str, str] = {}
        for o in self.observances.values():
            for n in (o.name, o.key.replace("_", " "), *o.aliases):
                self._names.setdefault(_norm(n), o.key)
        self.overrides: dict[tuple, dict] = {}
        for i, d in enumerate(data.get("override") or ()):
            self.add_override(d, f"{origin} [[override]] #{i + 1}")
        self._cache: dict = {}
        self._mention_re: Optional[re.Pattern] = None
        self._by_word: dict = {}

    # -- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Optional[str] = None, overrides: Iterable[str] = ()) -> "Calendar":
        """The packaged registry (or the TOML at path), plus [[override]] tables from other files."""
        if path is None:
            raw = resources.files("presswatch").joinpath("data/observances.toml").read_bytes()
            origin = "presswatch/data/observances.toml"
        else:
            raw = _read(path)
            origin = str(path)
        cal = cls(_parse(raw, origin), origin)
        for p in overrides:
            data = _parse(_read(p), str(p))
            for i, d in enumerate(data.get("override") or ()):
                cal.add_override(d, f"{p} [[override]] #{i + 1}")
        return cal

    def _observance(self, key: str, d: dict) -> Observance:
        where = f"{self.origin}: observance {key!r}"
        rule = d.get("rule")
        if rule not in RULES:
            raise CalendarError(f"{where}: rule must be one of {', '.join(RULES)}, not {rule!r}")
        month, day = d.get("month"), d.get("day")
        if not isinstance(month, int) or not 1 <= month <= 12:
            raise CalendarError(f"{where}: month must be a number 1-12")
        if rule in ("fixed", "hijri") and (not isinstance(day, int) or not 1 <= day <= 31):
            raise CalendarError(f"{where}: day must be a number 1-31")
        if rule == "fixed":
            assert isinstance(day, int)  # checked just above
            try:
                dt.date(2000, month, day)
            except ValueError:
                raise CalendarError(f"{where}: {month}/{day} is not a date") from None
        weekday = None
        if rule == "hijri_last_weekday":
            wd = str(d.get("weekday", "")).capitalize()
            if wd not in WEEKDAYS:
                raise CalendarError(f"{where}: weekday must be one of {', '.join(WEEKDAYS)}")
            weekday = WEEKDAYS.index(wd)
        return Observance(key=key, name=d.get("name", key), rule=rule, aliases=tuple(d.get("aliases", ())),
                          month=month, day=day, weekday=weekday, max_day=d.get("max_day"),
                          default_country=d.get("default_country"), countries=dict(d.get("country", {})))

    def add_override(self, d: dict, where: str) -> None:
        key = d.get("observance")
        obs = self.match(key or "")
        if obs is None:
            raise CalendarError(f"{where}: unknown observance {key!r}")
        source = str(d.get("source") or "").strip()
        if not source:
            raise CalendarError(f"{where}: an override needs its source (who announced the date)")
        try:
            date = dt.date.fromisoformat(str(d.get("date")))
        except ValueError:
            raise CalendarError(f"{where}: date {d.get('date')!r} is not a YYYY-MM-DD date") from None
        country = (d.get("country") or obs.default_country or "").upper() or None
        self.overrides[(obs.key, country, date.year)] = {"date": date, "source": source}
        if hasattr(self, "_cache"):
            self._cache.clear()

    # -- names -------------------------------------------------------------------------------
    def match(self, name: str) -> Optional[Observance]:
        key = self._names.get(_norm(name))
        if key is None and name in self.observances:
            key = name
        return self.observances.get(key) if key else None

    def lookup(self, name: str) -> Observance:
        obs = self.match(name)
        if obs is None:
            close = difflib.get_close_matches(_norm(name), list(self._names), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            known = ", ".join(sorted(o.name for o in self.observances.values()))
            raise CalendarError(f"no observance called {name!r} in the calendar{hint} (known: {known})")
        return obs

    def mentions(self, text: str) -> list[tuple[int, int, Observance]]:
        """(start, end, observance) of every observance named in text; the longest name wins."""
        if self._mention_re is None:
            common = {"day", "days", "year's", "new", "international", "world", "the", "of", "night", "feast",
                      "birthday", "first", "last", "start", "end", "beginning", "and", "al", "an", "ul", "e",
                      "with", "people", "palestinian", "rights", "freedom", "islamic", "women's", "workers'"}
            self._by_word.clear()
            for o in self.observances.values():
                for n in (o.name, *o.aliases):
                    parts = [w for w in re.split(r"[\s\-]+", n.lower().replace("’", "'")) if w not in common]
                    word = max(parts or [max(re.split(r"[\s\-]+", n.lower().replace("’", "'")), key=len)], key=len)
                    rx = re.compile(r"(?<![\w-])" + _alias_pattern(n) + r"(?![\w-])", re.IGNORECASE)
                    self._by_word.setdefault(word, []).append((rx, o.key))
            self._mention_re = re.compile(r"(?<![\w])(?:" + "|".join(
                _alias_pattern(w) for w in sorted(self._by_word, key=len, reverse=True)) + r")", re.IGNORECASE)
        found = set()
        for m in self._mention_re.finditer(text):
            word = m.group(0).lower().replace("’", "'")
            lo, hi = max(0, m.start() - 60), min(len(text), m.end() + 60)
            for rx, key in self._by_word.get(word, ()):
                for a in rx.finditer(text, lo, hi):
                    found.add((a.start(), a.end(), key))
        out: list = []
        taken: list = []
        for s, e, key in sorted(found, key=lambda t: (-(t[1] - t[0]), t[0])):
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            out.append((s, e, self.observances[key]))
        return sorted(out, key=lambda t: t[0])

    # -- dates -------------------------------------------------------------------------------
    def occurrences(self, name_or_obs, year: int, country: Optional[str] = None) -> list[Occurrence]:
        """Every occurrence in Gregorian `year` (an Islamic observance can fall twice in one year)."""
        obs = name_or_obs if isinstance(name_or_obs, Observance) else self.lookup(name_or_obs)
        cc = (country or obs.default_country or "").upper() or None
        ck = (obs.key, cc, year)
        if ck in self._cache:
            return self._cache[ck]
        if obs.rule == "fixed":
            try:
                date = dt.date(year, obs.number("month"), obs.number("day"))
            except ValueError:
                raise CalendarError(f"{year} is not a year the calendar can date") from None
            out = [Occurrence(obs.key, obs.name, date, cc, "computed", f"{obs.name}: {obs.rule_text(cc)}")]
        else:
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise CalendarError(
                    f"{year} is outside the Umm al-Qura tables the calendar uses "
                    f"({FIRST_YEAR}-{LAST_YEAR}); {obs.name} cannot be dated for it")
            hy0 = _to_hijri(dt.date(year, 1, 1))[0]
            out = []
            for hy in (hy0 - 1, hy0, hy0 + 1):
                try:
                    occ = self.in_hijri_year(obs, hy, cc)
                except (ValueError, OverflowError):
                    continue
                if occ.date.year == year:
                    out.append(occ)
        ov = self.overrides.get((obs.key, cc, year))
        if ov is not None:
            computed = out[0].date if out else None
            note = (f"; the computation gives {computed}" if computed and computed != ov["date"] else "")
            out = [Occurrence(obs.key, obs.name, ov["date"], cc, "announced",
                              f"{obs.name} {year}: officially announced for {ov['date']}{note}",
                              source=ov["source"], hijri_year=out[0].hijri_year if out else None)]
        self._cache[ck] = out
        return out

    def month_span(self, hijri_year: int, month: int) -> tuple[dt.date, dt.date]:
        """First and last day of an Islamic month by Umm al-Qura."""
        start = _hijri(hijri_year, month, 1)
        return start, start + dt.timedelta(days=_month_length(hijri_year, month) - 1)

    def in_hijri_year(self, obs: Observance, hy: int, cc: Optional[str]) -> Occurrence:
        spec = obs.countries.get(cc or "", {})
        offset = int(spec.get("offset_days", 0))
        month = obs.number("month")
        start, end = self.month_span(hy, month)
        length = (end - start).days + 1
        mname = f"{HIJRI_MONTHS[month - 1]} {hy}"
        where = f" ({COUNTRY_NAMES.get(cc or '', cc)} practice)" if spec else ""
        shift = (f"; {COUNTRY_NAMES.get(cc or '', cc)}'s month taken to begin {offset} day{'s' if offset > 1 else ''} "
                 f"later ({start + dt.timedelta(days=offset)})" if offset else "")
        runs = f"{mname} runs {start}..{end} (Umm al-Qura){shift}"
        if obs.rule == "hijri":
            day = int(spec.get("day", obs.day))
            date = start + dt.timedelta(days=day - 1 + offset)
            expl = f"{obs.name}{where}: day {day} of {mname}; {runs}"
        elif obs.rule == "hijri_month_end":
            date = end + dt.timedelta(days=offset)
            expl = f"{obs.name}{where}: last day of {mname}; {runs}"
        else:
            max_day = int(spec.get("max_day", obs.max_day or length))
            first = start + dt.timedelta(days=offset)
            days = [first + dt.timedelta(days=i) for i in range(min(max_day, length))]
            hits = [d for d in days if d.weekday() == obs.weekday]
            date = hits[-1]
            n = (date - first).days + 1
            rule = f"the last {WEEKDAYS[obs.number('weekday')]} of {mname}"
            if max_day < 30:
                rule += f" that is not day {max_day + 1} or {max_day + 2} of its own reckoning"
            expl = f"{obs.name}{where}: {rule}; {runs}; {date} is day {n} of that reckoning"
        return Occurrence(obs.key, obs.name, date, cc, "computed", f"{expl} ({CAVEAT})", hijri_year=hy)

    def years_on(self, obs: Observance, month: int, day: int, years: Iterable[int],
                 country: Optional[str] = None) -> list[int]:
        """The years among `years` in which obs falls on month/day (overrides included)."""
        out = []
        for y in years:
            try:
                if any(o.date.month == month and o.date.day == day for o in self.occurrences(obs, y, country)):
                    out.append(y)
            except CalendarError:
                continue
        return out


def _read(path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CalendarError(f"{path}: cannot read the calendar file ({exc.strerror or exc})") from None


def _parse(raw: bytes, origin: str) -> dict:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CalendarError(f"{origin}: is not UTF-8 text; a calendar file is TOML") from None
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(f"{origin}: is not valid TOML ({exc})") from None


@functools.lru_cache(maxsize=1)
def default_calendar() -> Calendar:
    """The packaged calendar, loaded once per process."""
    return Calendar.load()


def parse_years(spec: str) -> list[int]:
    """'2000..2030', '2024', '2019,2021,2023' -> years; a clear CalendarError otherwise."""
    years: list[int] = []
    for part in str(spec).split(","):
        part = part.strip()
        m = re.fullmatch(r"(\d{1,4})\s*(?:\.\.|-|–)\s*(\d{1,4})", part)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if b < a:
                raise CalendarError(f"year range {part!r} runs backwards; write it as {b}..{a}")
            if b - a > 500:
                raise CalendarError(f"year range {part!r} is longer than 500 years")
            years.extend(range(a, b + 1))
        elif re.fullmatch(r"\d{1,4}", part):
            years.append(int(part))
        else:
            raise CalendarError(f"{part!r} is not a year or a range of years (e.g. 2024 or 2000..2030)")
    if not years:
        raise CalendarError("give a year or a range of years (e.g. 2000..2030)")
    return years
