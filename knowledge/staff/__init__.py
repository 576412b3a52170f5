"""A whole staff list through the same rules as one person: per row a level, or the question still open.

Each row is decided by `rules.decide` with the row's job title and whatever answers the file
holds, so a staff list and a conversation can never disagree. Decisions are cached by
(title, answers): staff lists repeat job titles. Training records, where given, are read
through the person's plan (`knowledge.plan`), so the dates are those `send-guide plan` gives.
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
from knowledge.plan import LOWER_LEVELS, Done, Plan, has_dates, make_plan
from knowledge.schema import Citation, Level
from knowledge.staff.input import Row, StaffList, answers

# The documents do not say whether lower-level hours count towards a higher level (tensions.yml).
READING = LOWER_LEVELS


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
    open_fact: str | None = None  # what the open question asks: the staff-list column that answers it
    statement: str | None = None
    source: str | None = None
    citation: Citation | None = None
    training: Training | None = None
    plan: Plan | None = None
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


def training_status(guide: Guide, d: Determination, row: Row, as_of: dt.date, due_days: int,
                    level_of: Callable[[str], Level | None]) -> tuple[Training, Plan | None]:
    """Compliance read from the person's plan (`knowledge.plan`): the same dates `send-guide plan` gives."""
    if not has_dates(d.level, d.senco_award_required):
        return Training("not assessed", "The documents set no hours for this level, so there is nothing to measure."), None
    try:
        trained_on, started_on = _date(row.cells.get("trained_on")), _date(row.cells.get("started_on"))
        minutes = _minutes(row.cells.get("trained_minutes"))
    except ValueError as error:
        row.problems.append(f"could not read the training record ({error}); use dates like 2025-03-31 and minutes like 90")
        return Training("not assessed", "The training record could not be read."), None
    named = row.cells.get("trained_level")
    trained_level = level_of(named) if named else None
    if named and trained_level is None:
        row.problems.append(f"training level not understood ({named}); use a level's name, such as Level 2")
        return Training("not assessed", "The training level could not be read."), None
    done = [Done(trained_on, minutes or 0, trained_level)] if trained_on else []
    plan = make_plan(guide.kb, d.level, started_on, done, as_of, d.senco_award_required)
    return _status(plan, due_days), plan


def _status(plan: Plan, due_days: int) -> Training:
    """The worst of: the last period missed (while the current one is not met), the induction, the award, the current period."""
    refresher = plan.level.refresher
    required = refresher.minutes if refresher and refresher.minutes else None
    induction, ended, current, award = plan.first("induction"), plan.last_ended_period(), plan.current_period(), plan.first("senco-award")
    needed = current.minutes_needed if current else required
    if ended and ended.state == "missed" and current and current.state != "met":
        return Training("overdue", f"The period {ended.starts.isoformat()} to {ended.due.isoformat()} ended with {ended.minutes_done} "
                                   f"of {required} minutes; {needed} needed by {current.due.isoformat()}.", needed)
    if induction and induction.state in ("to do", "overdue"):
        return Training("overdue" if induction.state == "overdue" else "due", f"Induction due by {induction.due.isoformat()}.", needed)
    if award and (award.state == "overdue" or (award.due - plan.as_of).days <= due_days or required is None):
        return Training("overdue" if award.state == "overdue" else "due", f"National Award due by {award.due.isoformat()}.", needed)
    if required is None:
        return Training("not assessed", "No start date: the National Award's date cannot be worked out.")
    if current is None:
        return Training("never trained", "No SEND training recorded.", required)
    if needed == 0 and (current.due - plan.as_of).days > due_days:
        return Training("compliant", f"{current.minutes_done} minutes at this level or above since {current.starts.isoformat()}; "
                                     f"the period ends on {current.due.isoformat()}.", 0)
    if needed == 0:
        return Training("due", f"The period ends on {current.due.isoformat()}; plan the next {required} minutes.", 0)
    reason = f" ({READING[0].lower()}{READING[1:].rstrip('.')})" if plan.not_counted else ""
    return Training("due", f"{needed} more minutes needed by {current.due.isoformat()}{reason}.", needed)


def assess(guide: Guide, staff: StaffList, as_of: dt.date | None = None, due_days: int = 60) -> Iterator[Assessment]:
    as_of = as_of or dt.date.today()
    named = {lv.name.casefold(): lv for lv in guide.kb.levels}
    level_of = lambda name: named.get(" ".join(name.casefold().split()))  # noqa: E731 - small look-up
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
            result.training, result.plan = training_status(guide, outcome, row, as_of, due_days, level_of)
        yield result


def _fill(result: Assessment, outcome: Outcome) -> None:
    match = outcome.role
    result.role, result.recognised = (match.role.name if match.role else None), match.role is not None
    if isinstance(outcome, NextQuestion):
        result.open_question, result.citation = outcome.question.text, outcome.question.citation
        result.open_fact = outcome.question.asks
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
