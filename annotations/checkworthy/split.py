#!/usr/bin/env python3
"""Sentence units for the check-worthiness set (annotations/checkworthy/README.md).

Rule: split the text at line breaks; drop empty lines; strip each line's surrounding spaces. Inside a
line, end a sentence after . ! or ? (plus any closing quotation marks or brackets) when whitespace
and then a capital letter, a digit or an opening quotation mark follow — except after a common
abbreviation (Mr. Mrs. Ms. Dr. St. Jr. Sr. Gen. lbs. Sen. Rep. Gov. Lt. Col. Sgt. Prof. Rev. Gov. No.
vs. etc. Inc. Ltd. Co. Corp. Jan. Feb. Aug. Sept. Oct. Nov. Dec. and the like) or a dotted initialism
such as U.S., U.N., D.C., C.J. or a single capital initial (J. Smith). Offsets are character offsets
into the article text; each unit is [start, end) with no surrounding whitespace.

    python annotations/checkworthy/split.py FILE.jsonl DOC_ID     # print the numbered units
"""
import json
import re
import sys

ABBREV = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "reps", "gov", "lt", "col",
          "sgt", "capt", "cmdr", "adm", "prof", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co",
          "corp", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft",
          "approx", "lb", "lbs", "dept", "est", "fig", "pres", "atty", "supt", "messrs"}
END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'A-Z0-9])")


def _abbrev_before(line: str, dot: int) -> bool:
    """True when the '.' at index dot ends an abbreviation or initialism."""
    if line[dot] != ".":
        return False
    m = re.search(r"([A-Za-z.]+)$", line[:dot])
    if not m:
        return False
    word = m.group(1)
    if "." in word or (len(word) == 1 and word.isupper()):  # U.S  C.J  D.C  or a lone initial
        return True
    return word.lower() in ABBREV


def split(text: str) -> list:
    out = []
    pos = 0
    for raw in text.split("\n"):
        lstart = pos
        pos += len(raw) + 1
        s = lstart + (len(raw) - len(raw.lstrip()))
        e = lstart + len(raw.rstrip())
        if s >= e:
            continue
        line = text[s:e]
        cur = 0
        for m in END.finditer(line):
            if _abbrev_before(line, m.start()):
                continue
            out.append((s + cur, s + m.end()))
            nxt = m.end()
            while nxt < len(line) and line[nxt].isspace():
                nxt += 1
            cur = nxt
        if cur < len(line):
            out.append((s + cur, e))
    return out


if __name__ == "__main__":
    path, doc = sys.argv[1], sys.argv[2]
    for row in map(json.loads, open(path, encoding="utf-8")):
        if row["doc_id"] == doc:
            for i, (s, e) in enumerate(split(row["text"])):
                print(f"[{i}] {row['text'][s:e]}")
