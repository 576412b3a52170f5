"""The knowledge base as one object: build it, open it, ask it about a person or a cohort."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from knowledge.content_loader import ContentError, load_content
from knowledge.db import make_engine
from knowledge.roles import RoleCatalogue
from knowledge.rules import Determination, NextQuestion, Outcome, Profile, decide
from knowledge.schema import KnowledgeBase
from knowledge.store import read, write
from knowledge.validation import problems


def build(url: str | None = None, content: Path | None = None, seeds: Path | None = None) -> KnowledgeBase:
    """Validate the content against the documents and store it; on any problem store nothing."""
    kb = load_content(content, seeds)
    found = problems(kb)
    if found:
        file, entry, problem = found[0].split(": ", 2)
        raise ContentError(file, entry, problem, more=found[1:])
    engine = make_engine(url)
    try:
        write(engine, kb)
    finally:
        engine.dispose()
    return kb


@dataclass(frozen=True)
class Guide:
    kb: KnowledgeBase
    catalogue: RoleCatalogue
    local: tuple = ()  # the organisation's own rules (knowledge/local/rules.py): they raise a named role's floor
    sessions: tuple = ()  # the organisation's training calendar (knowledge/local/calendar.py)
    contacts: tuple = ()  # the organisation's contacts (knowledge/local/contacts.py)

    @classmethod
    def of(cls, kb: KnowledgeBase) -> "Guide":
        return cls(kb, RoleCatalogue(kb.roles, kb.wording))

    @classmethod
    def open(cls, url: str | None = None) -> "Guide":
        """Read the stored knowledge base once; the rules then run from memory."""
        engine = make_engine(url)
        try:
            return cls.of(read(engine)).with_local(engine)
        finally:
            engine.dispose()

    def with_local(self, engine: Any) -> "Guide":
        """This guide with the organisation's rules, training calendar and contacts as they are now in the database."""
        from knowledge.local import calendar, contacts, rules

        return replace(self, local=rules.current(engine), sessions=calendar.current(engine), contacts=contacts.current(engine))

    def decide(self, profile: Profile) -> Outcome:
        outcome = decide(self.kb, self.catalogue, profile, self.local)
        if isinstance(outcome, Determination) and outcome.level is not None and self.sessions:
            from knowledge.local.calendar import next_for

            return replace(outcome, sessions=tuple(next_for(self.sessions, outcome.level.id)))
        return outcome

    def where_placed(self, profile: Profile, outcome: Outcome | None = None) -> tuple[str, Outcome] | None:
        """For a role the documents place in one workplace, asked of with none said ("our admin who manages SEND
        correspondence only needs level 1?"): that workplace and the outcome there, which holds only if the person works
        there; None when the workplace is known, or the role is placed in none or several. ``outcome``: the profile's, if
        already decided."""
        outcome = outcome or self.decide(profile)
        homes = {r.home for r in outcome.role.roles if r.level} if isinstance(outcome, NextQuestion) and outcome.question.asks == "sector" else set()
        if len(homes) != 1:
            return None
        home = homes.pop()
        return home, self.decide(Profile(profile.role, {**profile.answers, "sector": home}))
