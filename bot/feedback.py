""""Was this useful?" answers from the web page, kept beside the conversations in DATABASE_URL.

The table is made on first use. Each row names the conversation, the answer (its id and
text) and the question that led to it, so a rating can be read without the tracker.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional

from sqlalchemy import Column, DateTime, Integer, String, Text, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base

RATINGS = ("yes", "neutral", "no")
MAX_COMMENT = 1000

Base = declarative_base()


class FeedbackRow(Base):
    __tablename__ = "send_guide_feedback"
    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    answer_id = Column(String(64), nullable=False)
    question = Column(Text, nullable=False)
    answer = Column(Text, nullable=False)
    rating = Column(String(16), nullable=False)
    comment = Column(Text)
    created_at = Column(DateTime, nullable=False, default=lambda: dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))


class InvalidFeedback(ValueError):
    """The rating or comment is not one the page can send."""


@dataclass(frozen=True)
class Feedback:
    conversation_id: str
    answer_id: str
    question: str
    answer: str
    rating: str
    comment: Optional[str] = None

    def __post_init__(self) -> None:
        if self.rating not in RATINGS:
            raise InvalidFeedback(f"rating must be one of {', '.join(RATINGS)}")
        if self.comment is not None and len(self.comment) > MAX_COMMENT:
            raise InvalidFeedback(f"a comment may have at most {MAX_COMMENT} characters")


@lru_cache(maxsize=None)
def _ready(engine: Engine) -> Engine:
    """The engine, once its table exists: made on first use, checked once per engine."""
    Base.metadata.create_all(engine, checkfirst=True)
    return engine


def record(engine: Engine, feedback: Feedback) -> None:
    engine = _ready(engine)
    with Session(engine) as session, session.begin():
        session.add(FeedbackRow(conversation_id=feedback.conversation_id, answer_id=feedback.answer_id,
                                question=feedback.question, answer=feedback.answer, rating=feedback.rating,
                                comment=(feedback.comment or "").strip() or None))


def for_conversation(engine: Engine, conversation_id: str) -> List[Feedback]:
    with Session(_ready(engine)) as session:
        rows = session.execute(select(FeedbackRow).where(FeedbackRow.conversation_id == conversation_id)
                               .order_by(FeedbackRow.id)).scalars()
        return [Feedback(r.conversation_id, r.answer_id, r.question, r.answer, r.rating, r.comment) for r in rows]
