"""A person's training plan: the dates that follow from their level, start date and training done.

One function, `make_plan`, gives the dates for the chat, the command line, the calendar file and
the staff-list check alike. The documents set the induction session (within six weeks of taking
up post in a new organisation), a refresher minimum over each three-year period, and for a new
SENCO the National Award within three years of appointment. Where they are silent (when a period
starts, whether lower-level hours count, what counts as the induction session) the plan applies
the guide's reading and says so in `readings`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Sequence

from dateutil.relativedelta import relativedelta

from knowledge.schema import Citation, KnowledgeBase, Level, Tension

# The guide's readings, stated wherever they are applied.
PERIODS_FROM_START = "The documents do not say when a three-year period starts; this guide counts them from the date you started in the post."
PERIODS_FROM_TRAINING = ("The documents do not say when a three-year period starts, and no start date was given; this guide counts "
                         "them from the first training recorded.")
LOWER_LEVELS = "Only training recorded at the required level or above counts towards its refresher minutes."
NO_LEVEL_GIVEN = "Training recorded without a level is counted as training at the required level."
INDUCTION_SESSION = ("This guide counts the first recorded session of at least the induction's length, on or after the start date, "
                     "as the induction session; one after the six weeks is shown as late.")
NEW_ORGANISATION = ("The induction deadline is for taking up post in a new organisation; if this post is in the organisation you were "
                    "already in, it may not apply to you.")
INDUCTION_COUNTS = "The documents do not say whether the induction session counts towards the period's minutes; this guide counts it."
FUTURE = "dated after today, so not yet done"
BEFORE_START = "before the start date, so in no period of this post"
APPOINTED = "This guide reads the date you started in the post as the date of your appointment as SENCO."
YEAR_END = ("Three years from 29 February is taken as 28 February; each period ends the day before its anniversary, so training "
            "on the anniversary counts in the next period.")


@dataclass(frozen=True)
class Done:
    """Training done: when, for how many minutes, and at which level (None where not said)."""

    on: dt.date
    minutes: int
    level: Level | None = None


@dataclass(frozen=True)
class NotCounted:
    done: Done
    reason: str


@dataclass(frozen=True)
class Milestone:
    """One date in the plan. ``state``: done, to do, overdue (induction); met, missed, to do, upcoming (periods)."""

    kind: str  # induction, refresher, senco-award
    title: str
    due: dt.date
    state: str
    text: str
    citation: Citation
    starts: dt.date | None = None
    minutes_required: int | None = None
    minutes_done: int | None = None
    minutes_needed: int | None = None


@dataclass(frozen=True)
class Plan:
    level: Level
    started_on: dt.date | None
    as_of: dt.date
    milestones: tuple[Milestone, ...]
    readings: tuple[str, ...]
    notes: tuple[Tension, ...]
    not_counted: tuple[NotCounted, ...] = ()
    sessions: tuple[str, ...] = ()  # the organisation's next sessions for the level, as shown (knowledge/local/calendar.py)

    def first(self, kind: str) -> Milestone | None:
        return next((m for m in self.milestones if m.kind == kind), None)

    def current_period(self) -> Milestone | None:
        return next((m for m in self.milestones if m.kind == "refresher" and m.starts <= self.as_of <= m.due), None)

    def last_ended_period(self) -> Milestone | None:
        return next((m for m in reversed(self.milestones) if m.kind == "refresher" and m.due < self.as_of), None)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def describe(m: Milestone, day: Callable[[dt.date], str] = long_date) -> str:
    """One milestone as a sentence, with its dates written by ``day``; the minutes are each period's minimum."""
    if m.kind == "refresher":
        span = f"{day(m.starts)} to {day(m.due)}"
        if m.state == "upcoming":
            return f"Next three-year period, {span}: {m.minutes_required} minutes by {day(m.due)}"
        said = {"met": "the minimum is met", "missed": "it ended without the minimum",
                "to do": f"{m.minutes_needed} still needed by {day(m.due)}"}[m.state]
        return f"Three-year period {span}: {m.minutes_done} of {m.minutes_required} minutes done; {said}"

    when = {"done": f"done on {day(m.starts)}" if m.kind == "induction" else "done", "to do": f"due by {day(m.due)}",
            "overdue": f"was due by {day(m.due)}", "late": f"done on {day(m.starts)}, after the deadline of {day(m.due)}"}[m.state]
    return f"{m.title}: {when}"


def not_counted_text(n: NotCounted, day: Callable[[dt.date], str] = long_date) -> str:
    level = f" at {n.done.level.name}" if n.done.level else ""
    return f"{n.done.minutes} minutes{level} on {day(n.done.on)}: {n.reason}"


