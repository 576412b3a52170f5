"""Retention and erasure on the real tracker-store table, in SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import time

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import feedback
from bot.retention import forget, purge
from knowledge.db import make_engine

DAY = 86400


def _save(url: str, sender: str, at: float) -> SQLTrackerStore:
    store = SQLTrackerStore(Domain.empty(), host=url)
    events = [UserUttered("I'm a school nurse", timestamp=at), BotUttered("You need Level 3", timestamp=at + 1)]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    return store


def _events(store: SQLTrackerStore, sender: str) -> int:
    tracker = asyncio.run(store.retrieve(sender))
    return len(tracker.events) if tracker else 0


def test_purge_deletes_whole_conversations_last_active_before_the_period(db_url):
    now = time.time()
    old, recent = _save(db_url, "old-conversation", now - 100 * DAY), _save(db_url, "recent-conversation", now - 10 * DAY)
    engine = make_engine(db_url)
    feedback.record(engine, feedback.Feedback("old-conversation", "a1", "q", "a", "yes"))
    deleted = purge(engine, 90, now=now)
    assert (deleted.conversations, deleted.events) == (1, 2)
    assert _events(old, "old-conversation") == 0 and _events(recent, "recent-conversation") == 2
    assert purge(engine, 90, now=now + 200 * DAY).feedback == 1  # feedback ages out the same way
    engine.dispose()


def test_forget_deletes_everything_for_one_conversation_only(db_url):
    store = _save(db_url, "to-forget", time.time())
    _save(db_url, "to-keep", time.time())
    engine = make_engine(db_url)
    feedback.record(engine, feedback.Feedback("to-forget", "a1", "q", "a", "no", "comment"))
    deleted = forget(engine, "to-forget")
    assert (deleted.events, deleted.feedback) == (2, 1)
    assert _events(store, "to-forget") == 0 and _events(store, "to-keep") == 2
    assert feedback.for_conversation(engine, "to-forget") == []
    engine.dispose()


def test_both_do_nothing_on_a_database_with_no_conversations_yet(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert forget(engine, "x").events == 0 and purge(engine, 90).conversations == 0


def test_the_commands_report_what_they_deleted(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    _save(url, "someone", time.time() - 400 * DAY)
    run = lambda *a: subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", url, *a], capture_output=True, text=True)  # noqa: E731
    assert "Deleted 1 conversations (2 events)" in run("purge", "--days", "365").stdout
    assert "Deleted 0 events" in run("forget", "someone").stdout
