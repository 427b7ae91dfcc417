"""First names by usual gender, to keep "she" off a man and "he" off a woman.

The names come from src/presswatch/data/first_names.tsv, built by scripts/build_first_names.py
from maintained public data (nomquamgender's 36 name-gender data sets of many countries and the US
Social Security Administration's baby names; sources, licences and thresholds are in the script
and the file's header line). A name is there only when its bearers are clearly of one gender; a
name it does not know, an ambiguous one ("jean", "andrea") or a common English word ("will",
"hope") leaves the person's gender open, to be learned from the pronouns the article uses.
The table is read once, on the first call, from the installed package: no network.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Optional

TABLE = "first_names.tsv"


@lru_cache(maxsize=1)
def genders() -> dict[str, str]:
    """name -> 'm'|'f' for every name of the table (read once)."""
    text = resources.files("presswatch").joinpath(f"data/{TABLE}").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name] = gender
    return out


def _key(word: str) -> str:
    """Lower case ASCII as in the table: 'José' -> 'jose', 'D’Arcy' -> "d'arcy"."""
    plain = unicodedata.normalize("NFKD", word.replace("\u2019", "'")).encode("ascii", "ignore").decode()
    return plain.lower().strip(".")


def gender_of(first_name: str) -> Optional[str]:
    """'m', 'f' or None for a first name; a hyphenated one the table lacks goes by its first part
    ("Mary-Kate" as "mary")."""
    key = _key(first_name)
    table = genders()
    if key in table:
        return table[key]
    if "-" in key:
        return table.get(key.split("-")[0])
    return None
