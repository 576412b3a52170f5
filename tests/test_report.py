"""The content owners' report from kept conversations and feedback: grouped, escaped, without sender ids, behind the token."""
from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import subprocess
import sys
import time

import pytest
import requests
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import feedback
from bot.report import files as report_files
from bot.report import make_report
from bot.retention import forget
from knowledge.db import make_engine

NOT_COVERED = "The documents I know do not cover that."
REPHRASE = "Sorry, I'm not sure I understood. Could you say that another way?"
HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>'


def _conversation(url: str, sender: str, *turns: tuple, channel: str = "webchat", at: float | None = None) -> None:
    """Each turn: (message, intent, confidence, reply text, level given or None)."""
    at = at or time.time()
    events = []
    for n, (text, intent, confidence, reply, level) in enumerate(turns):
        events.append(UserUttered(text, {"name": intent, "confidence": confidence}, input_channel=channel, timestamp=at + 2 * n))
        data = {"custom": {"send_guide": {"kind": "answer", "level": level}}} if level else {}
        events.append(BotUttered(reply, data, timestamp=at + 2 * n + 1))
    asyncio.run(SQLTrackerStore(Domain.empty(), host=url).save(DialogueStateTracker.from_events(sender, events)))


def _seed(url: str) -> None:
    _conversation(url, "person-one-id", ("I'm a school nurse", "tell_role", 0.98, "You need Level 3 (health framework).", "Level 3"),
                  ("what about dyslexia screening courses", "ask_training", 0.41, NOT_COVERED, None))
    _conversation(url, "person-two-id", ("what about dyslexia screening course?", "ask_training", 0.45, NOT_COVERED, None),
                  ("where do I park at the hospital", "out_of_scope", 0.9, REPHRASE, None), channel="slack")
    _conversation(url, "person-three-id", ("I'm a school nurse", "tell_role", 0.97, "You need Level 3 (health framework).", "Level 3"),
                  (HOSTILE, "greet", 0.2, REPHRASE, None))
    feedback.record(make_engine(url), feedback.Feedback("person-one-id", "a1", "I'm a school nurse", "You need Level 3", "no", HOSTILE))


def test_the_report_groups_what_was_not_answered_and_counts_levels_without_sender_ids(db_url):
    _seed(db_url)
    engine = make_engine(db_url)
    report = make_report(engine, dt.date.today() - dt.timedelta(days=7))
    assert report.turns == 6
    assert sorted(map(sorted, report.unanswered)) == sorted([
        sorted(["what about dyslexia screening courses", "what about dyslexia screening course?"]),
        ["where do I park at the hospital"], [HOSTILE]])
    assert report.unanswered[0][0].startswith("what about dyslexia")  # the largest group first
    assert {t for t, _, _ in report.low_confidence} == {"what about dyslexia screening courses", "what about dyslexia screening course?", HOSTILE}
    [(week, channel)] = report.levels
    assert channel == "webchat" and report.levels[(week, channel)]["Level 3"] == 2
    assert report.most_asked[0] == ("i'm a school nurse", 2)
    assert [(f["rating"], f["comment"]) for f in report.feedback] == [("no", HOSTILE)]
    page, table = report_files.to_html(report), report_files.to_csv(report)
    assert HOSTILE not in page and "&lt;script&gt;" in page
    assert "person-one-id" not in page + table
    rows = list(csv.DictReader(io.StringIO(table)))
    assert {r["Section"] for r in rows} == {"not answered", "low confidence", "feedback", "levels given", "most asked"}
    assert forget(engine, "person-three-id").events  # a person forgotten is gone from the report
    assert HOSTILE not in {t for g in make_report(engine, dt.date.today()).unanswered for t in g}
    assert make_report(engine, dt.date.today() + dt.timedelta(days=1)).turns == 0
    engine.dispose()


