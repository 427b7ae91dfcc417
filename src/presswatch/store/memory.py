"""An in-memory store: the reference for the store contract, used in tests. Nothing is persisted."""
from __future__ import annotations

import json
import threading
from collections import Counter
from contextlib import contextmanager
from copy import deepcopy

from ..corpus.export import COLUMNS
from ..corpus.names import fold
from ..corpus.rows import ARTICLE_SPEAKER_COLUMNS, article_speaker_row
from . import migrations
from .base import (COUNT_KEYS, ClaimCounts, Page, StatementCounts, Store, TechniqueCounts, claim_count_key,
                   count_sort_key)
from .sql import FACET_SAMPLE, count_facets


def _searched(row: dict, target: str) -> str:
    return f"{row.get('title') or ''}\n{row['text']}" if target == "articles" else row["text"]


def _occurrences(parsed, text: str) -> int:
    words = fold(text).split()
    wanted = {t.words[0] for clause in parsed.clauses for t in clause}
    return sum(w in wanted for w in words)


def _matches(parsed, text: str) -> bool:
    words = fold(text).split()

    def has(t):
        n = len(t.words)
        for i in range(len(words) - n + 1):
            *head, last = words[i:i + n]
            if head == list(t.words[:-1]) and (last.startswith(t.words[-1]) if t.prefix else last == t.words[-1]):
                return True
        return False
    return all(any(has(t) for t in clause) for clause in parsed.clauses) and not any(has(t) for t in parsed.exclude)


def _count_order(by: str):
    """The sort key of technique count rows, as the SQL stores order them (None last)."""
    def last(v):
        return (v is None, v or "")
    if by == "month":
        return lambda r: (last(r["month"]), -r["total"], r["technique"])
    if by == "speaker":
        return lambda r: (-r["total"], last(r["speaker"]), last(r["speaker_id"]), r["technique"])
    if by == "outlet":
        return lambda r: (-r["total"], last(r["outlet"]), r["technique"])
    return lambda r: (-r["total"], r["technique"])


