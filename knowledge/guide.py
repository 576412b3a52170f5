"""The knowledge base as one object: build it, open it, ask it about a person or a cohort."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from knowledge.content_loader import ContentError, load_content
from knowledge.db import make_engine
from knowledge.roles import RoleCatalogue
from knowledge.rules import Outcome, Profile, decide
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

    @classmethod
    def of(cls, kb: KnowledgeBase) -> "Guide":
        return cls(kb, RoleCatalogue(kb.roles, kb.wording))

    @classmethod
    def open(cls, url: str | None = None) -> "Guide":
        """Read the stored knowledge base once; the rules then run from memory."""
        from knowledge.local import rules

        engine = make_engine(url)
        try:
            return replace(cls.of(read(engine)), local=rules.current(engine))
        finally:
            engine.dispose()

    def decide(self, profile: Profile) -> Outcome:
        return decide(self.kb, self.catalogue, profile, self.local)
