"""Turn what is known about a person into a level, or into the one question still needed.

Never a guess: while an answer that could change the level is unknown, ``decide`` returns
that question. A role named in a cohort goes straight to its level unless a recorded
tension says to ask; any other role climbs the levels from the top, asking one qualifying
question at a time, so a yes ends early and more involvement never gives a lower level.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping, Union

from knowledge.roles import RoleCatalogue, RoleMatch
from knowledge.schema import (
    FACT_VALUES, FRAMEWORK_OF_SECTOR, Citation, KnowledgeBase, Level, Option, Question, Role, Tension, Topic,
)


class InvalidAnswer(ValueError):
    """An answer outside the rules' vocabulary, such as contact=lots."""


@dataclass(frozen=True)
class Profile:
    """What is known about a person: the role as typed and their answers by fact name."""

    role: str | None = None
    answers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for fact, value in self.answers.items():
            if fact not in FACT_VALUES:
                raise InvalidAnswer(f"unknown question {fact!r}; known: {', '.join(FACT_VALUES)}")
            if value not in FACT_VALUES[fact]:
                raise InvalidAnswer(f"{fact} must be one of {', '.join(FACT_VALUES[fact])}, not {value!r}")

    @classmethod
    def of(cls, role: str | None = None, **answers: str | None) -> "Profile":
        """Build from keyword answers (``new_senco`` for ``new-senco``), leaving out unknowns."""
        return cls(role, {k.replace("_", "-"): v for k, v in answers.items() if v is not None})

    def answered(self, fact: str, value: str) -> "Profile":
        return replace(self, answers={**self.answers, fact: value})


@dataclass(frozen=True)
class Reason:
    text: str
    citation: Citation


@dataclass(frozen=True)
class NextQuestion:
    question: Question
    options: tuple[Option, ...]
    role: RoleMatch
    because: Tension | None = None


@dataclass(frozen=True)
class Determination:
    """The answer for one person; ``level`` is None where the documents set none for them."""

    role: RoleMatch
    sector: str
    level: Level | None
    reasons: tuple[Reason, ...]
    builds_on: tuple[Level, ...] = ()
    induction_level: Level | None = None
    notes: tuple[Tension, ...] = ()
    topics: tuple[Topic, ...] = ()
    senco_award: Topic | None = None
    senco_award_required: bool = False


Outcome = Union[Determination, NextQuestion]


def decide(kb: KnowledgeBase, catalogue: RoleCatalogue, profile: Profile) -> Outcome:
    match = catalogue.resolve(profile.role)
    role = match.role
    sector = profile.answers.get("sector") or _sector(role, match.sector_hint)
    if sector is None:
        return _ask(kb, "sector", None, match, first=role.sectors if role else ())
    if role and sector not in role.sectors:
        role = None  # the typed role is not one the documents place in this sector
    known = _known(role, sector, profile)
    framework = FRAMEWORK_OF_SECTOR.get(sector)
    tension = kb.tension(role.tension) if role and role.tension else None
    if framework is None or (tension and tension.kind == "silence"):
        return _without_level(kb, match, sector, tension)

    level, reasons = None, []
    if role and role.level:
        level = kb.level(role.level)
        reasons.append(Reason(tension.statement, tension.citations[0]) if tension else
                       Reason(f"{role.name} is named in the {level.name} cohort.", role.citation))
    if tension and tension.asks:
        answer = known.get(tension.asks)
        if answer is None:
            return _ask(kb, tension.asks, framework, match, because=tension)
        level = kb.level(tension.outcomes[answer])
        reasons.append(_answered(kb, tension.asks, framework, answer, level))
    climbed = _climb(kb, framework, known, ask=level is None, stated=_stated(role, sector, profile))
    if isinstance(climbed, str):
        return _ask(kb, climbed, framework, match)
    if level is None or climbed[0].rank > level.rank:
        level = climbed[0]
        reasons.append(climbed[1])
    for fact in _sector_asks(role, sector):
        if fact not in known:
            return _ask(kb, fact, framework, match)
    return _determination(kb, match, sector, level, reasons, known, tension)


def _sector(role: Role | None, hint: str | None) -> str | None:
    if role and len(role.sectors) == 1:
        return role.sectors[0]
    if hint and (role is None or hint in role.sectors):
        return hint
    return None


def _sector_asks(role: Role | None, sector: str) -> tuple[str, ...]:
    return next((sf.asks for sf in role.sector_facts if sf.sector == sector), ()) if role else ()


