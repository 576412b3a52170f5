"""Check my skills: a self-assessment against the documents' own statements.

Everyone is assessed against the six areas of the East Sussex SEND Reforms Competency Framework,
which "provides a benchmark for staff to assess their competencies and to inform what training and
development is delivered"; a SENCO against the minimum outcomes of the National Award specification
(004, Section 3), against which providers assess new SENCOs. Each statement is rated confident,
partly or not yet; an area can be skipped. The summary lists the statements to work on and the
training the documents suggest, each with its source. The documents tie no course to a single
statement, so the suggestions are the guide's reading, and say so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from knowledge.schema import Citation, KnowledgeBase, Level, Statement, TopicItem

CONFIDENT, PARTLY, NOT_YET, SKIPPED = "confident", "partly", "not yet", "skipped"
RATINGS = (CONFIDENT, PARTLY, NOT_YET)
SKIP = "skip"
AREAS = ("family-centred-communication", "development-health-wellbeing", "safeguarding", "assessment-planning", "working-together",
         "supervision")
SENCO_GROUPS = {"professional-attributes": "Professional attributes", "knowledge-and-understanding": "Knowledge and understanding",
                "skills": "Skills"}

NO_COURSE = ("The documents do not tie a course to each statement. The training below is the guide's reading: what the documents "
             "suggest for your level.")
NO_LEVEL = ("The documents do not tie a course to each statement, and the training they suggest depends on your level; find your "
            "training level to see it.")
SENCO_READING = ("The guide's reading: the National Award programme is the training the documents give for these outcomes, which "
                 "its providers assess.")

_WORDS = [
    (NOT_YET, r"not yet|no|nope|not (?:at all|really|confident)|unconfident|never"),
    (PARTLY, r"partly|partially|part|somewhat|some(?:times)?|a (?:bit|little)|sort of|kind of|in part|mostly|fairly"),
    (CONFIDENT, r"(?:(?:yes|yeah|yep),? )?(?:i'?m |i am )?(?:very |fully |quite |really )?confident|yes|yeah|yep|definitely|fully"),
    (SKIP, r"skip(?: (?:this|the|that)(?: area| one| section)?)?|next area|pass"),
]
_PATTERNS = [(value, re.compile(rf"\s*(?:{words})\s*[.!]?\s*", re.I)) for value, words in _WORDS]


@dataclass(frozen=True)
class SkillStatement:
    id: str  # "<area id>#<position>": stable while the documents' lists are
    area: str
    kind: str  # knowledge, skills, or the SENCO outcomes' group
    text: str
    citation: Citation


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    statements: tuple[SkillStatement, ...]


@dataclass(frozen=True)
class Framework:
    id: str  # east-sussex or senco-award
    title: str
    purpose: TopicItem | Statement  # why these statements: the document's own words
    areas: tuple[Area, ...]

    @property
    def statements(self) -> tuple[SkillStatement, ...]:
        return tuple(s for a in self.areas for s in a.statements)


@dataclass(frozen=True)
class Suggestion:
    text: str
    citation: Citation | None = None
    url: str | None = None


@dataclass(frozen=True)
class AreaSummary:
    area: Area
    counts: Mapping[str, int]
    to_work_on: tuple[tuple[SkillStatement, str], ...]


@dataclass(frozen=True)
class Summary:
    framework: Framework
    rated: int
    areas: tuple[AreaSummary, ...]
    training: tuple[Suggestion, ...]
    readings: tuple[str, ...]
    level: Level | None = None

    @property
    def complete(self) -> bool:
        return self.rated == len(self.framework.statements)


def framework_for(kb: KnowledgeBase, senco: bool) -> Framework:
    """The SENCO award's minimum outcomes for a SENCO; the East Sussex areas for everyone else."""
    if senco:
        award = kb.topic("senco-award")
        areas = tuple(Area(kind, title, tuple(SkillStatement(f"senco-{kind}#{n}", f"senco-{kind}", kind, i.text, i.citation)
                                              for n, i in enumerate((i for i in award.items if i.kind == kind), 1)))
                      for kind, title in SENCO_GROUPS.items())
        purpose = next(i for i in award.items if i.text.startswith("Teachers must be assessed against"))
        return Framework("senco-award", "Minimum outcomes of the National Award in SEN Co-ordination", purpose, areas)
    areas = tuple(Area(a, re.sub(r"^\d+\.\s*", "", kb.topic(a).title), tuple(SkillStatement(f"{a}#{n}", a, i.kind, i.text, i.citation)
                                                   for n, i in enumerate(kb.topic(a).items, 1))) for a in AREAS)
    purpose = next(i for i in kb.topic("east-sussex-competencies").items if "benchmark" in i.text)
    return Framework("east-sussex", "East Sussex SEND Reforms Competency Framework", purpose, areas)


