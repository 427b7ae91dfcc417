"""The research views' figures: what each chart counts, read through the store's aggregates
(statement_counts, technique_counts, claim_counts) and drawn by charts.py.

A Figure is one chart with its numbers: the SVG, the table the page shows beside it and the CSV
download both come from the same rows. A view (the dashboard, a speaker, an outlet) is a list of
figure names; `figures(store, view, names)` computes them, each query once per request (Reader).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Optional
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..nlp.techniques.definitions import label
from ..store.base import CHECKWORTHY_FLOOR, ClaimCounts, StatementCounts, TechniqueCounts
from . import charts
from .charts import PALETTE, UNKNOWN, Bar

TOP_SPEAKERS = 8  # lines in "statements per month by speaker" (the dashboard's `top`)
TOP_BARS = 15
TOP_OUTLETS = 8
GENDERS = {"f": "women", "m": "men"}
GENDER_COLOURS = {"women": "#8e44ad", "men": "#2a9d8f"}  # not red and blue: no connotation, apart for colour-blind eyes
GENDER_METHOD = (
    "Share of the statements by people (organisations, groups and unresolved speakers left out), by the "
    "gender presswatch's identity step gave the speaker: a title or pronouns in the articles (Mr, Ms, he, "
    "she), else the usual gender of the first name (data/first_names.tsv, from public name statistics), or a "
    "registry entry. Unknown: a person none of these tells. As the Gender Gap Tracker counts, each statement "
    "counts once, so a speaker quoted often weighs more; no one's gender is asked or confirmed.")


@dataclass(frozen=True)
class View:
    """What a page shows: the whole corpus or one outlet or speaker, in a period."""
    since: Optional[str] = None
    until: Optional[str] = None
    outlet: Optional[str] = None
    speaker: Optional[str] = None  # a corpus speaker's id
    top: int = TOP_SPEAKERS

    def link(self, page: str, chart: str) -> str:
        """The CSV of one chart of this view."""
        params = {k: v for k, v in (("view", page), ("chart", chart), ("since", self.since), ("until", self.until),
                                    ("outlet", self.outlet), ("speaker", self.speaker)) if v}
        if self.top != TOP_SPEAKERS:
            params["top"] = str(self.top)
        return "/dashboard.csv?" + urlencode(params)


@dataclass
class Figure:
    name: str
    title: str
    svg: Markup
    columns: tuple
    rows: list  # dicts with the columns
    note: str = ""
    csv: str = ""


class Reader:
    """The store's aggregates for one request, each query run once however many figures read it."""

    def __init__(self, store):
        self.store = store
        self.memo: dict = {}

    def _once(self, key, run):
        if key not in self.memo:
            self.memo[key] = run()
        return self.memo[key]

    def statements(self, view: View, *by, speakers: tuple = ()) -> list[dict]:
        c = StatementCounts(tuple(by), outlet=view.outlet, since=view.since, until=view.until,
                            speakers=speakers or ((view.speaker,) if view.speaker else ()))
        return self._once(c, lambda: self.store.statement_counts(c))

    def techniques(self, view: View, by: str, used_by: Optional[str] = None) -> list[dict]:
        c = TechniqueCounts(by, speaker=view.speaker, outlet=view.outlet, since=view.since, until=view.until,
                            used_by=used_by)
        return self._once(c, lambda: self.store.technique_counts(c))

    def claims(self, view: View, by: str) -> list[dict]:
        c = ClaimCounts(by, outlet=view.outlet, since=view.since, until=view.until, speaker=view.speaker)
        return self._once(c, lambda: self.store.claim_counts(c))


def outlet_link(name) -> Optional[str]:
    return "/outlets/" + quote(str(name), safe="") if name else None


def speaker_link(sid) -> Optional[str]:
    return "/speakers/" + quote(str(sid), safe="") if sid else None


def _months(rows: list[dict]) -> list[str]:
    dated = [r["month"] for r in rows if r["month"]]
    return charts.months_between(min(dated), max(dated)) if dated else []


def _undated(rows: list[dict], what: str = "statements") -> str:
    n = sum(r["n"] for r in rows if not r["month"])
    return f" {n:,} undated {what if n != 1 else what[:-1]} {'are' if n != 1 else 'is'} not in the chart." if n else ""


