#!/usr/bin/env python3
"""Cross-article speaker identity: B-cubed of the store's speakers against the hand-resolved set.

    python bench/identity.py [--shared DIR] [--order given|shuffled] [--seed N] [--runs 1|2]
                             [--worst N] [--json]

The gold is bench/identity_set.py: 45 PolNeAR dev articles whose attribution sources are resolved
by hand to one person, organisation or group each, with the same id across articles. The benchmark
1. writes the 45 articles (doc_id, title, text, and the dev file's `date` and `publisher` as
   `published` and `outlet`) to a temporary JSONL file and ingests it into a temporary SQLite
   store through the library (what `presswatch ingest FILE --db sqlite:///...` does), in the broad
   attribution scope (PolNeAR annotates every attribution, beliefs and stances included; the other
   options come from PRESSWATCH_* variables). `--order shuffled --seed N` ingests the articles in
   a shuffled order, `--runs 2` in two halves (two ingest runs), to show order independence;
2. reads back each article's stored statements (the ingest status rows give each doc_id its
   article id);
3. matches each gold attribution with an id to a stored statement with the quote scorer's rule
   (../shared/eval/score_quotes.py `match_doc`: greedy in gold order, per article, the unused
   statement covering the largest share of the gold content's characters, if over 0.3);
4. scores the corpus speakers (`speaker_id`) of the matched statements against the gold ids with
   B-cubed precision, recall and F1: over the matched statements that have a corpus speaker (the
   headline figure), and over every matched statement with a statement that has none counted as a
   singleton cluster of its own; each for all gold ids and for the gold ids seen in 2+ articles of
   the set (the cross-article part: the items are restricted, the clusters are what is left of them).
Nothing is written to the repository; the store lives in a temporary directory.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import identity_set  # noqa: E402

THRESHOLD = 0.3  # the quote scorer's coverage threshold


# ---------------------------------------------------------------- B-cubed

def bcubed(items: list[tuple]) -> dict:
    """Standard B-cubed over `items`, each (predicted cluster, gold cluster): for each item,
    precision = |same predicted and same gold| / |same predicted|, recall = |same predicted and
    same gold| / |same gold|; averaged over items; F1 their harmonic mean. Empty: all None."""
    n = len(items)
    if not n:
        return {"n": 0, "precision": None, "recall": None, "f1": None}
    pred = Counter(p for p, _ in items)
    gold = Counter(g for _, g in items)
    both = Counter(items)
    p = sum(both[it] / pred[it[0]] for it in items) / n
    r = sum(both[it] / gold[it[1]] for it in items) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"n": n, "precision": p, "recall": r, "f1": f}


# ---------------------------------------------------------------- matching

def chars(spans) -> set:
    out: set = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def statement_spans(st: dict) -> list:
    """A stored statement's content spans: `spans` (JSON [[start, end], ...]), else start/end_char."""
    raw = st.get("spans")
    if raw:
        spans = json.loads(raw) if isinstance(raw, str) else raw
        if spans:
            return [tuple(x) for x in spans]
    if st.get("start_char") is not None and st.get("end_char") is not None:
        return [(st["start_char"], st["end_char"])]
    return []


def match_article(gold: list[dict], statements: list[dict], threshold: float = THRESHOLD) -> list:
    """(gold attribution, statement or None) per gold attribution, as score_quotes.match_doc does
    with measure "coverage"."""
    used, pairs = set(), []
    pred = [chars(statement_spans(st)) for st in statements]
    for g in gold:
        gc = chars([(g["content"]["start"], g["content"]["end"])])
        if not gc:
            continue
        best, best_score = None, 0.0
        for j, pc in enumerate(pred):
            if j in used or not pc:
                continue
            score = len(gc & pc) / len(gc)
            if score > threshold and score > best_score:
                best, best_score = j, score
        if best is not None:
            used.add(best)
        pairs.append((g, statements[best] if best is not None else None))
    return pairs


# ---------------------------------------------------------------- ingest

