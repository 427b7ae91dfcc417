#!/usr/bin/env python3
"""The seed's gold claims (../shared/seed/gold.json): is each found by presswatch, as a claim of its
kind or as another mention of one (a fact stated again)? Prints one line per gold claim.

    python bench/seed_claims.py [--shared DIR]
"""
import argparse
import json
import sys
from pathlib import Path

from presswatch import Article, analyze

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    seed = Path(ap.parse_args().shared) / "seed"
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    text = (seed / gold["text_file"]).read_text(encoding="utf-8")
    a = analyze(Article("seed", text))
    spans = [(c.kind, c.span.start, c.span.end) for c in a.claims]
    spans += [(c.kind, m.start, m.end) for c in a.claims for m in c.mentions]
    found = 0
    for g in gold["claims"]:
        gs, ge = g["text"]["start"], g["text"]["end"]
        ok = any(k == g["kind"] and s < ge and gs < e for k, s, e in spans)
        found += ok
        print(f"  {'found  ' if ok else 'MISSING'} [{g['kind']}] {g['text']['text'][:80]!r}")
    print(f"seed claims: {found}/{len(gold['claims'])} gold claims found")
    return 0 if found == len(gold["claims"]) else 1


if __name__ == "__main__":
    sys.exit(main())
