"""Speaker resolution inside one article: every source resolved to one canonical speaker.

No coreference model works offline with spaCy 3.8 here, so this is ours: name variants merge by
surname ("Ayatollah Seyyed Ali Khamenei", "Ayatollah Khamenei", "Khamenei"); role descriptions
("the Leader", "the minister") go to the person the article gave that role; pronouns go to the
most recent compatible speaker or person; a quote without a cue continues the previous speaker.
"""
from __future__ import annotations

from .entities import build_registry, subject_mentions
from .registry import Mentions, Person, Registry
from .resolve import can_speak, description_of, resolve

__all__ = ["Mentions", "Person", "Registry", "build_registry", "can_speak", "description_of", "resolve",
           "subject_mentions"]