_RATES = re.compile(r"(?P<said>.*?)\s*\[(?P<statement>[\w.#-]{1,120})\]\s*")  # a button's "partly [area#3]"


def read_rating(text: str) -> str | None:
    """A rating ("confident", "partly", "not yet") or "skip" from a message; None when it is neither."""
    said = _RATES.fullmatch(text or "")
    for value, pattern in _PATTERNS:
        if pattern.fullmatch(said.group("said") if said else text or ""):
            return value
    return None


def rated_statement(text: str) -> str | None:
    """The statement a rating button rates ("partly [area#3]"), so a second press rates nothing else; None when typed."""
    said = _RATES.fullmatch(text or "")
    return said.group("statement") if said else None


def rating_button(title: str, said: str, statement: SkillStatement) -> dict[str, str]:
    return {"title": title, "payload": f"{said} [{statement.id}]"}


def next_statement(framework: Framework, ratings: Mapping[str, str]) -> tuple[int, int, SkillStatement] | None:
    """The first statement not yet rated or skipped: its area's index, its place in the area, and itself."""
    for a, area in enumerate(framework.areas):
        for n, statement in enumerate(area.statements):
            if statement.id not in ratings:
                return a, n, statement
    return None


def skipping(framework: Framework, ratings: Mapping[str, str], area_id: str) -> dict[str, str]:
    """The ratings that skip the rest of one area."""
    area = next(a for a in framework.areas if a.id == area_id)
    return {s.id: SKIPPED for s in area.statements if s.id not in ratings}


def _training(framework: Framework, kb: KnowledgeBase, level: Level | None) -> tuple[list[Suggestion], list[str]]:
    if framework.id == "senco-award":
        award = kb.topic("senco-award").items
        said = [i for i in award if i.text.startswith(("A newly appointed SENCO", "They are designed to enable", "We expect that it would take"))]
        return [Suggestion(i.text, i.citation) for i in said], [SENCO_READING]
    if level is None:
        return [], [NO_LEVEL]
    suggestions = [Suggestion(m.text, m.citation) for m in (*level.methods, *level.learning_areas)]
    suggestions += [Suggestion(s.name + (f" ({s.note})" if s.note else ""), s.citation, s.url) for s in level.sources]
    return suggestions, [NO_COURSE + f" ({level.name})"]


def summarise(kb: KnowledgeBase, framework: Framework, ratings: Mapping[str, str], level: Level | None) -> Summary:
    areas = []
    for area in framework.areas:
        given = [ratings.get(s.id) for s in area.statements]
        counts = {r: given.count(r) for r in (*RATINGS, SKIPPED)}
        counts["not rated"] = given.count(None)
        work = tuple((s, ratings[s.id]) for s in area.statements if ratings.get(s.id) in (PARTLY, NOT_YET))
        areas.append(AreaSummary(area, counts, work))
    training, readings = _training(framework, kb, level)
    rated = sum(1 for s in framework.statements if s.id in ratings)
    return Summary(framework, rated, tuple(areas), tuple(training), tuple(readings), level)


def counts_text(counts: Mapping[str, int]) -> str:
    """ "3 confident, 2 partly, 1 not yet" with the zeros left out."""
    return ", ".join(f"{n} {label}" for label, n in counts.items() if n) or "nothing rated"


def from_link(kb: KnowledgeBase, framework_id: str, level_id: str | None) -> tuple[Framework, Level | None]:
    """The framework and level a download link names; ValueError for any other."""
    if framework_id not in ("east-sussex", "senco-award"):
        raise ValueError("no such framework")
    level = next((lv for lv in kb.levels if lv.id == level_id), None)
    if level_id and level is None:
        raise ValueError("no such level")
    return framework_for(kb, framework_id == "senco-award"), level
