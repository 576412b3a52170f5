"""The knowledge base as immutable records, the same whether read from content or SQL."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

SECTORS = ("health", "school", "early-years", "college", "local-authority", "elsewhere")
CONTACT = ("none", "some", "regular")
YES_NO = ("yes", "no")
# The answer to the one involvement question: the highest of the documents' cohort descriptions
# that applies, lowest first. Each value above "none" is the fact that puts a person in a level.
INVOLVEMENT = ("none", "contact", "assess", "lead", "designated")
FACT_VALUES: Mapping[str, tuple[str, ...]] = {
    "sector": SECTORS,
    "involvement": INVOLVEMENT,
    "contact": CONTACT,
    **{name: YES_NO for name in ("assess", "lead", "designated", "confidential", "new-senco")},
}
FACTS = tuple(FACT_VALUES)
# The facts the rules ask questions about; the others are answers a staff list or the command line may give.
ASKED_FACTS = ("sector", "involvement", "new-senco")
FRAMEWORK_OF_SECTOR = {"health": "health", "school": "schools"}


@dataclass(frozen=True)
class Citation:
    document: str  # the source file's name
    section: str  # the section heading as the document writes it, parents joined by " > "
    quote: str
    title: str  # the document's own title, for people
    excerpt: bool = False  # the quote stops short of the end of its sentence, bullet or table cell: shown with an ellipsis


@dataclass(frozen=True)
class Statement:
    """A cited line of content. ``excerpt`` marks a quote that stops short of the end of its sentence,
    bullet or table cell on purpose (a name from a list, say); every other quote runs to that end."""

    text: str
    citation: Citation
    excerpt: bool = False


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
    learning_areas: tuple[Statement, ...] = ()  # content a document says is being developed, not outcomes
    methods: tuple[Statement, ...] = ()
    sources: tuple[TrainingSource, ...] = ()


@dataclass(frozen=True)
class Option:
    """One answer to a question. ``sets`` is every fact the answer settles (by default ``{asks: value}``);
    ``level`` names the level an involvement answer describes; ``short`` is the label for a button."""

    value: str
    label: str
    sets: Mapping[str, str] = field(default_factory=dict)
    level: str | None = None
    short: str | None = None


@dataclass(frozen=True)
class Question:
    """A question the rules ask; ``role`` marks one asked of that role instead of the general one."""

    asks: str
    text: str
    options: tuple[Option, ...]
    citation: Citation
    framework: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Tension:
    """Where the documents disagree or are silent, and what the assistant asks or says."""

    id: str
    kind: str  # "tension" or "silence"
    title: str
    statement: str
    citations: tuple[Citation, ...]
    levels: tuple[str, ...] = ()  # the levels a tension lies between, lowest first
    applies_to: tuple[str, ...] = ()  # level ids, "sector:<sector>", topic ids, or "said:adults"
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A job title and where the documents place it.

    ``sectors`` are the workplaces people with this title have (more than one means the
    workplace is asked); the placement (``level``, ``tension``, ``reading``, ``asks``) holds
    in the first of them only. ``level`` is a floor: answers can raise it, never lower it.
    ``reading`` is set when the placement is this guide's reading rather than the documents'
    words. ``based_in`` lists workplaces where the role works without leaving its own
    framework (a school nurse in a school). A role with no citation is a title the documents
    do not name, kept so that its words are not read as something else.
    """

    id: str
    name: str
    sectors: tuple[str, ...]
    citation: Citation | None
    aliases: tuple[str, ...] = ()
    level: str | None = None
    tension: str | None = None
    topic: str | None = None
    reading: str | None = None
    asks: tuple[str, ...] = ()
    based_in: tuple[str, ...] = ()

    @property
    def home(self) -> str:
        return self.sectors[0]


@dataclass(frozen=True)
class TopicItem:
    kind: str
    text: str
    citation: Citation
    heading: str | None = None
    excerpt: bool = False  # as for Statement


