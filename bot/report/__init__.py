"""The content owners' report: what people asked that the assistant could not answer, and how it went.

Read from what is kept, so only as long as the retention setting keeps it, and `forget` removes a
person from it: the conversations in Rasa's tracker-store table (`events`) and the "Was this useful?"
answers (`send_guide_feedback`). It shows no sender ids. Similar wordings of the questions that
ended in "the documents do not cover it" or a rephrase request are grouped with scikit-learn
(TF-IDF over word pieces, then average-linkage clustering on cosine distance).
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, inspect, select
from sqlalchemy.engine import Engine

from actions.conversation import MISUNDERSTOOD
from bot.documents import use
from bot.feedback import FeedbackRow

EVENTS = Table("events", MetaData(), Column("id", Integer, primary_key=True), Column("sender_id", String(255)),
               Column("type_name", String(255)), Column("timestamp", Float), Column("intent_name", String(255)), Column("data", Text))
LOW_CONFIDENCE = 0.5
GROUP_DISTANCE = 0.75  # cosine distance under which two wordings are one group
MOST = 20
MAX_TEXT = 300  # a message longer than this is shown cut short
MAX_GROUPED = 2000  # the most recent messages not answered that are grouped (the distances take n² memory)
MAX_UNSURE = 200  # the most recent low-confidence turns listed


@dataclass
class Turn:
    at: dt.datetime
    channel: str
    text: str
    intent: str | None
    confidence: float | None
    replies: list[dict] = field(default_factory=list)

    @property
    def typed(self) -> bool:
        return bool(self.text) and not self.text.startswith("/")

    @property
    def unanswered(self) -> bool:
        return any((r.get("text") or "").lstrip().startswith(MISUNDERSTOOD) for r in self.replies)


@dataclass
class Report:
    since: dt.date
    turns: int
    unanswered: list[list[str]]  # groups of similar wordings, largest first
    low_confidence: list[tuple[str, str, float]]
    feedback: list[dict[str, Any]]
    levels: dict[tuple[str, str], Counter]  # (ISO week, channel) -> level -> people given it
    most_asked: list[tuple[str, int]]
    documents: list[tuple[str, str, int]] = field(default_factory=list)  # the organisation's: title, owner, times cited
    answerable: list[tuple[str, int, str]] = field(default_factory=list)  # not answered, that one of them answers now


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


def turns(engine: Engine, since: dt.date) -> Iterator[tuple[str, Turn]]:
    """Each kept user message since the date with the replies to it, and its conversation's id (never shown)."""
    if not inspect(engine).has_table("events"):
        return
    start = dt.datetime.combine(since, dt.time(), dt.timezone.utc).timestamp()
    query = select(EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data) \
        .where(EVENTS.c.timestamp >= start, EVENTS.c.type_name.in_(["user", "bot"])).order_by(EVENTS.c.sender_id, EVENTS.c.id)
    current: tuple[str, Turn] | None = None
    with engine.connect() as conn:
        for sender, kind, at, data in conn.execution_options(stream_results=True).execute(query):
            event = json.loads(data or "{}")
            if kind == "user":
                if current:
                    yield current
                parsed = event.get("parse_data") or {}
                intent = parsed.get("intent") or {}
                current = (sender, Turn(dt.datetime.fromtimestamp(at, dt.timezone.utc), event.get("input_channel") or "unknown",
                                        event.get("text") or "", intent.get("name"), intent.get("confidence")))
            elif current and current[0] == sender:
                current[1].replies.append({"text": event.get("text"), "doc": ((event.get("data") or {}).get("custom") or {}).get("send_guide")})
    if current:
        yield current


def group(texts: list[str]) -> list[list[str]]:
    """Similar wordings together, largest group first."""
    if len(texts) < 2:
        return [texts] if texts else []
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    distances = cosine_distances(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts))
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=GROUP_DISTANCE, affinity="precomputed",
                                     linkage="average").fit_predict(distances)
    groups: dict[int, list[str]] = {}
    for label, text in zip(labels, texts):
        groups.setdefault(int(label), []).append(text)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _feedback(engine: Engine, since: dt.date) -> list[dict[str, Any]]:
    if not inspect(engine).has_table(FeedbackRow.__tablename__):
        return []
    start = dt.datetime.combine(since, dt.time())
    with engine.connect() as conn:
        rows = conn.execute(select(FeedbackRow.__table__).where(FeedbackRow.created_at >= start).order_by(FeedbackRow.created_at)).mappings()
        return [{"at": r["created_at"].date().isoformat(), "rating": r["rating"], "comment": _short(r["comment"] or ""),
                 "question": _short(r["question"]), "answer": _short(r["answer"])} for r in rows]


def make_report(engine: Engine, since: dt.date) -> Report:
    unanswered: list[str] = []
    low: list[tuple[str, str, float]] = []
    asked: Counter = Counter()
    given: dict[tuple[str, str], dict[str, set]] = {}
    count, cited, elsewhere = 0, Counter(), set()
    for sender, turn in turns(engine, since):
        count += 1
        cited.update(use.cited(reply["doc"] for reply in turn.replies))
        for reply in turn.replies:
            level = (reply["doc"] or {}).get("level")
            if level:
                year, week, _ = turn.at.isocalendar()
                given.setdefault((f"{year}-W{week:02d}", turn.channel), {}).setdefault(level, set()).add(sender)
        if not turn.typed:
            continue
        text = _short(turn.text)
        asked[text.casefold()] += 1
        if turn.unanswered:
            unanswered.append(text)
            if turn.intent == "out_of_scope":
                elsewhere.add(text)
        if turn.confidence is not None and turn.confidence < LOW_CONFIDENCE:
            low.append((text, turn.intent or "", round(float(turn.confidence), 2)))
    levels = {key: Counter({lv: len(people) for lv, people in found.items()}) for key, found in sorted(given.items())}
    groups = group(unanswered[-MAX_GROUPED:])
    return Report(since, count, groups, low[-MAX_UNSURE:], _feedback(engine, since), levels, asked.most_common(MOST),
                  use.use(engine, cited), use.could_answer(engine, groups, elsewhere))