def has_dates(level: Level | None, senco_award_required: bool) -> bool:
    """Whether the documents set any date for this person: refresher hours, or the National Award."""
    return bool(level and ((level.refresher and level.refresher.minutes) or senco_award_required))


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a year without one."""
    return day + relativedelta(years=years)


def _last_day(first: dt.date, years: int = 0, weeks: int = 0) -> dt.date:
    """The last day of a span "within N years/weeks" that starts on ``first``: the day before the anniversary."""
    return (years_after(first, years) if years else first + dt.timedelta(weeks=weeks)) - dt.timedelta(days=1)


def make_plan(kb: KnowledgeBase, level: Level, started_on: dt.date | None, done: Sequence[Done], as_of: dt.date,
              senco_award_required: bool = False, sessions: Sequence[str] = ()) -> Plan:
    readings: list[str] = []
    milestones: list[Milestone] = []
    not_counted = [NotCounted(d, FUTURE) for d in done if d.on > as_of]
    if started_on:
        not_counted += [NotCounted(d, BEFORE_START) for d in done if d.on < started_on]
    done = [d for d in done if d.on <= as_of and (started_on is None or d.on >= started_on)]
    induction = _induction(kb, level, started_on, done, as_of, readings)
    if induction:
        milestones.append(induction)
    periods, lower = _periods(level, started_on, done, as_of, readings, induction)
    milestones += periods
    not_counted += lower
    if senco_award_required and started_on:
        requirement = next(i for i in kb.topic("senco-award").items if "within three years" in i.text)
        due = _last_day(started_on, years=3)
        milestones.append(Milestone("senco-award", "National Award in SEN Co-ordination", due, "to do" if due >= as_of else "overdue",
                                    requirement.text, requirement.citation, starts=started_on))
        readings.append(APPOINTED)
    if started_on and (started_on.month, started_on.day) == (2, 29) or any(d.on.month == 2 and d.on.day == 29 for d in done):
        readings.append(YEAR_END)
    notes = tuple(t for t in kb.tensions_for(level.id) if t.kind == "silence")
    return Plan(level, started_on, as_of, tuple(sorted(milestones, key=lambda m: m.due)), tuple(dict.fromkeys(readings)), notes,
                tuple(not_counted), tuple(sessions))


def _induction(kb: KnowledgeBase, level: Level, started_on: dt.date | None, done: Sequence[Done], as_of: dt.date,
               readings: list[str]) -> Milestone | None:
    first = kb.levels_of(level.framework)[0]
    rule = first.induction
    if not rule or not rule.within_weeks or started_on is None:
        return None
    due = _last_day(started_on, weeks=rule.within_weeks)
    session = next((d for d in sorted(done, key=lambda d: d.on) if d.minutes >= (rule.minutes or 0)
                    and (d.level is None or d.level.framework == level.framework)), None)
    readings.append(NEW_ORGANISATION)
    if session:
        readings.append(INDUCTION_SESSION)
    state = ("late" if session.on > due else "done") if session else ("overdue" if due < as_of else "to do")
    return Milestone("induction", f"Induction session of {rule.minutes} minutes within {rule.within_weeks} weeks of taking up post",
                     due, state, rule.text, rule.citation, starts=session.on if session else started_on,
                     minutes_required=rule.minutes, minutes_done=session.minutes if session else 0,
                     minutes_needed=0 if session else rule.minutes)


def _lower_level_note(level: Level, lower: Level) -> str:
    """What the required level's own training methods say about counting a lower level's training, if anything."""
    said = next((m.text for m in level.methods if lower.name.casefold() in m.text.casefold() and "hours" in m.text.casefold()), None)
    below = f"below {level.name}"
    if said:
        return (f"{below}. The framework also says: \"{said.rstrip('.')}\"; if that is you, these minutes may count, "
                "so check with your training lead")
    return below


def _periods(level: Level, started_on: dt.date | None, done: Sequence[Done], as_of: dt.date, readings: list[str],
             induction: Milestone | None) -> tuple[list[Milestone], list[NotCounted]]:
    """The last period that ended, the current one and the next, each with the minutes that count in it."""
    rule = level.refresher
    if not rule or not rule.minutes or not rule.period_years:
        return [], []
    anchor = started_on or min((d.on for d in done), default=None)
    if anchor is None:
        return [], []
    readings.append(PERIODS_FROM_START if started_on else PERIODS_FROM_TRAINING)
    counted = [d for d in done if d.level is None or (d.level.framework == level.framework and d.level.rank >= level.rank)]
    lower = [NotCounted(d, _lower_level_note(level, d.level)) for d in done if d not in counted]
    if lower:
        readings.append(LOWER_LEVELS)
    if any(d.level is None for d in done):
        readings.append(NO_LEVEL_GIVEN)
    if induction and induction.state in ("done", "late") and any(d.on == induction.starts for d in counted):
        readings.append(INDUCTION_COUNTS)
    step = rule.period_years
    current = 0
    while years_after(anchor, step * (current + 1)) <= as_of:
        current += 1
    periods = []
    for k in range(max(0, current - 1), current + 2):
        starts, last = years_after(anchor, step * k), _last_day(anchor, years=step * (k + 1))
        minutes = sum(d.minutes for d in counted if starts <= d.on <= last)
        needed = max(0, rule.minutes - minutes)
        if last < as_of:
            state = "met" if needed == 0 else "missed"
        elif starts <= as_of or k == 0:
            state = "met" if needed == 0 else "to do"
        else:
            state = "upcoming"
        periods.append(Milestone("refresher", f"{level.name}: {rule.minutes} minutes in each {step}-year period", last, state,
                                 rule.text, rule.citation, starts=starts, minutes_required=rule.minutes, minutes_done=minutes,
                                 minutes_needed=needed))
    return periods, lower
