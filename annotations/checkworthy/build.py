#!/usr/bin/env python3
"""Rebuild annotator_a.jsonl from ../shared: pick the 24 articles (README.md), split them with
split.py, and mark as check-worthy (label 1) the units listed in POS_A (0-based unit indices per
article, read in context under GUIDELINES.md); every other unit is 0.

    python3 annotations/checkworthy/build.py [--shared DIR]            # writes annotator_a.jsonl
    python3 annotations/checkworthy/build.py --show DOC_ID [--shared DIR]  # numbered units with labels
"""
import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from split import split  # noqa: E402

SEED, PER_SOURCE = 16, 12


def rows(shared: Path, source: str) -> list:
    path = shared / "eval" / "data" / source / "dev.jsonl"
    out = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    if source == "polnear":
        out = [r for r in out if r.get("primary") is True]
    return out


def select(shared: Path) -> list:
    """[(source, row)]: per source, doc_ids sorted, shuffled with random.Random(16), first 12."""
    picked = []
    for source in ("ggt", "polnear"):
        by_id = {r["doc_id"]: r for r in rows(shared, source)}
        ids = sorted(by_id)
        random.Random(SEED).shuffle(ids)
        picked += [(source, by_id[i]) for i in ids[:PER_SOURCE]]
    return picked


POS_A = {
"5c547bf71e67d78e2742971d": [0,2,3,5,12,17,19,21,22],
"5c29ccfc1e67d78e27b76bfb": [0,1,2,3,9,18,19,20,22,33,34,35,36],
"5c1548a31e67d78e2771624f": [3,8,9,10,11,15,21,31],
}
POS_A.update({
"5c201b371e67d78e279e248a": [2,4,6,8,9,13,14,19],
"5c488fac1e67d78e271d405b": [1,4,5,6,7,8,11,12,13,15,16,17,18,20,21,24,25,26,27,28,29],
"5c29947f1e67d78e27b6d330": [30,40],
"5c158f201e67d78e27721ffd": [5,6,14,15,17,18],
})
POS_A.update({
"5c1f1d831e67d78e279c35b4": [1,4,6,7,9,10,11,12,13,17,18],
"5c4962f31e67d78e271f9498": [1,3,4,10,11,12,15,16,19,20,22,26,34,37],
"5c3ed6b11e67d78e27f46477": [1,2,3,4,7,8,9,13,14,20,24,25,35,46],
})
POS_A.update({
"5c2955161e67d78e27b64992": [2,3,4,11,13,15,16,18,23,24,25,26,28,30,34],
"5c1e0b68795bd2a5d03a49a9": [2,3,4,11,13,16,17,18,19,29],
})
POS_A.update({
"west-journal_2016-09-30_new-poll-shows-minor-post-debate": [0,1,2,3,4,5,6,7,8,9,10,12],
"wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea": [6,14,16,22,25,30,43,44,45],
"breitbart_2016-09-21_only-percent-of-hillary-clinton-": [0,1,3,4,7],
})
POS_A.update({
"breitbart_2016-09-30_the-latest-trump-urges-supporter": [5,6,7,11,13,14,15,19,20,27,28,29,30,36,38,44,45,51,52,63,64,68,69,76,93,94,105,111,113,127,128,134,136,137,139,140,144,154,159,162,164,167,182],
})
POS_A.update({
"breitbart_2016-09-28_mary-j-blige-sings-to-hillary-cl": [3],
"huff-post_2016-09-28_clinton-supporting-super-pacs-ta": [1,2],
"nyt_2016-09-12_visa-program-up-for-renewal-amid": [4,5,6,7,8,9,10,11,12,13,22,23,24,25,29,31,33,35,38],
"usa-today_2016-09-08_laws-don-t-apply-equially-to-cli": [3,4,12,16],
})
POS_A.update({
"nyt_2016-10-02_a-curious-plan-to-fight-climate-": [2,14,16,18,20,23,32,34,38,39,48,49,51,52,70,71,74,75,77,84,86,87,95,98,107,110,115,120,127,140,149,160,165,166,181,183,184,187,190],
"huff-post_2016-09-16_black-lawmakers-rip-donald-trump": [5,6,9,10,13,15,26,31,33],
"politico_2016-09-25_poll-clinton-and-trump-in-dead-h": list(range(16)),
"west-journal_2016-09-14_clinton-hid-past-health-problems": [0,2,4,5,6,12,15],
})


def build(shared: Path) -> list:
    out = []
    for source, row in select(shared):
        text = row["text"]
        units = split(text)
        pos = set(POS_A[row["doc_id"]])
        assert all(0 <= i < len(units) for i in pos), row["doc_id"]
        out.append({"doc_id": row["doc_id"], "source": source,
                    "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    "sentences": [{"start": s, "end": e, "label": int(i in pos)} for i, (s, e) in enumerate(units)]})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parents[2] / "shared"))
    ap.add_argument("--show")
    a = ap.parse_args()
    shared = Path(a.shared).resolve()
    if a.show:
        texts = {r["doc_id"]: r["text"] for _, r in select(shared)}
        for i, (s, e) in enumerate(split(texts[a.show])):
            print(f"[{i}] {int(i in set(POS_A[a.show]))} {texts[a.show][s:e]}")
        return 0
    arts = build(shared)
    with open(HERE / "annotator_a.jsonl", "w", encoding="utf-8") as fh:
        for x in arts:
            fh.write(json.dumps(x) + "\n")
    n = sum(len(x["sentences"]) for x in arts)
    k = sum(s["label"] for x in arts for s in x["sentences"])
    print(f"{len(arts)} articles, {n} sentences, {k} check-worthy ({100 * k / n:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
