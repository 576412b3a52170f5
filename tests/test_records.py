"""The reflection record's store: the owner's only, counted by the plan, downloaded safely, deleted and forgotten."""
from __future__ import annotations

import csv
import datetime as dt
import io
import time

import pytest

from bot import record_files
from bot.retention import forget, purge
from knowledge import records
from knowledge.db import make_engine
from knowledge.plan import make_plan
from tests.test_retention import DAY, _save

TODAY = dt.date(2026, 11, 26)
SECRET = "test-secret"
A, B = records.Owner("owner-a", "webchat"), records.Owner("owner-b", "webchat")


def _record(day=dt.date(2026, 3, 3), minutes=90, level="level-3", topic="EHC needs assessment e-learning", **text) -> records.Record:
    fields = {"learned": "The statutory timescales", "relates": "EHC needs assessment and the process including statutory timelines.",
              "practice": "I will check the 6-week deadline for advice", **text}
    return records.Record(day, topic, minutes=minutes, level_id=level, **fields)


def test_records_belong_to_their_owner_and_are_deleted_only_for_them(db_url):
    engine = make_engine(db_url)
    records.add(engine, A, _record(), SECRET, today=TODAY)
    records.add(engine, A, _record(dt.date(2026, 1, 2), 60), SECRET, today=TODAY)
    records.add(engine, B, _record(), SECRET, today=TODAY)
    records.add(engine, records.Owner("owner-a", "rest"), _record(), SECRET, today=TODAY)  # the same id typed into REST
    assert [r.day for r in records.of(engine, A)] == [dt.date(2026, 1, 2), dt.date(2026, 3, 3)]
    assert records.by_key(engine, A.key(SECRET)) == records.of(engine, A)
    assert records.delete_all(engine, A) == 2
    assert records.of(engine, A) == [] and len(records.of(engine, B)) == 1 and len(records.of(engine, records.Owner("owner-a", "rest"))) == 1
    engine.dispose()


@pytest.mark.parametrize("bad", [
    dict(day=dt.date(2026, 11, 27)), dict(minutes=0), dict(minutes=10_001), dict(topic=" "), dict(learned="x" * (records.MAX_TEXT + 1)),
])
def test_a_record_the_form_could_not_make_is_refused(tmp_path, bad):
    engine = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    with pytest.raises(records.InvalidRecord):
        records.add(engine, A, _record(**bad), SECRET, today=TODAY)


def test_records_count_towards_the_plan_at_their_level(kb):
    held = [_record(dt.date(2026, 3, 3), 90, "level-3"), _record(dt.date(2026, 4, 3), 60, "level-2"), _record(dt.date(2026, 5, 3), 30, None)]
    plan = make_plan(kb, kb.level("level-3"), dt.date(2025, 9, 1), records.as_done(held, kb.levels), TODAY)
    assert plan.current_period().minutes_done == 120 and [n.done.minutes for n in plan.not_counted] == [60]


def test_the_downloads_keep_the_appendix_headings_and_are_safe_to_open(kb):
    held = [_record(topic="=HYPERLINK(\"http://x\")", learned="<script>alert(1)</script>")]
    names, topic = {lv.id: lv.name for lv in kb.levels}, kb.topic("reflection-record")
    rows = list(csv.reader(io.StringIO(record_files.to_csv(held, topic, names))))
    assert rows[0][:5] == ["Date", "Topic and learning activity", "What did you learn/key points of the learning activity",
                           topic.items[3].text, "How will the learning affect your future practice?"]
    assert rows[1][1].startswith("'=") and rows[1][6] == "Level 3"
    page = record_files.to_html(held, topic, names)
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "Appendix 2" in page


def test_a_download_key_is_opaque_and_opens_only_its_owners_records(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    records.add(engine, A, _record(), SECRET, today=TODAY)
    records.add(engine, B, _record(topic="B's course"), "", today=TODAY)  # no secret: a key no link carries
    assert "owner-a" not in A.key(SECRET) and A.key(SECRET) != A.key("other") != records.Owner("owner-a", "slack").key(SECRET)
    assert [r.topic for r in records.by_key(engine, A.key(SECRET))] == ["EHC needs assessment e-learning"]
    assert records.by_key(engine, B.key("")) == [] and records.by_key(engine, "é" * 64) is None and records.by_key(engine, "") is None
    assert records.of(engine, A, "new-secret") and records.by_key(engine, A.key("new-secret"))  # a new secret re-keys on listing
    assert records.by_key(engine, A.key(SECRET)) == []
    engine.dispose()


def test_forget_and_purge_cover_the_records(db_url):
    now = time.time()
    _save(db_url, "old", now - 100 * DAY)
    _save(db_url, "recent", now - 10 * DAY)
    engine = make_engine(db_url)
    for sender in ("old", "recent", "forgotten"):
        records.add(engine, records.Owner(sender, "webchat"), _record(), SECRET, today=TODAY)
    assert forget(engine, "forgotten").records == 1
    assert purge(engine, 90, now=now).records == 1  # the old conversation's record goes with it
    assert records.of(engine, records.Owner("old", "webchat")) == [] and len(records.of(engine, records.Owner("recent", "webchat"))) == 1
    engine.dispose()