def _series(rows: list[dict], key: str, wanted: list, months: list[str]) -> dict:
    """{value of `key`: a count per month} for the wanted values."""
    at = {m: i for i, m in enumerate(months)}
    out = {w: [0] * len(months) for w in wanted}
    for r in rows:
        if r["month"] in at and r[key] in out:
            out[r[key]][at[r["month"]]] += r["n"]
    return out


def speakers_by_month(r: Reader, v: View) -> Figure:
    title = f"Statements per month by the {v.top} most quoted speakers"
    top = [x for x in r.statements(v, "speaker") if x["speaker_id"]][:v.top]
    rows = r.statements(v, "speaker", "month", speakers=tuple(x["speaker_id"] for x in top)) if top else []
    months = _months(rows)
    counts = _series(rows, "speaker_id", [x["speaker_id"] for x in top], months)
    series = [(x["speaker"], PALETTE[k % len(PALETTE)], counts[x["speaker_id"]]) for k, x in enumerate(top)]
    desc = f"Lines over {len(months)} months for {', '.join(x['speaker'] for x in top) or 'no speaker'}."
    svg = charts.month_lines("speakers-by-month", title, desc, months, series)
    table = [{"month": x["month"], "speaker_id": x["speaker_id"], "speaker": x["speaker"], "statements": x["n"]}
             for x in sorted(rows, key=lambda x: (x["month"] or "9999", -x["n"]))]
    return Figure("speakers-by-month", title, Markup(svg), ("month", "speaker_id", "speaker", "statements"), table,
                  "Publication month of the article quoting them." + _undated(rows))


def outlets_by_month(r: Reader, v: View) -> Figure:
    title = "Statements per month by outlet"
    rows = r.statements(v, "outlet", "month")
    totals: dict = {}
    for x in rows:
        totals[x["outlet"]] = totals.get(x["outlet"], 0) + x["n"]
    top = sorted((o for o in totals if o), key=lambda o: (-totals[o], o))[:TOP_OUTLETS]
    months = _months(rows)
    counts = _series(rows, "outlet", top, months)
    series = [(o, PALETTE[k % len(PALETTE)], counts[o]) for k, o in enumerate(top)]
    rest = [x for x in rows if x["outlet"] not in counts]
    if rest:
        other = _series([dict(x, outlet="other") for x in rest], "outlet", ["other"], months)["other"]
        series.append(("other outlets (and none named)", UNKNOWN, other))
    svg = charts.month_lines("outlets-by-month", title, f"Lines over {len(months)} months for {', '.join(top)}.",
                             months, series)
    table = [{"month": x["month"], "outlet": x["outlet"], "statements": x["n"]}
             for x in sorted(rows, key=lambda x: (x["month"] or "9999", -x["n"]))]
    return Figure("outlets-by-month", title, Markup(svg), ("month", "outlet", "statements"), table,
                  f"The {TOP_OUTLETS} outlets with the most statements, the others together." + _undated(rows))


def most_quoted(kinds: tuple, name: str, title: str) -> Callable[[Reader, View], Figure]:
    def build(r: Reader, v: View) -> Figure:
        rows = [x for x in r.statements(v, "speaker") if x["kind"] in kinds][:TOP_BARS]
        bars = [Bar(x["speaker"], x["n"], speaker_link(x["speaker_id"])) for x in rows]
        svg = charts.bar_chart(name, title, f"Horizontal bars: statements of each of the {len(bars)} most quoted.", bars)
        nobody = sum(x["n"] for x in r.statements(v, "speaker") if not x["speaker_id"])
        return Figure(name, title, Markup(svg), ("speaker_id", "speaker", "kind", "statements"),
                      [{"speaker_id": x["speaker_id"], "speaker": x["speaker"], "kind": x["kind"], "statements": x["n"]}
                       for x in rows],
                      f"{nobody:,} statement{'s have' if nobody != 1 else ' has'} no identified speaker (an unresolved “he”, “a spokesman”)."
                      if nobody else "")
    return build


