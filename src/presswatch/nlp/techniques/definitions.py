"""What each of PTC's 14 persuasion techniques is, in a sentence: the one place the web page's
hover titles, the legend and the docs read them from. Written in our own words after the
definitions of the Propaganda Techniques Corpus (propaganda.qcri.org); short and neutral, since
a label marks rhetoric, not falsehood.

Names are checked here too (`technique_named`), so the store, the CLI and the API answer a wrong
name with the same message listing the allowed ones."""
from __future__ import annotations

from typing import Optional

from .model import TECHNIQUES

DEFINITIONS = {
    "Loaded_Language": "Words or phrases with strong emotional connotations, positive or negative, "
                       "chosen to sway the reader.",
    "Name_Calling,Labeling": "Labelling a person, group or idea as something the audience fears, hates, "
                             "loves or admires, instead of arguing about it.",
    "Repetition": "Saying the same message again and again so that it comes to be accepted.",
    "Doubt": "Questioning the credibility of someone or something, often without saying why.",
    "Exaggeration,Minimisation": "Making something look much larger, better or worse than it is, "
                                 "or much smaller and less important than it is.",
    "Appeal_to_fear-prejudice": "Seeking support for an idea by stirring anxiety or panic about the "
                                "alternative, or by playing on existing prejudice.",
    "Flag-Waving": "Playing on strong national or group feeling (patriotism, identity) to justify "
                   "or promote an idea or action.",
    "Causal_Oversimplification": "Giving one cause or reason for an outcome that has several.",
    "Appeal_to_Authority": "Holding a claim true because an authority or expert says so, with no "
                           "other evidence given.",
    "Slogans": "A brief, striking phrase that works as a label, a call to action or an emotional appeal.",
    "Black-and-White_Fallacy": "Presenting two options as the only ones when more exist, or telling "
                               "the audience there is one thing to do.",
    "Whataboutism,Straw_Men,Red_Herring": "Deflecting: charging the other side with hypocrisy instead of "
                                          "answering, refuting a distorted version of their position, or "
                                          "bringing in something irrelevant.",
    "Thought-terminating_Cliches": "A short, generic phrase that discourages further thought or ends the "
                                   "discussion (\"it is what it is\").",
    "Bandwagon,Reductio_ad_hitlerum": "Urging agreement because everyone else agrees, or rejecting an idea "
                                      "because a group the audience despises holds it.",
}


def label(name: str) -> str:
    """A technique's name as a reader reads it: "Name_Calling,Labeling" -> "Name calling, labeling"."""
    text = name.replace("_", " ").replace(",", ", ")
    return text[:1].upper() + text[1:].lower()


def technique_named(name: str) -> Optional[str]:
    """PTC's spelling of `name` (case aside), or None when no technique is called that."""
    wanted = name.strip().lower()
    return next((t for t in TECHNIQUES if t.lower() == wanted), None)


def unknown_technique(name: str) -> str:
    """The message for a name that is no technique, listing those that are."""
    return f"no technique is called {name!r}; use one of: {', '.join(TECHNIQUES)}"
