"""The parts of a message that ask: its sentences or clauses that are questions, those without what is said of the
asker or what the answer is for ("need it for our training matrix"), and what in them is asked beyond a topic's names."""
from __future__ import annotations

import re

from knowledge.reading import is_question
from knowledge.roles import RoleCatalogue, normalise_role
from knowledge.words import GENERIC, tokens

# What is said of the asker or what an answer is for, around a question: "new head here", "need it for our matrix", "procurement asked"
ABOUT_THE_ASKER = re.compile(r"\b(?:i|i'm|im|me|my|we|we're|our|us|here|asked|need(?:ed)?|for (?:a|an|the|our|my))\b", re.IGNORECASE)
BACK_REFERENCE = re.compile(r"\b(?:it|that|this|they|them|those|these|one|ones)\b", re.IGNORECASE)  # "X - is that the SENCO's job?"


_PARTS = re.compile(r"(?<=[?!.])\s+|\s[-\u2013\u2014]\s")  # sentences, and clauses after a dash


def _asking(typed: str) -> tuple[list[str], list[str]] | None:
    """A message's parts and those that are questions; None when it is read whole: none or every part asks, or one
    points back at what was said ("exam access arrangements - is that the senco's job")."""
    parts = [p for p in _PARTS.split(typed.strip()) if p.strip()]
    asking = [p for p in parts if is_question(p)]
    return None if not asking or len(asking) == len(parts) or any(BACK_REFERENCE.search(p) for p in asking) else (parts, asking)


def questions_only(typed: str) -> str:
    """The sentences or clauses of a message that are questions ("roughly what % of LA areas fail?" without "putting
    together a business case for more training -"); the whole message when it is read whole."""
    split = _asking(typed)
    return " ".join(split[1]) if split else typed


def asking_part(typed: str) -> str:
    """The sentences or clauses of a message that ask, without what it says of the asker or what the answer is for
    ("what are the refresher requirements?" without "Need it for our matrix", "new head here -"); the whole message when
    it is read whole. A clause that names a subject stays ("annual reviews - what's my role?")."""
    split = _asking(typed)
    if split is None:
        return typed
    parts, asking = split
    kept = [p for p in parts if p in asking or not ABOUT_THE_ASKER.search(p)]
    return typed if len(kept) == len(parts) else " ".join(kept)


def asks_about(question: str, catalogue: RoleCatalogue, title: str) -> bool:
    """Whether a question about a topic asks about something in it ("what should TAs be trained to do?"),
    not just the topic ("what does a TA do?"): words beyond its role names and title."""
    return bool(particular(question, catalogue, title))


def particular(question: str, catalogue: RoleCatalogue, title: str) -> set[str]:
    """The question's words that are not its role's names, the topic's title or words for duties in general, in the
    part of it that asks ("new head here - what are my responsibilities? quick list" asks nothing in particular)."""
    question = asking_part(question)
    asked = set(tokens(normalise_role(question)))
    said = set(asked)
    for role in catalogue.resolve(question).roles:  # the names said ("TAs"), not every alias ("learning support assistant")
        said -= {w for name in (role.name, *role.aliases) for named in [set(tokens(name))] if named <= asked for w in named}
    return said - set(tokens(title)) - GENERIC