def gender_rows(rows: list[dict], by_outlet: bool) -> tuple[list[dict], dict]:
    """Per outlet (and "all outlets" first): statements by women, men, other genders, unknown; and
    the statements left out (organisations and groups, no corpus speaker) and each basis's count."""
    out: dict = {}
    left_out = {"organisations and groups": 0, "no identified speaker": 0}
    bases: dict = {}
    for x in rows:
        if x["kind"] != "PERSON":
            left_out["no identified speaker" if x["kind"] is None else "organisations and groups"] += x["n"]
            continue
        which = GENDERS.get(x["gender"], "other") if x["gender"] else "unknown"
        bases[x["gender_basis"] or "unknown"] = bases.get(x["gender_basis"] or "unknown", 0) + x["n"]
        for key in ("all outlets",) + ((x["outlet"] or "no outlet named",) if by_outlet else ()):
            row = out.setdefault(key, {"outlet": key, "women": 0, "men": 0, "other": 0, "unknown": 0})
            row[which] += x["n"]
    for row in out.values():
        known = row["women"] + row["men"] + row["other"]
        row["women_share_of_known"] = round(100 * row["women"] / known, 1) if known else None
        row["unknown_share"] = round(100 * row["unknown"] / (known + row["unknown"]), 1)
    ordered = sorted(out.values(), key=lambda r: (r["outlet"] != "all outlets", -(r["women"] + r["men"] + r["unknown"])))
    return ordered, {"left out": left_out, "basis": bases}


def gender(r: Reader, v: View) -> Figure:
    title = "Statements by speaker gender, where it is known"
    by_outlet = not v.outlet
    rows, info = gender_rows(r.statements(v, "gender", "outlet") if by_outlet else r.statements(v, "gender"), by_outlet)
    parts = [("women", GENDER_COLOURS["women"]), ("men", GENDER_COLOURS["men"])]
    if any(x["other"] for x in rows):
        parts.append(("other", PALETTE[8]))
    parts.append(("unknown", UNKNOWN))
    bars = [(x["outlet"] if by_outlet else (v.outlet or "all"), [x[p] for p, _ in parts],
             outlet_link(x["outlet"]) if x["outlet"] not in ("all outlets", "no outlet named") else None)
            for x in rows[:TOP_BARS + 1]]
    svg = charts.stacked_bars("gender", title, "Bars of 100%: the share of statements by women, men and people of "
                              "unknown gender" + (", overall and per outlet." if by_outlet else "."), bars, parts,
                              share=True)
    basis = ", ".join(f"{k}: {n:,}" for k, n in sorted(info["basis"].items(), key=lambda kv: -kv[1]))
    left = "; ".join(f"{k}: {n:,}" for k, n in info["left out"].items() if n)
    note = f"{GENDER_METHOD} Basis of the genders counted: {basis or 'none'}." + (f" Left out: {left}." if left else "")
    return Figure("gender", title, Markup(svg), ("outlet", "women", "men", "other", "unknown", "women_share_of_known",
                                                 "unknown_share"), rows, note)


@lru_cache(maxsize=1)
def technique_colours() -> dict:
    """Each technique's colour as the article page underlines it: read from the stylesheet's .tq-NAME
    rules, so the colours are written once."""
    from . import HERE
    css = (HERE / "static" / "style.css").read_text(encoding="utf-8")
    return dict(re.findall(r"\.(tq-[a-z-]+)\s*\{\s*text-decoration-color:\s*(#[0-9a-fA-F]{3,6})", css))


def _technique_parts(rows: list[dict], amount) -> list[tuple[str, str]]:
    from .highlight import technique_class
    totals: dict = {}
    for x in rows:
        totals[x["technique"]] = totals.get(x["technique"], 0) + amount(x)
    colours = technique_colours()
    return [(t, colours.get(technique_class(t), UNKNOWN)) for t in sorted(totals, key=lambda t: (-totals[t], t))
            if totals[t]]


