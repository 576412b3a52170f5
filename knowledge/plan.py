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
from typing import Sequence

from dateutil.relativedelta import relativedelta

from knowledge.schema import Citation, KnowledgeBase, Level, Tension

# The guide's readings, stated wherever they are applied.
PERIODS_FROM_START = "The documents do not say when a three-year period starts; this guide counts them from the date you started in the post."
PERIODS_FROM_TRAINING = ("The documents do not say when a three-year period starts, and no start date was given; this guide counts "
                         "them from the first training recorded.")
LOWER_LEVELS = "Only training recorded at the required level or above counts towards its refresher minutes."
NO_LEVEL_GIVEN = "Training recorded without a level is counted as training at the required level."
INDUCTION_SESSION = ("This guide counts one recorded session of at least the induction's length, on or after the start date, as the "
                     "induction session.")
APPOINTED = "This guide reads the date you started in the post as the date of your appointment as SENCO."
YEAR_END = "A period that starts on 29 February ends on 28 February; the guide takes the earlier date."


@dataclass(frozen=True)
class Done:
    """Training done: when, for how many minutes, and at which level (None where not said)."""

    on: dt.date
    minutes: int
    level: Level | None = None


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
    not_counted: tuple[Done, ...] = ()

    def first(self, kind: str) -> Milestone | None:
        return next((m for m in self.milestones if m.kind == kind), None)

    def current_period(self) -> Milestone | None:
        return next((m for m in self.milestones if m.kind == "refresher" and m.starts <= self.as_of < m.due), None)

    def last_ended_period(self) -> Milestone | None:
        return next((m for m in reversed(self.milestones) if m.kind == "refresher" and m.due <= self.as_of), None)


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a year without one."""
    return day + relativedelta(years=years)


def make_plan(kb: KnowledgeBase, level: Level, started_on: dt.date | None, done: Sequence[Done], as_of: dt.date,
              senco_award_required: bool = False) -> Plan:
    readings: list[str] = []
    milestones: list[Milestone] = []
    induction = _induction(kb, level, started_on, done, readings)
    if induction:
        milestones.append(induction)
    periods, not_counted = _periods(level, started_on, done, as_of, readings)
    milestones += periods
    if senco_award_required and started_on:
        requirement = next(i for i in kb.topic("senco-award").items if "within three years" in i.text)
        due = years_after(started_on, 3)
        milestones.append(Milestone("senco-award", "National Award in SEN Co-ordination", due, "to do" if due >= as_of else "overdue",
                                    requirement.text, requirement.citation))
        readings.append(APPOINTED)
    if any(m.starts and (m.starts.month, m.starts.day) == (2, 29) for m in milestones) or \
            (started_on and (started_on.month, started_on.day) == (2, 29)):
        readings.append(YEAR_END)
    notes = tuple(t for t in kb.tensions_for(level.id) if t.kind == "silence")
    return Plan(level, started_on, as_of, tuple(sorted(milestones, key=lambda m: m.due)), tuple(dict.fromkeys(readings)), notes,
                tuple(not_counted))


def _induction(kb: KnowledgeBase, level: Level, started_on: dt.date | None, done: Sequence[Done], readings: list[str]) -> Milestone | None:
    first = kb.levels_of(level.framework)[0]
    rule = first.induction
    if not rule or not rule.within_weeks or started_on is None:
        return None
    due = started_on + dt.timedelta(weeks=rule.within_weeks)
    session = next((d for d in sorted(done, key=lambda d: d.on) if d.on >= started_on and d.minutes >= (rule.minutes or 0)
                    and (d.level is None or d.level.framework == level.framework)), None)
    if done:
        readings.append(INDUCTION_SESSION)
    state = "done" if session else "to do"
    return Milestone("induction", f"{first.name} induction session ({rule.minutes} minutes)", due, state, rule.text, rule.citation,
                     starts=started_on, minutes_required=rule.minutes, minutes_done=session.minutes if session else 0,
                     minutes_needed=0 if session else rule.minutes)


def _periods(level: Level, started_on: dt.date | None, done: Sequence[Done], as_of: dt.date,
             readings: list[str]) -> tuple[list[Milestone], list[Done]]:
    """The last period that ended, the current one and the next, each with the minutes that count in it."""
    rule = level.refresher
    if not rule or not rule.minutes or not rule.period_years:
        return [], []
    anchor = started_on or min((d.on for d in done), default=None)
    if anchor is None:
        return [], []
    readings.append(PERIODS_FROM_START if started_on else PERIODS_FROM_TRAINING)
    counted = [d for d in done if d.level is None or (d.level.framework == level.framework and d.level.rank >= level.rank)]
    not_counted = [d for d in done if d not in counted]
    if not_counted:
        readings.append(LOWER_LEVELS)
    if any(d.level is None for d in done):
        readings.append(NO_LEVEL_GIVEN)
    step = rule.period_years
    current = 0
    while years_after(anchor, step * (current + 1)) <= as_of:
        current += 1
    periods = []
    for k in range(max(0, current - 1), current + 2):
        starts, ends = years_after(anchor, step * k), years_after(anchor, step * (k + 1))
        minutes = sum(d.minutes for d in counted if starts <= d.on < ends)
        needed = max(0, rule.minutes - minutes)
        if ends <= as_of:
            state = "met" if needed == 0 else "missed"
        elif starts <= as_of or k == 0:
            state = "met" if needed == 0 else "to do"
        else:
            state = "upcoming"
        periods.append(Milestone("refresher", f"{level.name} refresher: {rule.minutes} minutes by the end of the period", ends, state,
                                 rule.text, rule.citation, starts=starts, minutes_required=rule.minutes, minutes_done=minutes,
                                 minutes_needed=needed))
    return periods, not_counted