def test_send_guide_report_writes_the_page_and_the_csv(tmp_path):
    url = f"sqlite:///{tmp_path / 'kept.db'}"
    _seed(url)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", url, "report", "--since", dt.date.today().isoformat(),
                           "--html", str(tmp_path / "r.html"), "--csv", str(tmp_path / "r.csv")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "6 messages since" in done.stdout and "4 not answered in 3 groups" in done.stdout
    assert "dyslexia" in (tmp_path / "r.html").read_text() and "not answered" in (tmp_path / "r.csv").read_text()
    bad = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", url, "report", "--since", "last week"],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@pytest.mark.assistant
def test_the_report_page_needs_the_token(assistant):
    from tests.conftest import REPORT_TOKEN

    page = f"{assistant.url}/webhooks/webchat/report.html"
    assert requests.get(page, timeout=30).status_code == 401
    assert requests.get(page, headers={"Authorization": "Bearer wrong"}, timeout=30).status_code == 401
    assert requests.get(page + "?since=yesterday", headers={"Authorization": f"Bearer {REPORT_TOKEN}"}, timeout=30).status_code == 400
    assert requests.get(page, headers={"Authorization": REPORT_TOKEN}, timeout=30).status_code == 401  # no scheme
    opened = requests.get(page, headers={"Authorization": f"bearer  {REPORT_TOKEN}"}, timeout=30)
    assert opened.status_code == 200 and "Content owners' report" in opened.text
    assert "default-src 'none'" in opened.headers["Content-Security-Policy"]


@pytest.mark.assistant
def test_with_no_token_configured_there_is_no_report_page(replicated):
    assert requests.get(f"{replicated.members[0].url}/webhooks/webchat/report.html",
                        headers={"Authorization": "Bearer anything"}, timeout=30).status_code == 404


def test_the_report_counts_each_local_document_s_citations_and_finds_the_unanswered_questions_one_now_answers(tmp_path):
    from knowledge.guide import build
    from knowledge.local import store
    from knowledge.local.parse import read

    url = f"sqlite:///{tmp_path / 'kept.db'}"
    build(url)
    engine = make_engine(url)
    booking = "Book the Riverside SEND workshop through the Learning Hub, course code RVS-204."
    cited, _ = store.add(engine, read(f"# Booking\n\n{booking}\n".encode(), "b.md"), "b.md", "Workshop booking", "Riverside Trust", "t")
    store.add(engine, read(b"# Parking\n\nStaff park in the multi-storey car park.\n", "p.md"), "p.md", "Parking", "Riverside Trust", "t")
    source = {"n": 1, "document": f"local/{cited}", "title": "Workshop booking", "section": "Booking", "quotes": [booking]}
    for n, sender in enumerate(("one", "two")):
        events = [UserUttered("how do I book the riverside workshop", {"name": "ask_documents", "confidence": 0.9}, timestamp=time.time() + n),
                  BotUttered(booking, {"custom": {"send_guide": {"kind": "answer", "sources": [source, {**source, "n": 2}]}}}, timestamp=time.time() + n)]
        asyncio.run(SQLTrackerStore(Domain.empty(), host=url).save(DialogueStateTracker.from_events(sender, events)))
    _conversation(url, "three", ("what is the course code for the riverside send workshop", "ask_documents", 0.8, NOT_COVERED, None),
                  ("what about dyslexia screening courses", "ask_training", 0.41, NOT_COVERED, None))
    report = make_report(engine, dt.date.today() - dt.timedelta(days=1))
    assert report.documents == [("Workshop booking", "Riverside Trust", 2), ("Parking", "Riverside Trust", 0)]  # once per reply
    [(wording, times, where)] = report.answerable
    assert (wording, times) == ("what is the course code for the riverside send workshop", 1)
    assert where.startswith("Your organisation's document \u201cWorkshop booking\u201d (Riverside Trust)") and "Booking" in where
    rows = list(csv.DictReader(io.StringIO(report_files.to_csv(report))))
    assert {r["Section"] for r in rows} >= {"organisation's document cited", "not answered, now in an organisation's document"}
    assert "Questions not answered that your organisation&#x27;s documents answer now" in report_files.to_html(report)
