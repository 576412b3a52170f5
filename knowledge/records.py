"""The reflection record (health framework, Appendix 2): a person's own learning, kept for them only.

Each record has the appendix's fields (date; topic and learning activity; what they learned; how it
relates to the SEND training requirements; how it will affect their future practice) and the minutes
and level it counts for. Records belong to one owner: the conversation's sender id on one channel, so
an id typed into the open REST channel never reaches a Slack user's records. They are read, counted
towards the plan, downloaded and deleted only by that owner. Download links carry an opaque key (an
HMAC of the owner, never the sender id, which is the web page's key to its conversation). The table is
made on first use, beside the conversations in DATABASE_URL, and the retention and forget commands
cover it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from sqlalchemy import Column, Date, DateTime, Integer, String, Text, delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base

from knowledge.plan import Done
from knowledge.schema import Level

MAX_TEXT = 2000
MAX_RECORDS = 500
FIELDS = ("topic", "learned", "relates", "practice")

Base = declarative_base()


class RecordRow(Base):
    __tablename__ = "send_guide_reflection"
    id = Column(Integer, primary_key=True)
    owner = Column(String(255), nullable=False, index=True)  # the sender id, as Rasa's events table holds it
    channel = Column(String(32), nullable=False)
    key = Column(String(64), nullable=False, index=True)
    day = Column(Date, nullable=False)
    topic = Column(Text, nullable=False)
    learned = Column(Text, nullable=False)
    relates = Column(Text, nullable=False)
    practice = Column(Text, nullable=False)
    minutes = Column(Integer, nullable=False)
    level_id = Column(String(64))
    created_at = Column(DateTime, nullable=False, default=lambda: dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))


class InvalidRecord(ValueError):
    """A record the form could not have made: a field too long, a date ahead, too many records."""


@dataclass(frozen=True)
class Record:
    day: dt.date
    topic: str
    learned: str
    relates: str
    practice: str
    minutes: int
    level_id: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        for name in FIELDS:
            if not getattr(self, name).strip() or len(getattr(self, name)) > MAX_TEXT:
                raise InvalidRecord(f"{name} must have between 1 and {MAX_TEXT:,} characters")
        if not 0 < self.minutes <= 10_000:
            raise InvalidRecord("minutes must be between 1 and 10,000")


@lru_cache(maxsize=None)
def _ready(engine: Engine) -> Engine:
    Base.metadata.create_all(engine, checkfirst=True)
    return engine


@dataclass(frozen=True)
class Owner:
    sender: str
    channel: str

    def key(self, secret: str) -> str:
        """What a download link carries: an HMAC of the owner, opaque without the secret."""
        return hmac.new(secret.encode(), f"records:{self.channel}:{self.sender}".encode(), hashlib.sha256).hexdigest()

    def rows(self):  # the SQL condition for this owner's rows
        return (RecordRow.owner == self.sender) & (RecordRow.channel == self.channel)


def add(engine: Engine, owner: Owner, record: Record, secret: str, today: dt.date | None = None) -> int:
    if record.day > (today or dt.date.today()):
        raise InvalidRecord("a record is of learning already done, so its date cannot be after today")
    with Session(_ready(engine)) as session, session.begin():
        held = session.execute(select(func.count()).select_from(RecordRow).where(owner.rows())).scalar()
        if held >= MAX_RECORDS:
            raise InvalidRecord(f"you already have {MAX_RECORDS} records; download and delete some first")
        key = owner.key(secret) if secret else secrets.token_hex(32)  # no secret: a key no link can carry
        row = RecordRow(owner=owner.sender, channel=owner.channel, key=key, day=record.day, topic=record.topic.strip(), learned=record.learned.strip(),
                        relates=record.relates.strip(), practice=record.practice.strip(), minutes=record.minutes, level_id=record.level_id)
        session.add(row)
        session.flush()
        return row.id


def _records(session: Session, condition) -> list[Record]:
    rows = session.execute(select(RecordRow).where(condition).order_by(RecordRow.day, RecordRow.id)).scalars()
    return [Record(r.day, r.topic, r.learned, r.relates, r.practice, r.minutes, r.level_id, r.id) for r in rows]


def of(engine: Engine, owner: Owner, secret: str = "") -> list[Record]:
    """The owner's records; with the secret, their links' key is brought up to date (the secret may have changed)."""
    with Session(_ready(engine)) as session, session.begin():
        if secret:
            session.execute(update(RecordRow).where(owner.rows() & (RecordRow.key != owner.key(secret))).values(key=owner.key(secret)))
        return _records(session, owner.rows())


def by_key(engine: Engine, key: str) -> list[Record] | None:
    """The records a download link's key opens; None for a key of the wrong shape."""
    if not re.fullmatch(r"[0-9a-f]{64}", key or ""):
        return None
    with Session(_ready(engine)) as session:
        return _records(session, RecordRow.key == key)


def delete_all(engine: Engine, owner: Owner) -> int:
    with _ready(engine).begin() as conn:
        return conn.execute(delete(RecordRow.__table__).where(owner.rows())).rowcount


def as_done(records: Sequence[Record], levels: Sequence[Level]) -> list[Done]:
    """Records as training done, for the plan."""
    by_id = {lv.id: lv for lv in levels}
    return [Done(r.day, r.minutes, by_id.get(r.level_id)) for r in records]
