"""The corpus speakers of a store, recomputed from what it holds: the article speakers, the
registry last applied and the corrections made by hand (corpus/identity.py decides; this module
reads and writes). Every write goes through one transaction, so a reader sees the old speakers or
the new ones, and two ingests that end at once both leave what all the stored articles give."""
from __future__ import annotations

import json
from typing import Optional

from ..errors import CorrectionError
from ..records import Analysis
from .identity import Identity, Mention, identify
from .names import parse_name
from .rows import article_speaker_row
from .registry import entries_from_json, entries_to_json, read_registry


def mentions_of(store) -> list[Mention]:
    return [Mention(r["article_id"], r["speaker_local"], r["name"], r["kind"], tuple(r["mention_texts"]),
                    r.get("gender"), r.get("gender_basis"), r.get("published"))
            for r in store.article_speakers()]


def recompute(store) -> Identity:
    """Who is who, from everything stored; replaces the store's speakers and links."""
    with store.transaction():
        _backfill(store)
        raw = store.registry()
        identity = identify(mentions_of(store), entries_from_json(raw) if raw else (), store.corrections())
        store.replace_identity(*identity_rows(identity))
    return identity


def _backfill(store) -> None:
    """Articles stored before article speakers were kept (migration 0005) give theirs from their
    stored analysis, so the first recomputation loses none of their speakers."""
    rows = []
    for a in store.articles_without_speakers():
        analysis = Analysis.from_dict(json.loads(a["analysis"])) if a["analysis"] not in (None, "", "{}") else None
        for sp in analysis.speakers if analysis is not None else ():
            rows.append(article_speaker_row(
                {"article_id": a["id"], "speaker_local": sp.id, "name": sp.name, "kind": sp.kind,
                 "mention_texts": [m.text for m in sp.mentions], "gender": sp.gender,
                 "gender_basis": sp.gender_basis}, {"published": a["published"]}))
    store.add_article_speakers(rows)


def identity_rows(identity: Identity) -> tuple[list, list, list]:
    """(speaker rows, (key, speaker id, name) names, (article, local, speaker id, basis) links)."""
    speakers, names = [], set()
    for sp in identity.speakers:
        speakers.append({"id": sp.id, "name": sp.name, "kind": sp.kind, "statements": 0, "gender": sp.gender,
                         "gender_basis": sp.gender_basis, "roles": json.dumps(sp.roles) if sp.roles else None,
                         "wikidata": sp.wikidata})
        shown = parse_name(sp.name, sp.kind)
        names |= {(k, sp.id, sp.name) for k in shown.keys}
        for m in sp.mentions:
            for text in (m.name, *m.texts):
                n = parse_name(text, sp.kind)
                # the forms that name this speaker ("Ayatollah Khamenei", "Khamenei"), not "he"
                if text[:1].isupper() and (n.surname == shown.surname if shown.surname else n.key == shown.key):
                    names |= {(k, sp.id, text) for k in n.keys}
    links = [(aid, local, sid, basis) for (aid, local), (sid, basis) in sorted(identity.links.items())]
    return speakers, sorted(names), links


def keep_registry(store, path: str) -> None:
    """Read a registry file (corpus/registry.py; a bad one is an InputError naming the line) and
    keep it in the store, where every later recomputation applies it."""
    entries = read_registry(path)
    with store.transaction():
        store.set_registry(entries_to_json(entries), source=str(path))


def apply_registry(store, path: str) -> Identity:
    """Keep the registry and recompute now."""
    with store.transaction():
        keep_registry(store, path)
        return recompute(store)


def merge(store, a: str, b: str) -> Identity:
    """Speaker `a` becomes part of speaker `b`, recorded and reversible (`undo`)."""
    _known(store, a)
    _known(store, b)
    if a == b:
        raise CorrectionError(f"cannot merge speaker {a} with itself; give two different speaker ids")
    with store.transaction():
        store.add_correction("merge", a, other=b)
        return recompute(store)


def split(store, speaker_id: str, name: str) -> Identity:
    """The mentions of `speaker_id` written `name` become a speaker of their own, recorded."""
    sp = _known(store, speaker_id)
    if name not in sp["names"] and parse_name(name).key not in {parse_name(n).key for n in sp["names"]}:
        raise CorrectionError(f"speaker {speaker_id} ({sp['name']}) is never written {name!r}; "
                         f"it is written: {', '.join(sp['names'])}")
    with store.transaction():
        store.add_correction("split", speaker_id, name=name)
        return recompute(store)


def undo(store, n: int) -> Identity:
    with store.transaction():
        if not store.undo_correction(n):
            raise CorrectionError(f"no correction {n} to undo; `presswatch speakers corrections` lists them")
        return recompute(store)


def _known(store, speaker_id: str) -> dict:
    sp: Optional[dict] = store.speaker(speaker_id)
    if sp is None:
        raise CorrectionError(f"no speaker {speaker_id} in the store; `presswatch speakers list` shows their ids")
    return sp