def techniques_by(group: str) -> Callable[[Reader, View], Figure]:
    """Techniques per outlet (its own wording and its quotes) or per speaker (their own words in direct quotes)."""
    name = f"techniques-by-{group}"
    title = ("Persuasion techniques per outlet" if group == "outlet"
             else "Persuasion techniques speakers use in their own quoted words")
    key = "outlet" if group == "outlet" else "speaker_id"

    def amount(x):
        return x["total"] if group == "outlet" else x["used_by_speaker"]

    def build(r: Reader, v: View) -> Figure:
        rows = r.techniques(v, group) if group == "outlet" else [
            x for x in r.techniques(v, group, used_by="speaker") if x["speaker_id"]]
        totals: dict = {}
        for x in rows:
            totals[x[key]] = totals.get(x[key], 0) + amount(x)
        groups = sorted(totals, key=lambda g: (-totals[g], str(g)))[:12]
        parts = _technique_parts(rows, amount)
        names = {x[key]: (x["speaker"] if group == "speaker" else x["outlet"]) for x in rows}
        cells = {(x[key], x["technique"]): amount(x) for x in rows}
        bars = [(names[g] or "no outlet named", [cells.get((g, t), 0) for t, _ in parts],
                 outlet_link(g) if group == "outlet" else speaker_link(g)) for g in groups]
        svg = charts.stacked_bars(name, title, f"Stacked bars: spans of each technique, for {len(bars)} {group}s.",
                                  bars, [(label(t), c) for t, c in parts], unit="spans")
        columns = (("outlet",) if group == "outlet" else ("speaker_id", "speaker")) + (
            "technique", "used_by_speaker", "used_by_outlet", "total")
        return Figure(name, title, Markup(svg), columns, rows, TECHNIQUE_NOTE)
    return build


TECHNIQUE_NOTE = ("Spans the technique classifier marked (a label of rhetoric, not of falsehood); used by the "
                  "speaker: inside their direct quote; by the outlet: its own wording, reported speech included.")
CLAIM_NOTE = (f"Check-worthy: a claim (a quantity, date or cited fact presswatch extracted) whose check-worthiness "
              f"score is {CHECKWORTHY_FLOOR} or more; check-worthy sentences: any sentence scoring {CHECKWORTHY_FLOOR} "
              "or more (the checkworthy table), claim or not. The score is the model's probability at "
              "ClaimBuster's base rate.")
CLAIM_COLUMNS = ("claims", "checkworthy_claims", "checkworthy_sentences")


def checkworthy_by_outlet(r: Reader, v: View) -> Figure:
    title = f"Check-worthy claims (score ≥ {CHECKWORTHY_FLOOR}) per outlet"
    rows = r.claims(v, "outlet")
    bars = [Bar(x["outlet"] or "no outlet named", x["checkworthy_claims"], outlet_link(x["outlet"]))
            for x in rows[:TOP_BARS]]
    svg = charts.bar_chart("checkworthy-by-outlet", title, "Horizontal bars: check-worthy claims of each outlet.",
                           bars, unit="claims", colour=PALETTE[4])
    return Figure("checkworthy-by-outlet", title, Markup(svg), ("outlet",) + CLAIM_COLUMNS, rows, CLAIM_NOTE)


def claims_by_month(name: str, whose: str) -> Callable[[Reader, View], Figure]:
    def build(r: Reader, v: View) -> Figure:
        title = f"Claims {whose} per month"
        rows = r.claims(v, "month")
        months = _months([dict(x, n=x["claims"]) for x in rows])
        at = {x["month"]: x for x in rows}
        worthy = [at[m]["checkworthy_claims"] if m in at else 0 for m in months]
        other = [at[m]["claims"] - at[m]["checkworthy_claims"] if m in at else 0 for m in months]
        svg = charts.month_columns(name, title, f"Columns over {len(months)} months: claims, the check-worthy ones "
                                   "at the bottom.", months, [(f"check-worthy (score ≥ {CHECKWORTHY_FLOOR})", PALETTE[4],
                                                               worthy), ("other claims", "#c5b0d5", other)],
                                   unit="claims")
        undated = sum(x["claims"] for x in rows if not x["month"])
        return Figure(name, title, Markup(svg), ("month",) + CLAIM_COLUMNS, rows,
                      CLAIM_NOTE + (f" {undated:,} undated claims are not in the chart." if undated else ""))
    return build


def volume(name: str, title: str) -> Callable[[Reader, View], Figure]:
    """Statements per month (of the view's speaker or outlet) as columns."""
    def build(r: Reader, v: View) -> Figure:
        rows = r.statements(v, "month")
        months = _months(rows)
        at = {x["month"]: x["n"] for x in rows}
        svg = charts.month_columns(name, title, f"Columns over {len(months)} months.", months,
                                   [("statements", PALETTE[0], [at.get(m, 0) for m in months])])
        return Figure(name, title, Markup(svg), ("month", "statements"),
                      [{"month": x["month"], "statements": x["n"]} for x in sorted(rows, key=lambda x: x["month"] or "9999")],
                      "Publication month of the article quoting the statement." + _undated(rows))
    return build