def _stated(role: Role | None, sector: str, profile: Profile) -> dict[str, tuple[str, Citation]]:
    """Facts the documents state about the role in this sector (and the person did not answer)."""
    stated = {f: (role.name, sf.citation) for sf in role.sector_facts if sf.sector == sector for f in sf.facts} if role else {}
    return {f: v for f, v in stated.items() if f not in profile.answers}


def _known(role: Role | None, sector: str, profile: Profile) -> dict[str, str]:
    """The role's stated facts, overridden by anything the person answered."""
    known: dict[str, str] = dict(role.implies) if role else {}
    if role:
        for sf in role.sector_facts:
            if sf.sector == sector:
                known.update(sf.facts)
    known.update(profile.answers)
    return known


def _climb(kb: KnowledgeBase, framework: str, known: Mapping[str, str], ask: bool,
           stated: Mapping[str, tuple[str, Citation]]) -> tuple[Level, Reason] | str:
    """The highest level an answer qualifies for, checked from the top down.

    With ``ask`` the first unanswered qualifying question is returned instead, so nothing
    that could raise the level is skipped; without it, unanswered questions are passed over.
    """
    levels = kb.levels_of(framework)
    for level in reversed(levels):
        for qualifier in level.qualifies:
            value = known.get(qualifier.fact)
            if value is None and ask:
                return qualifier.fact
            if value in qualifier.values and qualifier.fact in stated:
                name, citation = stated[qualifier.fact]
                return level, Reason(f'The documents say the {name} should "{_lower_first(citation.quote)}". '
                                     f"{level.name} is for {_lower_first(level.cohort.text)}", citation)
            if value in qualifier.values:
                return level, _answered(kb, qualifier.fact, framework, value, level, qualifier.citation)
    base = levels[0]
    return base, Reason(f"{base.name} is for {_lower_first(base.cohort.text)} No answer puts you in a higher level.", base.cohort.citation)


def _answered(kb: KnowledgeBase, fact: str, framework: str, value: str, level: Level, citation: Citation | None = None) -> Reason:
    question = kb.question(fact, framework)
    label = next(o.label for o in question.options if o.value == value)
    return Reason(f'You answered "{label}" to "{question.text}" {level.name} is for {_lower_first(level.cohort.text)}',
                  citation or question.citation)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _ask(kb: KnowledgeBase, fact: str, framework: str | None, match: RoleMatch,
         because: Tension | None = None, first: tuple[str, ...] = ()) -> NextQuestion:
    """The question, with the options the role makes likely (``first``) offered first."""
    question = kb.question(fact, framework)
    options = sorted(question.options, key=lambda o: o.value not in first)
    return NextQuestion(question, tuple(options), match, because)


def _without_level(kb: KnowledgeBase, match: RoleMatch, sector: str, tension: Tension | None) -> Determination:
    notes = [tension] if tension else kb.tensions_for(f"sector:{sector}")
    topic_ids = [t for note in notes for t in note.topics]
    if match.role and match.role.topic and match.role.topic not in topic_ids:
        topic_ids.insert(0, match.role.topic)
    reasons = tuple(Reason(note.statement, note.citations[0]) for note in notes)
    return Determination(match, sector, None, reasons, notes=tuple(notes), topics=tuple(kb.topic(t) for t in topic_ids))


def _determination(kb: KnowledgeBase, match: RoleMatch, sector: str, level: Level, reasons: list[Reason],
                   known: Mapping[str, str], tension: Tension | None) -> Determination:
    levels = kb.levels_of(level.framework)
    notes = ([tension] if tension else []) + kb.tensions_for(level.id)
    topic_ids = [f"{level.framework}-builds-on"]
    topic_ids += ["health-framework-purpose"] if level.framework == "health" else ["learning-platform"]
    if match.role and match.role.topic:
        topic_ids.append(match.role.topic)
    new_senco = known.get("new-senco") if sector == "school" else None
    return Determination(
        role=match, sector=sector, level=level, reasons=tuple(reasons),
        builds_on=tuple(lv for lv in levels if lv.rank < level.rank),
        induction_level=levels[0] if levels[0].induction else None,
        notes=tuple(notes), topics=tuple(kb.topic(t) for t in topic_ids),
        senco_award=kb.topic("senco-award") if new_senco else None, senco_award_required=new_senco == "yes",
    )
