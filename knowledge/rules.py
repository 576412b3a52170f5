"""Turn what is known about a person into a level, or into the one question still needed.

Never a guess: while anything that could change the answer is unknown, ``decide`` returns
the question that settles it. The workplace comes first: as the person answered it, as
their words name it ("at a college"), or as the documents place their role. A role the
documents name then fixes a floor, never a ceiling. One involvement question offers the
documents' own cohort descriptions above that floor, highest first, and the highest that
applies wins, so more involvement never gives a lower level and nothing that could raise
the level is left unasked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence, Union

from knowledge import lookup
from knowledge.roles import RoleCatalogue, RoleMatch
from knowledge.schema import (
    FACT_VALUES, FRAMEWORK_OF_SECTOR, INVOLVEMENT, Citation, KnowledgeBase, Level, Option, Question, Role, Tension,
    Topic,
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

    def chose(self, option: Option) -> "Profile":
        """The profile after choosing one option of a question: every fact it settles."""
        return replace(self, answers={**self.answers, **option.sets})


@dataclass(frozen=True)
class Reason:
    text: str
    citation: Citation


@dataclass(frozen=True)
class NextQuestion:
    """The question still needed; ``levels`` are the levels its options describe, by id. ``floor`` is the
    level already reached (a named role's, with ``reasons``), which the answer can only raise."""

    question: Question
    options: tuple[Option, ...]
    role: RoleMatch
    because: Tension | None = None
    levels: Mapping[str, Level] = field(default_factory=dict)
    floor: Level | None = None
    reasons: tuple[Reason, ...] = ()
    stays: Level | None = None  # the level "None of these" leaves the person at


@dataclass(frozen=True)
class Determination:
    """The answer for one person; ``level`` is None where the documents set none for them.
    ``known`` is every answer it rests on, the person's own words included."""

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
    known: Mapping[str, str] = field(default_factory=dict)
    sessions: tuple[Any, ...] = ()  # the organisation's next training sessions for the level (knowledge/local/calendar.py)


Outcome = Union[Determination, NextQuestion]


def decide(kb: KnowledgeBase, catalogue: RoleCatalogue, profile: Profile, local: Sequence[Any] = ()) -> Outcome:
    """``local``: the organisation's own rules (knowledge/local/rules.py), which raise a named role's floor."""
    match = catalogue.resolve(profile.role)
    known = {**match.said, **profile.answers}
    workplace = _workplace(kb, match, known)
    if isinstance(workplace, NextQuestion):
        return workplace
    sector, roles, reasons = workplace
    placed = [r for r in roles if r.home == sector]
    tensions = [kb.tension(r.tension) for r in placed if r.tension]
    framework = FRAMEWORK_OF_SECTOR.get(sector)
    silence = next((t for t in tensions if t.kind == "silence"), None)
    if framework is None or silence:
        return _without_level(kb, match, roles, sector, silence, reasons, known)

    floor, named = _floor(kb, framework, placed, _beyond_cyp(match), reasons)
    floor, named = _raised(kb, local, placed, floor, named, reasons)
    reached, rung = floor, None
    for option, level in _rungs(kb, framework):
        if level.rank > reached.rank and _applies(option, level, known):
            reached, rung = level, option
    if rung:  # what the person said of their work, and the level it reaches, before any question that may raise it
        reasons.append(Reason(f"{_because(match, profile, rung, reached)} {reached.name} is for {_lower_first(reached.cohort.text)}",
                              reached.cohort.citation))
    open_rungs = [o for o, lv in _rungs(kb, framework) if lv.rank > reached.rank and _applies(o, lv, known) is None]
    if open_rungs:
        question = kb.question("involvement", framework)
        none = tuple(o for o in question.options if o.level is None)
        because = next((t for t in tensions if t.kind == "tension"), None)
        return NextQuestion(question, tuple(open_rungs) + none, match, because, {o.level: kb.level(o.level) for o in open_rungs},
                            reached if named or rung else None, tuple(reasons), reached)
    if not rung and not named:
        reasons.append(Reason(f"{reached.name} is for {_lower_first(reached.cohort.text)} None of the descriptions "
                              "for a higher level applies to you.", reached.cohort.citation))
    for fact in (f for r in placed for f in r.asks):
        if fact not in known:
            question = kb.question(fact, framework)
            return NextQuestion(question, question.options, match, floor=reached, reasons=tuple(reasons))  # its level already settled
    award = any("new-senco" in r.asks for r in placed)
    return _determination(kb, match, sector, reached, reasons, known, tensions, award)


def _workplace(kb: KnowledgeBase, match: RoleMatch, known: Mapping[str, str]) -> NextQuestion | tuple[str, list[Role], list[Reason]]:
    """The person's sector, the named roles that hold there, and why any named role does not."""
    roles, reasons = list(match.roles), []
    sector = known.get("sector") or match.sector_hint
    if match.profession and sector != match.profession:  # "a nurse in a special school", "midwife": health staff wherever they work
        where = f" although you work in {sector_label(kb, sector)}" if sector else ""
        unsaid = "do not say" if sector else "do not list every health job"
        reasons.append(Reason(f'This guide reads "{match.taken}" as a job in {sector_label(kb, match.profession)}, whose framework '
                              f"sets its levels{where}: this guide's reading, as the documents {unsaid}.",
                              kb.levels_of(FRAMEWORK_OF_SECTOR[match.profession])[0].cohort.citation))
        sector = match.profession  # (a profession is read only where no catalogue role is named)
    if sector is None:
        shared = set.intersection(*(set(r.sectors) for r in roles)) if roles else set()
        if len(shared) != 1:
            first = list(dict.fromkeys(s for r in roles for s in r.sectors))
            question = kb.question("sector", None, match.role.id if match.role else None)
            order = {s: n for n, s in enumerate(first)}
            return NextQuestion(question, tuple(sorted(question.options, key=lambda o: order.get(o.sets["sector"], len(order)))), match,
                                levels={r.level: kb.level(r.level) for r in roles if r.level})  # where a named role is placed
        sector = shared.pop()
    based = next((r for r in roles if sector in r.based_in), None)
    if based and not any(sector in r.sectors for r in roles):
        reasons.append(Reason(f'The documents place the role "{based.name}" in the {based.home} framework, so this guide '
                              f"applies it although you work in {sector_label(kb, sector)}.", based.citation))
        sector = based.home
    for role in [r for r in roles if r.home != sector]:
        if sector not in role.sectors:
            roles.remove(role)
        if role.citation and sector in FRAMEWORK_OF_SECTOR:
            reasons.append(Reason(f'The documents place the role "{role.name}" in {sector_label(kb, role.home)}, not in '
                                  f"{sector_label(kb, sector)}, so your answer comes from what you do there.", role.citation))
    return sector, roles, reasons


def sector_label(kb: KnowledgeBase, sector: str) -> str:
    label = next(o.label for o in kb.question("sector", None).options if o.value == sector)
    return label[:1].lower() + label[1:]


def _beyond_cyp(match: RoleMatch) -> bool:
    """Whether the person said, in their own words, that their work is with adults or not with children and
    young people at all: the health levels are set by work with CYP with SEND, so a title named for that
    work then sets no floor. (An answer to a question never removes a floor: the questions only raise.)"""
    return match.adults or match.said.get("contact") == "none"


def _floor(kb: KnowledgeBase, framework: str, placed: list[Role], beyond_cyp: bool, reasons: list[Reason]) -> tuple[Level, bool]:
    """The lowest level the named roles allow, and whether a role set it (its reason added to ``reasons``)."""
    base = kb.levels_of(framework)[0]
    floor, why = base, None
    for role in placed:
        if not role.level:
            continue
        level = kb.level(role.level)
        if beyond_cyp and framework == "health" and level.rank > base.rank:
            continue  # the levels are about CYP; a role named for that work says nothing of work with adults
        if why is None or level.rank > floor.rank:
            floor, why = level, _placed(kb, role, level)
    if why:
        reasons.append(why)
    return floor, why is not None


def _placed(kb: KnowledgeBase, role: Role, level: Level) -> Reason:
    assert role.citation  # content_loader refuses a placed role without one
    if role.reading:
        return Reason(f"This guide's reading: {role.reading}", role.citation)
    if role.tension:
        tension = kb.tension(role.tension)
        return Reason(tension.statement, tension.citations[0])
    return Reason(f"{role.name} is named in the {level.name} cohort.", role.citation)


def _rungs(kb: KnowledgeBase, framework: str) -> list[tuple[Option, Level]]:
    """The involvement options that name a level, highest first."""
    question = kb.question("involvement", framework)
    return [(o, kb.level(o.level)) for o in question.options if o.level]


def _applies(option: Option, level: Level, known: Mapping[str, str]) -> bool | None:
    """Whether the person is in this level's cohort: True, False, or None while unknown."""
    if any(known.get(q.fact) in q.values for q in level.qualifies):
        return True
    chosen = known.get("involvement")
    if chosen == option.value:
        return True
    if chosen is not None and INVOLVEMENT.index(chosen) < INVOLVEMENT.index(option.value):
        return False  # they chose a lower description: this one does not apply
    if all(known.get(q.fact) is not None for q in level.qualifies):
        return False
    return None



def _because(match: RoleMatch, profile: Profile, rung: Option, level: Level) -> str:
    """What the person said or answered that puts them in this level's cohort: their own words, never a label
    they did not choose."""
    if profile.answers.get("involvement") != rung.value:
        for q in level.qualifies:
            value = profile.answers.get(q.fact) or match.said.get(q.fact)
            if value in q.values:
                return f'You said "{match.quotes[q.fact]}".' if q.fact in match.quotes and q.fact not in profile.answers \
                    else f'You answered "{value}" about {q.fact.replace("-", " ")}.'
    return f'You answered: "{rung.label}".'


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _without_level(kb: KnowledgeBase, match: RoleMatch, roles: list[Role], sector: str, silence: Tension | None,
                   reasons: list[Reason], known: Mapping[str, str]) -> Determination:
    notes = [silence] if silence else kb.tensions_for(f"sector:{sector}")
    topic_ids = [t for note in notes for t in note.topics]
    for role in roles:
        if role.topic and role.topic not in topic_ids:
            topic_ids.insert(0, role.topic)
    reasons = reasons + [Reason(note.statement, note.citations[0]) for note in notes]
    return Determination(match, sector, None, tuple(reasons), notes=tuple(notes),
                         topics=tuple(lookup.for_sector(kb.topic(t), sector) for t in topic_ids), known=dict(known))


def _raised(kb: KnowledgeBase, local: Sequence[Any], placed: list[Role], floor: Level, named: bool,
            reasons: list[Reason]) -> tuple[Level, bool]:
    """The floor an organisation's rule raises for a role placed here (never lowers), with both sources said."""
    names = {r.name for r in placed}
    raising = [r for r in local if r.role in names and kb.level(r.level).framework == floor.framework
               and kb.level(r.level).rank > floor.rank]
    if not raising:
        return floor, named
    rule = max(raising, key=lambda r: kb.level(r.level).rank)
    level = kb.level(rule.level)
    reasons.append(Reason(f"The documents' minimum for you is {floor.name}.", floor.cohort.citation))
    reasons.append(Reason(f"Your organisation asks for {level.name} ({rule.role}): \u201c{rule.citation.quote}\u201d", rule.citation))
    return level, True


def _determination(kb: KnowledgeBase, match: RoleMatch, sector: str, level: Level, reasons: list[Reason],
                   known: Mapping[str, str], tensions: list[Tension], award: bool) -> Determination:
    levels = kb.levels_of(level.framework)
    notes = [t for t in tensions if t.kind == "tension"] + kb.tensions_for(level.id)
    if _beyond_cyp(match) and level.framework == "health":
        notes += [t for t in kb.tensions_for("said:adults") if t not in notes]
    topic_ids = [f"{level.framework}-builds-on"]
    topic_ids += ["health-framework-purpose"] if level.framework == "health" else ["learning-platform"]
    if match.role and match.role.topic:
        topic_ids.append(match.role.topic)
    new_senco = known.get("new-senco") if award else None
    return Determination(
        role=match, sector=sector, level=level, reasons=tuple(reasons),
        builds_on=tuple(lv for lv in levels if lv.rank < level.rank),
        induction_level=levels[0] if levels[0].induction else None,
        notes=tuple(notes), topics=tuple(kb.topic(t) for t in topic_ids),
        senco_award=kb.topic("senco-award") if new_senco else None, senco_award_required=new_senco == "yes",
        known=dict(known),
    )