@dataclass(frozen=True)
class Topic:
    """A titled list of cited statements: responsibilities, competency areas, the SENCO award."""

    id: str
    title: str
    items: tuple[TopicItem, ...]


@dataclass(frozen=True)
class NamedOnly:
    """Something the documents name without including, listing or defining it (an appendix that is not in
    the text, "the four categories of SEND"): asked about, the guide says so and shows where it is named."""

    name: str
    words: tuple[str, ...]  # what people call it, any of which in a question means it is asked about
    missing: str  # what the documents do not do with it: include, list, define, explain
    citation: Citation


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    citation: Citation
    expansion: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SourcePassage:
    """A paragraph, bullet or table row of a source document, as the document words it: what a question
    no curated content answers is answered from. ``lead_in`` is the line that introduces its list."""

    citation: Citation
    lead_in: str | None = None

    @property
    def text(self) -> str:
        return self.citation.quote


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
class Said:
    """Words that state a fact in a person's own words: "I'm the SEND lead" says lead=yes."""

    pattern: str  # a regular expression over normalised role text
    fact: str
    value: str
    context: str | None = None  # a second expression the text must also match ("every day" counts near "children")
    answer_only: bool = False  # read only as the answer to its fact's question: "two years" said with the job is time in post


@dataclass(frozen=True)
class Wording:
    """How typed role text is read, beyond the role catalogue's names.

    ``settings`` name a workplace wherever they stand ("an NHS trust"); ``settings_after``
    only after at/in/for ("a nurse in a surgery"). ``job_nouns`` straight after a role word make
    it describe the job ("GP receptionist"). ``not_before`` makes a role word name someone else
    ("deputy SENCO"); ``object_markers`` just before it make it someone the person works with or for
    ("I book appointments for the GPs", "I support the SEND lead"). ``modifiers`` are aliases that name a
    role alone but only qualify a longer title ("head", but not "head nurse", "head of year").
    """

    settings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    settings_after: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    job_nouns: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    said: tuple[Said, ...] = ()
    job_words: tuple[str, ...] = ()  # words that end a job title ("midwife", "officer"): a short message ending so names a role
    object_markers: tuple[str, ...] = ()
    object_prepositions: tuple[str, ...] = ()  # as object_markers, but only after "I" or "we": "training for a GP" names the GP
    needs_setting: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # short forms that name the role only there
    professions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # jobs whose framework is their sector's anywhere


@dataclass(frozen=True)
class KnowledgeBase:
    documents: tuple[Document, ...]
    levels: tuple[Level, ...]
    questions: tuple[Question, ...]
    tensions: tuple[Tension, ...]
    roles: tuple[Role, ...]
    topics: tuple[Topic, ...]
    glossary: tuple[GlossaryEntry, ...]
    wording: Wording = field(default_factory=Wording)
    passages: tuple[SourcePassage, ...] = ()
    named_only: tuple[NamedOnly, ...] = ()

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def tension(self, tension_id: str) -> Tension:
        return next(t for t in self.tensions if t.id == tension_id)

    def topic(self, topic_id: str) -> Topic:
        return next(t for t in self.topics if t.id == topic_id)

    def question(self, asks: str, framework: str | None, role: str | None = None) -> Question:
        """The question for a fact: the role's own if it has one, else the framework's, else the general one."""
        matching = [q for q in self.questions if q.asks == asks]
        return next((q for q in matching if role and q.role == role), None) or \
            next((q for q in matching if q.framework == framework and q.role is None), None) or \
            next(q for q in matching if q.role is None)

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
            found += [s.citation for s in (*level.members, *level.competencies, *level.learning_outcomes, *level.learning_areas, *level.methods)]
            found += [r.citation for r in (level.induction, level.refresher) if r]
            found += [s.citation for s in level.sources]
        found += [q.citation for q in self.questions]
        found += [c for t in self.tensions for c in t.citations]
        found += [r.citation for r in self.roles if r.citation]
        found += [i.citation for t in self.topics for i in t.items]
        found += [g.citation for g in self.glossary]
        found += [n.citation for n in self.named_only]
        return found