class MemoryStore(Store):
    url = "memory:"

    def __init__(self, url: str = "memory:"):
        self.url = url
        self.t: dict[str, list] = {k: [] for k in ("articles", "statements", "claims", "speaker_names", "bands", "runs", "status",
                                                   "article_speakers", "corrections", "registry", "checkworthy",
                                                   "techniques")}
        self.speakers_by_id: dict = {}
        self._lock = threading.RLock()
        self._saved = None
        self._depth = 0

    def migrate(self):
        return []

    @contextmanager
    def transaction(self):
        with self._lock:
            if self._depth == 0:
                self._saved = deepcopy((self.t, self.speakers_by_id))
            self._depth += 1
            try:
                yield
            except BaseException:
                if self._depth == 1:
                    self.t, self.speakers_by_id = self._saved
                raise
            finally:
                self._depth -= 1

    @contextmanager
    def snapshot(self):
        with self._lock:
            yield

    # -- writing
    def start_run(self, sources):
        run_id = len(self.t["runs"]) + 1
        self.t["runs"].append({"id": run_id, "started_at": migrations.now(), "finished_at": None,
                               "sources": json.dumps(list(sources)), "ok": None, "duplicates": None, "errors": None})
        return run_id

    def finish_run(self, run_id, counts):
        run = self.t["runs"][run_id - 1]
        run.update(finished_at=migrations.now(), ok=counts.get("ok", 0), duplicates=counts.get("duplicate", 0),
                   errors=counts.get("error", 0))

    def add_status(self, run_id, seq, doc_id, origin, article_id, status, reason):
        self.t["status"].append({"run_id": run_id, "seq": seq, "doc_id": doc_id, "origin": origin,
                                 "article_id": article_id, "status": status, "reason": reason})

    def has_article(self, article_id):
        return any(a["id"] == article_id for a in self.t["articles"])

    # -- identity
    def article_speakers(self):
        rows = sorted(self.t["article_speakers"], key=lambda r: (r["article_id"], r["speaker_local"]))
        return [dict({c: r[c] for c in ARTICLE_SPEAKER_COLUMNS}, mention_texts=json.loads(r["mention_texts"]))
                for r in rows]

    def articles_without_speakers(self):
        have = {r["article_id"] for r in self.t["article_speakers"]}
        return [{"id": a["id"], "published": a["published"], "analysis": a["analysis"]}
                for a in sorted(self.t["articles"], key=lambda a: a["id"]) if a["id"] not in have]

    def add_article_speakers(self, rows):
        self.t["article_speakers"] += [dict(r) for r in rows]

    def replace_identity(self, speakers, names, links):
        self.speakers_by_id = {sp["id"]: dict(sp) for sp in speakers}
        self.t["speaker_names"] = [{"key": k, "speaker_id": sid, "name": n} for k, sid, n in sorted(set(names))]
        by_key = {(aid, local): (sid, basis) for aid, local, sid, basis in links}
        for r in self.t["article_speakers"]:
            r["speaker_id"], r["link_basis"] = by_key.get((r["article_id"], r["speaker_local"]), (None, None))
        for s in self.t["statements"] + self.t["techniques"]:
            s["speaker_id"] = by_key.get((s["article_id"], s["speaker_local"]), (None, None))[0]
        counts = Counter(s["speaker_id"] for s in self.t["statements"] if s["speaker_id"])
        for sid, sp in self.speakers_by_id.items():
            sp["statements"] = counts.get(sid, 0)

    def speakers_by_keys(self, keys, name):
        return sorted({n["speaker_id"] for n in self.t["speaker_names"] if n["key"] in keys or n["name"] == name})

    def corrections(self):
        return [dict(c) for c in self.t["corrections"]]

    def add_correction(self, action, speaker_id, other=None, name=None):
        n = len(self.t["corrections"]) + 1
        self.t["corrections"].append({"n": n, "at": migrations.now(), "action": action, "speaker_id": speaker_id,
                                      "other": other, "name": name, "undone_at": None})
        return n

    def undo_correction(self, n):
        c = next((c for c in self.t["corrections"] if c["n"] == n and not c["undone_at"]), None)
        if c is not None:
            c["undone_at"] = migrations.now()
        return c is not None

    def registry(self):
        return self.t["registry"][-1] if self.t["registry"] else None

    def set_registry(self, entries_json, source=None):
        self.t["registry"] = [entries_json]

    def cluster_by_fingerprint(self, fingerprint):
        return next((s["cluster_id"] for s in self.t["statements"] if s["fingerprint"] == fingerprint), None)

    def band_candidates(self, bands):
        ids = {b["statement_id"] for b in self.t["bands"] if b["band"] in bands}
        return [(s["cluster_id"], s["text"]) for s in self.t["statements"] if s["id"] in ids]

    def add_bands(self, statement_id, bands):
        self.t["bands"] += [{"band": b, "statement_id": statement_id} for b in bands]

    def statement_published(self, statement_id):
        return next((s["published"] for s in self.t["statements"] if s["id"] == statement_id), None)

    def rename_group(self, old, new):
        for s in self.t["statements"]:
            if s["cluster_id"] == old:
                s["cluster_id"] = new

    def add_article(self, rows):
        self.t["articles"].append(dict(rows.article, ingested_at=migrations.now(), n=len(self.t["articles"])))
        self.t["statements"] += [dict(s) for s in rows.statements]
        self.t["claims"] += [dict(c) for c in rows.claims]
        self.t["article_speakers"] += [article_speaker_row(sp, rows.article) for sp in rows.speakers]
        self.t["checkworthy"] += [dict(c) for c in rows.checkworthy]
        self.t["techniques"] += [dict(t) for t in rows.techniques]

    # -- reading
    def _article(self, article_id):
        return next((a for a in self.t["articles"] if a["id"] == article_id), None)

    def _speaker_name(self, s):
        sp = self.speakers_by_id.get(s.get("speaker_id"))
        return sp["name"] if sp else s.get("speaker_name")

    def _hit(self, s, target, used=None):
        """The row as SQL's hits give it: COLUMNS[target], the article's title and URL, the corpus
        speaker's name and kind, and (statements) the techniques in it (`used`: _techniques_used())."""
        if target == "articles":
            return dict({c: s.get(c) for c in COLUMNS[target]}, type="article", article_id=s["id"])
        a = self._article(s["article_id"])
        out = {c: s.get(c) for c in COLUMNS[target]}
        out.update(title=a["title"], url=a["url"])
        if target == "claims":
            return dict(out, type="claim", speaker=s.get("speaker_name"))
        sp = self.speakers_by_id.get(s.get("speaker_id"))
        names = sorted((used or {}).get(s["id"], ()))
        return dict(out, type="statement", speaker=self._speaker_name(s), speaker_kind=sp["kind"] if sp else None,
                    techniques="; ".join(names) or None)

    def _techniques_used(self) -> dict:
        """statement id -> the set of technique names found in it."""
        used: dict = {}
        for t in self.t["techniques"]:
            used.setdefault(t["statement_id"], set()).add(t["technique"])
        return used

    def _matching(self, search):
        """The rows a checked search matches, in its order."""
        parsed = search.parsed
        rows = self.t[search.target]
        if search.speaker:
            ids = set(self.speaker_ids(search))
            rows = [s for s in rows if s["speaker_id"] in ids]
        if search.technique:
            holding = {t["statement_id"] for t in self.t["techniques"] if t["technique"] == search.technique}
            rows = [s for s in rows if s["id"] in holding]
        if search.outlet:
            rows = [s for s in rows if s["outlet"] == search.outlet]
        if search.since:
            rows = [s for s in rows if s["published"] and s["published"] >= search.since]
        if search.until:
            rows = [s for s in rows if s["published"] and s["published"] <= search.until]
        if not parsed.empty:
            rows = [s for s in rows if _matches(parsed, _searched(s, search.target))]
        tie = (lambda s: s["id"]) if search.target == "articles" else (lambda s: (s["article_id"], s["seq"]))
        rows = sorted(rows, key=tie)
        rows = sorted(rows, key=lambda s: s["published"] or "", reverse=True)
        rows = sorted(rows, key=lambda s: s["published"] is None)
        if search.order == "score":
            rows = sorted(rows, key=lambda s: -(s.get("score") or 0.0))
        if search.order == "relevance":  # the reference ranks by how often the words occur
            rows = sorted(rows, key=lambda s: -_occurrences(parsed, _searched(s, search.target)))
        return rows

    def search(self, search, facets=False):
        search = search.checked()
        rows = self._matching(search)
        used = self._techniques_used()
        page = Page([self._hit(s, search.target, used) for s in rows[search.offset:search.offset + search.limit]],
                    len(rows))
        if facets:
            order = {id(x): i for i, x in enumerate(self.t[search.target])}
            sample = sorted(rows, key=lambda x: order[id(x)])[:FACET_SAMPLE]  # storage order, as SQL
            page.facets = count_facets(search.target, [(s.get("speaker_id"), s["outlet"], (s["published"] or "")[:4] or None)
                                                       for s in sample], self._names)
            page.facet_sample = FACET_SAMPLE if len(rows) > FACET_SAMPLE else None
        return page

    def export(self, search):
        search = search.checked(paged=False)
        rows = self._matching(search)
        used = self._techniques_used()
        return (self._hit(s, search.target, used) for s in rows)

    def _names(self, ids):
        return {i: self.speakers_by_id[i]["name"] for i in ids if i in self.speakers_by_id}

    def _statement(self, s):
        a = self._article(s["article_id"])
        return dict(s, speaker=self._speaker_name(s), title=a["title"], url=a["url"])

    def article(self, article_id):
        a = self._article(article_id)
        if a is None:
            return None
        a = {k: v for k, v in a.items() if k != "n"}
        a["statements"] = [self._statement(s) for s in self.t["statements"] if s["article_id"] == article_id]
        a["claims"] = [dict(c) for c in self.t["claims"] if c["article_id"] == article_id]
        a["checkworthy"] = sorted((dict(c) for c in self.t["checkworthy"] if c["article_id"] == article_id),
                                  key=lambda c: c["seq"])
        a["techniques"] = sorted((dict(t, speaker=self._speaker_name(t)) for t in self.t["techniques"]
                                  if t["article_id"] == article_id), key=lambda t: t["seq"])
        return a

    def technique_counts(self, counts: TechniqueCounts) -> list[dict]:
        counts = counts.checked()
        rows = self.t["techniques"]
        if counts.speaker:
            ids = set(self.speaker_ids(counts))
            rows = [t for t in rows if t["speaker_id"] in ids]
        for col, value in (("technique", counts.technique), ("outlet", counts.outlet), ("used_by", counts.used_by)):
            if value is not None:
                rows = [t for t in rows if t[col] == value]
        if counts.since:
            rows = [t for t in rows if t["published"] and t["published"] >= counts.since]
        if counts.until:
            rows = [t for t in rows if t["published"] and t["published"] <= counts.until]
        groups: dict = {}
        for t in rows:
            key = {"speaker": (t["speaker_id"], self._speaker_name(t)), "outlet": (t["outlet"],),
                   "month": ((t["published"] or "")[:7] or None,), "technique": ()}[counts.by] + (t["technique"],)
            n = groups.setdefault(key, [0, 0])
            n[0 if t["used_by"] == "speaker" else 1] += 1
        out = [dict(zip(COUNT_KEYS[counts.by] + ("technique",), key), used_by_speaker=a, used_by_outlet=b,
                    total=a + b) for key, (a, b) in groups.items()]
        return sorted(out, key=_count_order(counts.by))

    def _in_period(self, rows, outlet, since, until):
        return [r for r in rows if (outlet is None or r["outlet"] == outlet)
                and (since is None or (r["published"] and r["published"] >= since))
                and (until is None or (r["published"] and r["published"] <= until))]

    def statement_counts(self, counts: StatementCounts) -> list[dict]:
        counts = counts.checked()
        rows = self._in_period(self.t["statements"], counts.outlet, counts.since, counts.until)
        if counts.speakers:
            rows = [s for s in rows if s["speaker_id"] in set(counts.speakers)]
        keys = counts.columns[:-1]
        n: Counter = Counter()
        for s in rows:
            sp = self.speakers_by_id.get(s["speaker_id"]) or {}
            values = {"speaker_id": s["speaker_id"], "speaker": sp.get("name"), "kind": sp.get("kind"),
                      "gender": sp.get("gender"), "gender_basis": sp.get("gender_basis"), "outlet": s["outlet"],
                      "month": (s["published"] or "")[:7] or None}
            n[tuple(values[k] for k in keys)] += 1
        out = [dict(zip(keys, key), n=v) for key, v in n.items()]
        return sorted(out, key=count_sort_key(keys))

    def claim_counts(self, counts: ClaimCounts) -> list[dict]:
        counts = counts.checked()
        mine = {s["id"] for s in self.t["statements"] if s["speaker_id"] == counts.speaker} if counts.speaker else None
        out: dict = {}
        for table in ("claims", "checkworthy"):
            for x in self._in_period(self.t[table], counts.outlet, counts.since, counts.until):
                if mine is not None and x.get("statement_id") not in mine:
                    continue
                k = x["outlet"] if counts.by == "outlet" else ((x["published"] or "")[:7] or None)
                row = out.setdefault(k, {counts.by: k, "claims": 0, "checkworthy_claims": 0, "checkworthy_sentences": 0})
                worthy = (x.get("score") or 0.0) >= counts.floor if x.get("score") is not None else False
                if table == "claims":
                    row["claims"] += 1
                    row["checkworthy_claims"] += worthy
                else:
                    row["checkworthy_sentences"] += worthy
        return sorted(out.values(), key=claim_count_key(counts.by))

    def speaker(self, speaker_id, limit=None):
        sp = self.speakers_by_id.get(speaker_id)
        if sp is None:
            return None
        sp = dict(sp)
        sp["names"] = sorted({n["name"] for n in self.t["speaker_names"] if n["speaker_id"] == speaker_id})
        rows = [self._statement(s) for s in self.t["statements"] if s["speaker_id"] == speaker_id]
        when = lambda s: s["said_date"] or s["published"]  # noqa: E731
        sp["statements"] = sorted(rows, key=lambda s: (when(s) is None, when(s) or "",
                                                       self._article(s["article_id"])["n"], s["seq"]))[:limit]
        sp["statement_total"] = len(rows)
        return sp

    def speakers(self, limit=200):
        rows = sorted(self.speakers_by_id.values(), key=lambda s: (-s["statements"], s["name"]))[:limit]
        return [{k: s[k] for k in ("id", "name", "kind", "statements", "gender")} for s in rows]

    def statement(self, statement_id):
        s = next((s for s in self.t["statements"] if s["id"] == statement_id), None)
        if s is None:
            return None
        st = self._statement(s)
        rows = [self._statement(x) for x in self.t["statements"] if x["cluster_id"] == s["cluster_id"]]
        st["provenance"] = sorted(rows, key=lambda x: (x["published"] is None, x["published"] or "",
                                                       self._article(x["article_id"])["n"], x["seq"]))
        return st

    def runs(self, limit=20):
        return [dict(r) for r in reversed(self.t["runs"])][:limit]

    def statuses(self, run_id):
        return sorted((dict(s) for s in self.t["status"] if s["run_id"] == run_id), key=lambda s: s["seq"])

    def stats(self):
        return {"articles": len(self.t["articles"]), "statements": len(self.t["statements"]),
                "speakers": len(self.speakers_by_id), "claims": len(self.t["claims"])}
