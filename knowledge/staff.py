"""A whole staff list through the same rules as one person: per row a level, or the question still open.

Each row is decided by `rules.decide` with the row's job title and whatever answers the file
holds, so a staff list and a conversation can never disagree. Decisions are cached by
(title, answers): staff lists repeat job titles. Training records, where given, are read
against the level's refresher period and the induction rule.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from knowledge.guide import Guide
from knowledge.rules import Determination, NextQuestion, Outcome, Profile
from knowledge.schema import Citation
from knowledge.staff_input import Row, StaffList, answers

# The documents do not say whether lower-level hours count towards a higher level (tensions.yml).
READING = "Only training recorded at the required level or above counts towards its refresher minutes."


@dataclass(frozen=True)
class Training:
    status: str  # compliant, due, overdue, never trained, not assessed
    detail: str
    minutes_needed: int | None = None


@dataclass
class Assessment:
    row: int
    person: str | None
    department: str | None
    title: str | None
    role: str | None = None
    level: str | None = None
    framework: str | None = None
    induction: str | None = None
    refresher: str | None = None
    senco_award: str | None = None
    open_question: str | None = None
    statement: str | None = None
    source: str | None = None
    citation: Citation | None = None
    training: Training | None = None
    problems: list[str] = field(default_factory=list)
    recognised: bool = True


@dataclass
class Summary:
    rows: int
    per_level: Counter
    open_questions: Counter
    unrecognised_titles: Counter
    rows_with_problems: int
    training: Counter


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text.strip()[:10] if pattern == "%Y-%m-%d" else text.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _minutes(text: str | None) -> int | None:
    if not text:
        return None
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(m|min|mins|minutes|h|hr|hrs|hours)?\s*", text.casefold())
    if not found:
        raise ValueError(text)
    value = float(found.group(1))
    return round(value * 60) if (found.group(2) or "").startswith("h") else round(value)


def training_status(d: Determination, row: Row, as_of: dt.date, due_days: int, rank_of: Callable[[str], int | None]) -> Training:
    """Compliance with the refresher (minutes per period) and, with a start date, the six-week induction."""
    level = d.level
    refresher = level.refresher if level else None
    if not refresher or not refresher.minutes or not refresher.period_years:
        return Training("not assessed", "The documents set no hours for this level, so there is nothing to measure.")
    try:
        trained_on, started_on = _date(row.cells.get("trained_on")), _date(row.cells.get("started_on"))
        minutes = _minutes(row.cells.get("trained_minutes"))
    except ValueError as error:
        row.problems.append(f"could not read the training record ({error}); use dates like 2025-03-31 and minutes like 90")
        return Training("not assessed", "The training record could not be read.")
    induction = d.induction_level.induction if d.induction_level else None
    if trained_on is None:
        if started_on and induction and induction.within_weeks:
            due = started_on + dt.timedelta(weeks=induction.within_weeks)
            state = "overdue" if due < as_of else "due"
            return Training(state, f"Induction due by {due.isoformat()} (within {induction.within_weeks} weeks of starting).",
                            refresher.minutes)
        return Training("never trained", "No SEND training recorded.", refresher.minutes)
    trained_rank = rank_of(row.cells.get("trained_level", "")) if row.cells.get("trained_level") else level.rank
    counts = trained_rank is not None and trained_rank >= level.rank
    needed = max(0, refresher.minutes - (minutes or 0)) if counts else refresher.minutes
    ends = trained_on.replace(year=trained_on.year + refresher.period_years) if not (trained_on.month == 2 and trained_on.day == 29) \
        else dt.date(trained_on.year + refresher.period_years, 3, 1)
    if ends < as_of:
        return Training("overdue", f"The {refresher.period_years}-year period from {trained_on.isoformat()} ended on {ends.isoformat()}.",
                        refresher.minutes)
    if needed == 0 and (ends - as_of).days > due_days:
        return Training("compliant", f"{minutes} minutes at this level or above since {trained_on.isoformat()}; next by {ends.isoformat()}.", 0)
    if needed == 0:
        return Training("due", f"The {refresher.period_years}-year period ends on {ends.isoformat()}; plan the next "
                               f"{refresher.minutes} minutes.", 0)
    reason = "" if counts else " (training below the required level does not count: " + READING.lower().rstrip(".") + ")"
    return Training("due", f"{needed} more minutes needed by {ends.isoformat()}{reason}.", needed)


def assess(guide: Guide, staff: StaffList, as_of: dt.date | None = None, due_days: int = 60) -> Iterator[Assessment]:
    as_of = as_of or dt.date.today()
    ranks = {lv.name.casefold(): lv.rank for lv in guide.kb.levels}
    rank_of = lambda name: ranks.get(" ".join(name.casefold().split()))  # noqa: E731 - small look-up
    has_records = "trained_on" in staff.mapping or "started_on" in staff.mapping

    @lru_cache(maxsize=4096)
    def decide(title: str, given: tuple[tuple[str, str], ...]) -> Outcome:
        return guide.decide(Profile(title, dict(given)))

    for row in staff.rows:
        result = Assessment(row.number, row.cells.get("person"), row.cells.get("department"), row.cells.get("title"),
                            problems=row.problems)
        if result.title is None:
            yield result
            continue
        given = []
        for fact, value in answers(row):
            if value is None:
                row.problems.append(f"{fact} value not understood; the question is left open")
            else:
                given.append((fact, value))
        outcome = decide(result.title, tuple(sorted(given)))
        _fill(result, outcome)
        if has_records and isinstance(outcome, Determination) and outcome.level:
            result.training = training_status(outcome, row, as_of, due_days, rank_of)
        yield result


def _fill(result: Assessment, outcome: Outcome) -> None:
    match = outcome.role
    result.role, result.recognised = (match.role.name if match.role else None), match.role is not None
    if isinstance(outcome, NextQuestion):
        result.open_question, result.citation = outcome.question.text, outcome.question.citation
        return
    level = outcome.level
    cite = result.citation = outcome.reasons[0].citation if outcome.reasons else None
    result.source = f"{cite.title}, \"{cite.section}\"" if cite else None
    if level is None:
        result.statement = outcome.reasons[0].text if outcome.reasons else "The documents set no level."
        return
    result.level, result.framework = level.name, level.framework
    induction = outcome.induction_level.induction if outcome.induction_level else None
    result.induction = induction.text if induction else None
    result.refresher = level.refresher.text if level.refresher else None
    if outcome.senco_award:
        result.senco_award = "required" if outcome.senco_award_required else "not required by the rule"


def summarise(assessments: Iterable[Assessment]) -> Summary:
    per_level, questions, unknown, training = Counter(), Counter(), Counter(), Counter()
    rows = problems = 0
    for a in assessments:
        rows += 1
        problems += bool(a.problems)
        if a.level:
            per_level[a.level] += 1
        elif a.open_question:
            per_level["question open"] += 1
            questions[a.open_question] += 1
        elif a.title:
            per_level["no level set"] += 1
        if a.title and not a.recognised:
            unknown[a.title] += 1
        if a.training:
            training[a.training.status] += 1
    return Summary(rows, per_level, questions, unknown, problems, training)
