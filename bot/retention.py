"""Keeping conversations only as long as they should be kept.

`purge` deletes every conversation whose last event is older than the retention period (all its
events, never part of one, so no tracker is left half-read), and feedback older than it; meant to
run daily, and the reflection records and self-assessment ratings of those conversations. `forget`
deletes everything held for one conversation id, on request, its records and ratings included. Both work on the
tables Rasa's SQL tracker store (`events`) and the web page (`send_guide_feedback`) keep in
DATABASE_URL, and do nothing where a table does not exist yet.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, delete, exists, func, inspect, select
from sqlalchemy.engine import Engine

from bot.feedback import FeedbackRow
from knowledge.records import RecordRow
from knowledge.skills.store import RatingRow

DEFAULT_DAYS = 90

# The columns of Rasa's tracker-store table that retention needs; Rasa creates and owns the table.
EVENTS = Table("events", MetaData(), Column("id", Integer, primary_key=True), Column("sender_id", String(255)),
               Column("timestamp", Float))


@dataclass(frozen=True)
class Deleted:
    conversations: int
    events: int
    feedback: int
    records: int = 0
    ratings: int = 0


def _has(engine: Engine, table: str) -> bool:
    return inspect(engine).has_table(table)


def forget(engine: Engine, conversation_id: str) -> Deleted:
    """Delete every event and every feedback row of one conversation."""
    events = feedback = kept = rated = 0
    with engine.begin() as conn:
        if _has(engine, "events"):
            events = conn.execute(delete(EVENTS).where(EVENTS.c.sender_id == conversation_id)).rowcount
        if _has(engine, FeedbackRow.__tablename__):
            feedback = conn.execute(delete(FeedbackRow.__table__).where(FeedbackRow.conversation_id == conversation_id)).rowcount
        if _has(engine, RecordRow.__tablename__):
            kept = conn.execute(delete(RecordRow.__table__).where(RecordRow.owner == conversation_id)).rowcount
        if _has(engine, RatingRow.__tablename__):
            rated = conn.execute(delete(RatingRow.__table__).where(RatingRow.owner == conversation_id)).rowcount
    return Deleted(int(events > 0), events, feedback, kept, rated)


def purge(engine: Engine, days: int, now: float | None = None) -> Deleted:
    """Delete conversations last active before the cutoff, and feedback given before it."""
    cutoff = (now if now is not None else time.time()) - days * 86400
    conversations = events = feedback = 0
    senders: list = []
    with engine.begin() as conn:
        if _has(engine, "events"):
            stale = select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(func.max(EVENTS.c.timestamp) < cutoff)
            senders = list(conn.execute(stale).scalars())
            conversations = len(senders)
            for start in range(0, len(senders), 500):
                events += conn.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(senders[start:start + 500]))).rowcount
        before = dt.datetime.fromtimestamp(cutoff, dt.timezone.utc).replace(tzinfo=None)
        if _has(engine, FeedbackRow.__tablename__):
            feedback = conn.execute(delete(FeedbackRow.__table__).where(FeedbackRow.created_at < before)).rowcount
        kept = _purge_owned(conn, engine, RecordRow, RecordRow.created_at, senders, before)
        rated = _purge_owned(conn, engine, RatingRow, RatingRow.updated_at, senders, before)
    return Deleted(conversations, events, feedback, kept, rated)


def _purge_owned(conn, engine: Engine, row, when, senders: list, before: dt.datetime) -> int:
    """A person's records or ratings live as long as their conversation: they go with it, or alone once old."""
    if not _has(engine, row.__tablename__):
        return 0
    gone = 0
    for start in range(0, len(senders), 500):
        gone += conn.execute(delete(row.__table__).where(row.owner.in_(senders[start:start + 500]))).rowcount
    orphans = when < before
    if _has(engine, "events"):
        orphans = orphans & ~exists().where(EVENTS.c.sender_id == row.owner)
    return gone + conn.execute(delete(row.__table__).where(orphans)).rowcount
