"""The knowledge base as immutable records, the same whether read from content or SQL."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

FACTS = ("sector", "contact", "assess", "lead", "designated", "confidential", "new-senco")
SECTORS = ("health", "school", "early-years", "college", "local-authority")
CONTACT = ("none", "some", "regular")
YES_NO = ("yes", "no")
FACT_VALUES: Mapping[str, tuple[str, ...]] = {
    "sector": SECTORS,
    "contact": CONTACT,
    **{name: YES_NO for name in ("assess", "lead", "designated", "confidential", "new-senco")},
}
FRAMEWORK_OF_SECTOR = {"health": "health", "school": "schools"}


@dataclass(frozen=True)
class Citation:
    document: str  # the source file's name
    section: str  # the section heading as the document writes it, parents joined by " > "
    quote: str
    title: str  # the document's own title, for people


@dataclass(frozen=True)
class Statement:
    text: str
    citation: Citation


@dataclass(frozen=True)
class Requirement:
    text: str
    citation: Citation
    minutes: int | None = None
    within_weeks: int | None = None
    period_years: int | None = None


@dataclass(frozen=True)
class TrainingSource:
    name: str
    url: str
    citation: Citation
    note: str | None = None


@dataclass(frozen=True)
class Qualifier:
    """An answer that puts a person in a level's cohort, e.g. lead=yes for Level 4."""

    fact: str
    values: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True)
class Level:
    """A health framework level or a school tier."""

    id: str
    name: str
    framework: str
    rank: int
    cohort: Statement
    also_called: tuple[str, ...] = ()
    qualifies: tuple[Qualifier, ...] = ()
    members: tuple[Statement, ...] = ()
    induction: Requirement | None = None
    refresher: Requirement | None = None
    competencies: tuple[Statement, ...] = ()
    learning_outcomes: tuple[Statement, ...] = ()
    methods: tuple[Statement, ...] = ()
    sources: tuple[TrainingSource, ...] = ()


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    asks: str
    text: str
    options: tuple[Option, ...]
    citation: Citation
    framework: str | None = None


@dataclass(frozen=True)
class Tension:
    """Where the documents disagree or are silent, and what the assistant asks or says."""

    id: str
    kind: str  # "tension" or "silence"
    title: str
    statement: str
    citations: tuple[Citation, ...]
    asks: str | None = None
    outcomes: Mapping[str, str] = field(default_factory=dict)
    applies_to: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectorFacts:
    sector: str
    facts: Mapping[str, str]
    citation: Citation
    asks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    sectors: tuple[str, ...]
    citation: Citation
    aliases: tuple[str, ...] = ()
    level: str | None = None
    tension: str | None = None
    topic: str | None = None
    implies: Mapping[str, str] = field(default_factory=dict)
    sector_facts: tuple[SectorFacts, ...] = ()


@dataclass(frozen=True)
class TopicItem:
    kind: str
    text: str
    citation: Citation
    heading: str | None = None


@dataclass(frozen=True)
class Topic:
    """A titled list of cited statements: responsibilities, competency areas, the SENCO award."""

    id: str
    title: str
    items: tuple[TopicItem, ...]


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    citation: Citation
    expansion: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Section:
    path: str
    omitted: str | None = None


@dataclass(frozen=True)
class Document:
    id: str
    file_name: str
    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    documents: tuple[Document, ...]
    levels: tuple[Level, ...]
    questions: tuple[Question, ...]
    tensions: tuple[Tension, ...]
    roles: tuple[Role, ...]
    topics: tuple[Topic, ...]
    glossary: tuple[GlossaryEntry, ...]
    settings: Mapping[str, tuple[str, ...]]
    job_nouns: tuple[str, ...] = ()

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def tension(self, tension_id: str) -> Tension:
        return next(t for t in self.tensions if t.id == tension_id)

    def topic(self, topic_id: str) -> Topic:
        return next(t for t in self.topics if t.id == topic_id)

    def question(self, asks: str, framework: str | None) -> Question:
        matching = [q for q in self.questions if q.asks == asks]
        return next((q for q in matching if q.framework == framework), matching[0])

    def levels_of(self, framework: str) -> list[Level]:
        return sorted((lv for lv in self.levels if lv.framework == framework), key=lambda lv: lv.rank)

    def tensions_for(self, key: str) -> list[Tension]:
        return [t for t in self.tensions if key in t.applies_to]

    def citations(self) -> list[Citation]:
        """Every citation the knowledge base holds, for checking and coverage."""
        found: list[Citation] = []
        for level in self.levels:
            found.append(level.cohort.citation)
            found += [q.citation for q in level.qualifies]
            found += [s.citation for s in (*level.members, *level.competencies, *level.learning_outcomes, *level.methods)]
            found += [r.citation for r in (level.induction, level.refresher) if r]
            found += [s.citation for s in level.sources]
        found += [q.citation for q in self.questions]
        found += [c for t in self.tensions for c in t.citations]
        found += [r.citation for r in self.roles] + [f.citation for r in self.roles for f in r.sector_facts]
        found += [i.citation for t in self.topics for i in t.items]
        found += [g.citation for g in self.glossary]
        return found
