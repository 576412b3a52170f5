"""An organisation's training calendar: its next sessions, each for a level, shown soonest first beside the
documents' suggested ways to train ("Where to train:" in the chat, the command line and the plan).

A calendar is a CSV file (columns: level, date, title, and place or link) or an .ics file (each event's
summary or description names the level, "Level 2 SEND workshop"); each upload replaces the last, which is kept
as a record. Sessions are the organisation's, not the documents': an answer names them as such.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from sqlalchemy import JSON, Column, DateTime, Integer, String, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.local.parse import clean
from knowledge.local.store import Base, now, ready
from knowledge.lookup import NotFound, find_level
from knowledge.schema import KnowledgeBase

MOST = 2_000  # sessions in one calendar
SHOWN = 3  # the next sessions an answer shows
LOCAL_SESSION = "Your organisation's next session:"  # how an answer names a session of the calendar


class CalendarError(ValueError):
    """The calendar cannot be used; the message names the row or event and what is wrong with it."""


@dataclass(frozen=True)
class TrainingSession:
    level: str  # the level's id
    starts: dt.datetime
    title: str
    where: str  # a place, or a link to book

    def shown(self) -> str:
        return f"{self.starts:%A %-d %B %Y, %H:%M}: {self.title}, {self.where}"


class CalendarRow(Base):
    __tablename__ = "send_guide_local_calendar"
    id = Column(Integer, primary_key=True)
    sessions = Column(JSON, nullable=False)
    file_name = Column(String(300), nullable=False)
    added_by = Column(String(200), nullable=False)
    added_at = Column(DateTime, nullable=False, default=now)



def _level(kb: KnowledgeBase, text: str, where: str) -> str:
    try:
        return find_level(kb, text.strip()).id
    except NotFound:
        named = re.search(r"\b(level\s*[1-5]|tier\s*[12]|introductory|induction tier)\b", text, re.IGNORECASE)
        if named:
            return find_level(kb, named.group(1)).id
    raise CalendarError(f"{where}: no level or tier is named in {text[:80]!r}")


def read(data: bytes, filename: str, kb: KnowledgeBase) -> list[TrainingSession]:
    """The sessions of a CSV or .ics calendar, soonest first; refused with the row or event that is wrong."""
    if filename.casefold().endswith(".ics"):
        sessions = _ics(data, kb)
    elif filename.casefold().endswith(".csv"):
        sessions = _csv(data, kb)
    else:
        raise CalendarError("give the calendar as a CSV file (level, date, title, place or link) or an .ics file")
    if len(sessions) > MOST:
        raise CalendarError(f"the calendar has more than the limit of {MOST:,} sessions")
    return sorted(sessions, key=lambda s: s.starts)


def _csv(data: bytes, kb: KnowledgeBase) -> list[TrainingSession]:
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error):
        raise CalendarError("it is not a UTF-8 CSV file") from None
    sessions = []
    for n, row in enumerate(rows, 2):
        cells = {(k or "").strip().casefold(): (v or "").strip() for k, v in row.items()}
        where = f"row {n}"
        try:
            starts = dt.datetime.fromisoformat(cells.get("date", ""))
        except ValueError:
            raise CalendarError(f"{where}: the date must be written like 2027-01-14 or 2027-01-14 09:30") from None
        place = cells.get("place") or cells.get("link") or ""
        if not place or not cells.get("title"):
            raise CalendarError(f"{where}: give a title, and a place or a link")
        sessions.append(TrainingSession(_level(kb, cells.get("level", ""), where), starts, cells["title"], place))
    return sessions


def _ics(data: bytes, kb: KnowledgeBase) -> list[TrainingSession]:
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError:
        raise CalendarError("it is not an iCalendar (.ics) file") from None
    sessions = []
    for n, event in enumerate(calendar.walk("VEVENT"), 1):
        title = str(event.get("SUMMARY", "")).strip()
        try:
            starts = event.decoded("DTSTART", None)
        except (ValueError, TypeError):
            starts = None
        if not isinstance(starts, dt.date) or not title:  # (a duration or a time alone is no start)
            raise CalendarError(f"event {n}: give a summary and a start date")
        if not isinstance(starts, dt.datetime):
            starts = dt.datetime.combine(starts, dt.time())
        place = str(event.get("LOCATION") or event.get("URL") or "").strip()
        if not place:
            raise CalendarError(f"event {n}: give a location or a link")
        text = f"{title} {event.get('DESCRIPTION', '')}"
        sessions.append(TrainingSession(_level(kb, text, f"event {n}"), starts.replace(tzinfo=None), title, place))
    return sessions


def save(engine: Engine, sessions: list[TrainingSession], file_name: str, added_by: str) -> None:
    with Session(ready(engine)) as session, session.begin():
        session.add(CalendarRow(sessions=[{"level": s.level, "starts": s.starts.isoformat(), "title": s.title, "where": s.where}
                                          for s in sessions], file_name=clean(file_name)[-300:], added_by=clean(added_by)[:200]))


def current(engine: Engine) -> tuple[TrainingSession, ...]:
    with Session(ready(engine)) as session:
        newest = session.execute(select(CalendarRow.sessions).order_by(CalendarRow.id.desc()).limit(1)).scalar()
    return tuple(TrainingSession(s["level"], dt.datetime.fromisoformat(s["starts"]), s["title"], s["where"]) for s in newest or [])


def generation(engine: Engine) -> object:
    with Session(ready(engine)) as session:
        return session.execute(select(func.max(CalendarRow.id))).scalar()


def next_for(sessions: tuple[TrainingSession, ...], level_id: str, now: dt.datetime | None = None) -> list[TrainingSession]:
    """The next sessions for a level, soonest first."""
    now = now or dt.datetime.now()
    return [s for s in sessions if s.level == level_id and s.starts >= now][:SHOWN]
