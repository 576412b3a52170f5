"""A person's self-assessment ratings, kept for them only, so "check my skills" resumes where it stopped.

One row per statement rated, under the same owner as the reflection record (the conversation's
sender on one channel) and opened for download by the same opaque key. The table is made on first
use beside the conversations in DATABASE_URL; the retention and forget commands cover it.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from functools import lru_cache
from typing import Mapping, Sequence

from sqlalchemy import Column, DateTime, Integer, String, UniqueConstraint, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base

from knowledge.records import Owner
from knowledge.skills import RATINGS, SKIPPED

Base = declarative_base()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class RatingRow(Base):
    __tablename__ = "send_guide_self_assessment"
    __table_args__ = (UniqueConstraint("owner", "channel", "statement"),)
    id = Column(Integer, primary_key=True)
    owner = Column(String(255), nullable=False, index=True)
    channel = Column(String(32), nullable=False)
    key = Column(String(64), nullable=False, index=True)
    statement = Column(String(100), nullable=False)
    rating = Column(String(16), nullable=False)
    updated_at = Column(DateTime, nullable=False, default=_now, onupdate=_now)  # retention counts from the last rating


@lru_cache(maxsize=None)
def _ready(engine: Engine) -> Engine:
    Base.metadata.create_all(engine, checkfirst=True)
    return engine


def _mine(owner: Owner):
    return (RatingRow.owner == owner.sender) & (RatingRow.channel == owner.channel)


def rate(engine: Engine, owner: Owner, ratings: Mapping[str, str], secret: str) -> None:
    """Keep ratings (statement id -> rating), replacing any earlier rating of the same statement."""
    if any(r not in (*RATINGS, SKIPPED) for r in ratings.values()) or any(len(s) > 100 for s in ratings):
        raise ValueError("not a rating")
    key = owner.key(secret) if secret else secrets.token_hex(32)
    with Session(_ready(engine)) as session, session.begin():
        held = {r.statement: r for r in session.execute(select(RatingRow).where(_mine(owner) & RatingRow.statement.in_(list(ratings)))).scalars()}
        for statement, rating in ratings.items():
            if statement in held:
                held[statement].rating = rating
            else:
                session.add(RatingRow(owner=owner.sender, channel=owner.channel, key=key, statement=statement, rating=rating))


def of(engine: Engine, owner: Owner, secret: str = "") -> dict[str, str]:
    """The owner's ratings; with the secret, their link's key is brought up to date."""
    with Session(_ready(engine)) as session, session.begin():
        if secret:
            session.execute(update(RatingRow).where(_mine(owner) & (RatingRow.key != owner.key(secret))).values(key=owner.key(secret)))
        return {r.statement: r.rating for r in session.execute(select(RatingRow).where(_mine(owner))).scalars()}


def by_key(engine: Engine, key: str) -> dict[str, str] | None:
    """The ratings a download link's key opens; None for a key of the wrong shape."""
    if not re.fullmatch(r"[0-9a-f]{64}", key or ""):
        return None
    with Session(_ready(engine)) as session:
        return {r.statement: r.rating for r in session.execute(select(RatingRow).where(RatingRow.key == key)).scalars()}


def clear(engine: Engine, owner: Owner, statements: Sequence[str] | None = None) -> int:
    """Delete the owner's ratings: all of them, or those of the statements given (one framework's)."""
    condition = _mine(owner) if statements is None else _mine(owner) & RatingRow.statement.in_(list(statements))
    with _ready(engine).begin() as conn:
        return conn.execute(delete(RatingRow.__table__).where(condition)).rowcount