def dev_meta(shared: Path) -> dict:
    """doc_id -> the primary dev row's title, date and publisher."""
    out = {}
    with open(shared / "eval" / "data" / "polnear" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("primary") is True:
                out[row["doc_id"]] = {k: row.get(k) for k in ("title", "date", "publisher")}
    return out


def input_rows(articles: list[dict], meta: dict) -> list[dict]:
    rows = []
    for art in articles:
        m = meta.get(art["doc_id"], {})
        row = {"doc_id": art["doc_id"], "text": art["text"]}
        for key, field in (("title", "title"), ("published", "date"), ("outlet", "publisher")):
            value = art.get(key) or m.get(field)
            if value:
                row[key] = value
        rows.append(row)
    return rows


def ingest_all(rows: list[dict], runs: int, tmp: Path, options) -> tuple[dict, dict, float]:
    """Ingest `rows` in `runs` consecutive parts into a fresh SQLite store; return (doc_id -> stored
    article with its statements, status counts, seconds)."""
    from presswatch.corpus.ingest import ingest
    from presswatch.store import open_store

    def warn(line):
        print(f"presswatch: warning: {line}", file=sys.stderr)

    size = -(-len(rows) // runs)
    parts = [rows[i:i + size] for i in range(0, len(rows), size)]
    counts: Counter = Counter()
    stored = {}
    t0 = time.perf_counter()
    with open_store("sqlite:///" + str(tmp / "identity.db")) as store:
        for k, part in enumerate(parts):
            path = tmp / f"part{k}.jsonl"
            with open(path, "w", encoding="utf-8") as fh:
                for row in part:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            report = ingest([str(path)], store, options, warn=warn)
            counts.update(report.counts)
            for doc_id, reason in report.errors:
                print(f"  ERROR {doc_id}: {reason}", file=sys.stderr)
            for st in store.statuses(report.run_id):
                if st["status"] in ("ok", "duplicate") and st["article_id"]:
                    stored[st["doc_id"]] = st["article_id"]
        seconds = time.perf_counter() - t0
        out = {doc_id: store.article(aid) for doc_id, aid in stored.items()}
    return {d: a for d, a in out.items() if a is not None}, dict(counts), seconds


# ---------------------------------------------------------------- scoring

def score(articles: list[dict], stored: dict) -> dict:
    docs_per_id = defaultdict(set)
    for art in articles:
        for a in art["attributions"]:
            if a["id"] is not None:
                docs_per_id[a["id"]].add(art["doc_id"])
    cross = {pid for pid, docs in docs_per_id.items() if len(docs) >= 2}
    pairs = []  # (doc_id, gold attribution, statement or None)
    text_differs = []
    for art in articles:
        gold = [a for a in art["attributions"] if a["id"] is not None]
        got = stored.get(art["doc_id"])
        if got is not None and got.get("text") is not None and got["text"] != art["text"]:
            text_differs.append(art["doc_id"])  # offsets would not line up: count as unmatched
            got = None
        statements = got["statements"] if got else []
        pairs += [(art["doc_id"], g, st) for g, st in match_article(gold, statements)]
    matched = [(d, g, st) for d, g, st in pairs if st is not None]
    with_speaker = [(d, g, st) for d, g, st in matched if st.get("speaker_id")]

    def items(rows, singletons):
        out = []
        for d, g, st in rows:
            pred = st.get("speaker_id") or (("singleton", st["id"]) if singletons else None)
            out.append((pred, g["id"]))
        return out

    spk, alls = items(with_speaker, False), items(matched, True)
    return {
        "articles": len(articles), "stored": len(stored), "text_differs": text_differs,
        "gold_with_id": len(pairs), "matched": len(matched), "matched_with_speaker": len(with_speaker),
        "unmatched_share": 1 - len(matched) / len(pairs) if pairs else None,
        "gold_ids": len(docs_per_id), "gold_ids_2plus": len(cross),
        "bcubed": {
            "speaker": bcubed(spk),
            "speaker_2plus": bcubed([it for it in spk if it[1] in cross]),
            "singletons": bcubed(alls),
            "singletons_2plus": bcubed([it for it in alls if it[1] in cross]),
        },
        "_pairs": with_speaker,
    }


def worst(pairs: list, n: int) -> list[str]:
    """The gold ids split over most corpus speakers, and the corpus speakers holding most gold ids."""
    by_gold, by_pred, names = defaultdict(Counter), defaultdict(Counter), {}
    for _, g, st in pairs:
        by_gold[g["id"]][st["speaker_id"]] += 1
        by_pred[st["speaker_id"]][g["id"]] += 1
        names[st["speaker_id"]] = st.get("speaker") or st.get("speaker_name") or "?"
    lines = ["  gold ids split over most corpus speakers:"]
    for pid, c in sorted(by_gold.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:n]:
        if len(c) > 1:
            lines.append(f"    {pid}: " + ", ".join(f"{names[s]!r} ({s}) x{k}" for s, k in c.most_common()))
    lines.append("  corpus speakers holding most gold ids:")
    for sid, c in sorted(by_pred.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:n]:
        if len(c) > 1:
            lines.append(f"    {names[sid]!r} ({sid}): " + ", ".join(f"{p} x{k}" for p, k in c.most_common()))
    return lines


def fmt(b: dict) -> str:
    if not b["n"]:
        return "n=0"
    return (f"P {100 * b['precision']:5.1f}  R {100 * b['recall']:5.1f}  F1 {100 * b['f1']:5.1f}  "
            f"(n={b['n']})")


def report(result: dict, args, m: dict, counts: dict, ingest_s: float, elapsed: float) -> None:
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; python {m['python']}; spacy {m['spacy']}")
    order = f"shuffled (seed {args.seed})" if args.order == "shuffled" else "as given"
    print(f"identity set: {result['articles']} articles, {result['gold_ids']} gold ids, "
          f"{result['gold_ids_2plus']} of them in 2+ articles")
    print(f"ingest: attribution scope broad (PolNeAR annotates broad attribution); order {order}; "
          f"{args.runs} run(s); {counts}; {ingest_s:.1f} s")
    if result["text_differs"]:
        print(f"  stored text differs from the gold text (counted unmatched): {result['text_differs']}")
    print(f"gold attributions with an id     {result['gold_with_id']}")
    print(f"matched (coverage > {THRESHOLD})         {result['matched']}")
    print(f"matched with a corpus speaker    {result['matched_with_speaker']}")
    share = result["unmatched_share"]
    print(f"unmatched share                  {'-' if share is None else f'{100 * share:.1f}%'}")
    b = result["bcubed"]
    print("B-cubed, matched statements with a corpus speaker:")
    print(f"  all gold ids          {fmt(b['speaker'])}")
    print(f"  gold ids in 2+ art.   {fmt(b['speaker_2plus'])}")
    print("B-cubed, every matched statement (one with no corpus speaker is a singleton cluster):")
    print(f"  all gold ids          {fmt(b['singletons'])}")
    print(f"  gold ids in 2+ art.   {fmt(b['singletons_2plus'])}")
    if args.worst:
        print("\n".join(worst(result["_pairs"], args.worst)))
    print(f"elapsed: {elapsed:.1f} s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=identity_set.SHARED,
                    help="the shared directory (default: ../shared)")
    ap.add_argument("--order", choices=["given", "shuffled"], default="given", help="ingest order of the articles")
    ap.add_argument("--seed", type=int, default=0, help="the shuffle's seed (with --order shuffled)")
    ap.add_argument("--runs", type=int, choices=[1, 2], default=1, help="ingest in this many runs (consecutive parts)")
    ap.add_argument("--worst", type=int, default=0,
                    help="list the N gold ids split most and corpus speakers mixing most")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    from speed import machine
    from presswatch import Options
    try:
        articles = identity_set.load(args.shared)
        meta = dev_meta(args.shared)
    except (OSError, ValueError) as exc:
        print(f"identity: {exc}", file=sys.stderr)
        return 1
    rows = input_rows(articles, meta)
    if args.order == "shuffled":
        random.Random(args.seed).shuffle(rows)
    options = Options.from_env().with_(attribution_scope="broad")
    with tempfile.TemporaryDirectory(prefix="presswatch-identity-") as tmp:
        stored, counts, ingest_s = ingest_all(rows, args.runs, Path(tmp), options)
    result = score(articles, stored)
    elapsed = time.perf_counter() - t0
    m = machine()
    if args.json:
        out = {k: v for k, v in result.items() if not k.startswith("_")}
        out.update(machine=m, order=args.order, seed=args.seed, runs=args.runs, scope="broad",
                   ingest=counts, ingest_s=round(ingest_s, 2), elapsed_s=round(elapsed, 2))
        print(json.dumps(out, indent=2))
    else:
        report(result, args, m, counts, ingest_s, elapsed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
