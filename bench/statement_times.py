#!/usr/bin/env python3
"""Statement times against a hand annotation: year, date and occasion per gold quote.

    python bench/statement_times.py [GOLD.json] [TEXT]   (defaults: ../shared/seed/gold.json and its text)

Each gold quote is matched to the predicted quote whose content overlaps it most. year and date
agree when equal (both null counts as agreeing); occasion agrees when both are null or both name
something (occasion wording is free text, so it is shown, not string-compared).
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def overlap(a, b):
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def main():
    gold_path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared/seed/gold.json"
    gold = json.loads(gold_path.read_text())
    text_path = Path(sys.argv[2]) if len(sys.argv) > 2 else gold_path.parent / gold["text_file"]
    import presswatch
    a = presswatch.analyze(presswatch.Article(gold["doc_id"], text_path.read_text(encoding="utf-8")))
    n = agree_year = agree_date = agree_occ = 0
    for g in gold["quotes"]:
        gc = g["content"]
        best = max(a.quotes, key=lambda q: max(overlap(gc, c.to_dict()) for c in q.content), default=None)
        if best is None or max(overlap(gc, c.to_dict()) for c in best.content) == 0:
            print(f"MISSING {gc['text'][:50]!r}")
            n += 1
            continue
        gt, pt = g["statement_time"], best.statement_time
        y, d = gt.get("year") == pt.year, gt.get("date") == pt.date
        o = (gt.get("occasion") is None) == (pt.occasion is None)
        n += 1
        agree_year += y
        agree_date += d
        agree_occ += o
        mark = "ok " if (y and d and o) else "DIFF"
        print(f"{mark} {gc['start']:>5} gold {gt.get('year')} {gt.get('date')} {gt.get('occasion')!r:45.45} | "
              f"ours {pt.year} {pt.date} {pt.occasion!r} ({pt.basis})")
    print(f"\n{n} gold statements: year agrees {agree_year}/{n}, date {agree_date}/{n}, "
          f"occasion present/absent {agree_occ}/{n}")


if __name__ == "__main__":
    main()