def speaker_outlets(r: Reader, v: View) -> Figure:
    title = "Outlets quoting this speaker"
    rows = r.statements(v, "outlet")
    bars = [Bar(x["outlet"] or "no outlet named", x["n"], outlet_link(x["outlet"])) for x in rows[:TOP_BARS]]
    svg = charts.bar_chart("speaker-outlets", title, "Horizontal bars: statements per outlet.", bars)
    return Figure("speaker-outlets", title, Markup(svg), ("outlet", "statements"),
                  [{"outlet": x["outlet"], "statements": x["n"]} for x in rows])


def techniques_used(name: str, title: str) -> Callable[[Reader, View], Figure]:
    """Per technique, the spans used by speakers (in direct quotes) and by the outlet's wording."""
    def build(r: Reader, v: View) -> Figure:
        rows = r.techniques(v, "technique")
        who = "this speaker's direct quotes" if v.speaker else "its quotes"
        parts = [(f"in {who}", PALETTE[3]), ("in the outlet's own wording" if v.speaker else "in its own wording",
                                              PALETTE[0])]
        bars = [(label(x["technique"]), [x["used_by_speaker"], x["used_by_outlet"]], None) for x in rows]
        svg = charts.stacked_bars(name, title, "Stacked bars: spans of each technique, by whose words they are.",
                                  bars, parts, unit="spans")
        return Figure(name, title, Markup(svg), ("technique", "used_by_speaker", "used_by_outlet", "total"), rows,
                      TECHNIQUE_NOTE)
    return build


def outlet_speakers(r: Reader, v: View) -> Figure:
    title = "Most quoted speakers in this outlet"
    rows = [x for x in r.statements(v, "speaker") if x["speaker_id"]][:TOP_BARS]
    bars = [Bar(x["speaker"], x["n"], speaker_link(x["speaker_id"])) for x in rows]
    svg = charts.bar_chart("outlet-speakers", title, "Horizontal bars: statements of each speaker.", bars)
    return Figure("outlet-speakers", title, Markup(svg), ("speaker_id", "speaker", "kind", "statements"),
                  [{"speaker_id": x["speaker_id"], "speaker": x["speaker"], "kind": x["kind"], "statements": x["n"]}
                   for x in rows])


BUILDERS: dict[str, dict[str, Callable[[Reader, View], Figure]]] = {
    "dashboard": {
        "speakers-by-month": speakers_by_month, "outlets-by-month": outlets_by_month,
        "people": most_quoted(("PERSON",), "people", "Most quoted people"),
        "organisations": most_quoted(("ORG", "GROUP"), "organisations", "Most quoted organisations and groups"),
        "gender": gender, "techniques-by-outlet": techniques_by("outlet"),
        "techniques-by-speaker": techniques_by("speaker"), "checkworthy-by-outlet": checkworthy_by_outlet,
    },
    "speaker": {
        "speaker-months": volume("speaker-months", "Statements per month"), "speaker-outlets": speaker_outlets,
        "speaker-techniques": techniques_used("speaker-techniques", "Persuasion techniques in this speaker's statements"),
        "speaker-claims": claims_by_month("speaker-claims", "in this speaker's statements"),
    },
    "outlet": {
        "outlet-months": volume("outlet-months", "Statements per month"), "outlet-speakers": outlet_speakers,
        "outlet-gender": lambda r, v: replace(gender(r, v), name="outlet-gender"),
        "outlet-techniques": techniques_used("outlet-techniques", "Persuasion techniques in this outlet"),
        "outlet-claims": claims_by_month("outlet-claims", "in this outlet"),
    },
}


def figures(store, page: str, view: View, names: Optional[list] = None) -> list[Figure]:
    """The figures of a page ("dashboard", "speaker", "outlet"), or only those named, with CSV links."""
    reader = Reader(store)
    chosen = BUILDERS[page] if names is None else {n: BUILDERS[page][n] for n in names}
    return [replace(build(reader, view), csv=view.link(page, name)) for name, build in chosen.items()]
