"""An organisation's training calendar (knowledge/local/calendar.py): CSV and .ics files the test writes, read or
refused naming the row; the next sessions for a person's level, soonest first, in the level answer, "where can I
train", the plan and the command line; over REST."""
from __future__ import annotations

import datetime as dt
import time
import uuid

import icalendar
import pytest
import requests

from bot.cli import main as cli
from knowledge.answers import to_dict
from knowledge.db import make_engine
from knowledge.guide import Guide, build
from knowledge.local import calendar
from knowledge.local.calendar import LOCAL_SESSION, CalendarError
from knowledge.lookup import find_level
from knowledge.plan import make_plan
from knowledge.rules import Profile

NEXT_YEAR = dt.date.today().year + 1
CSV = (f"level,date,title,place\nLevel 2,{NEXT_YEAR}-02-11 13:00,Riverside SEND workshop (online),https://learning.example/rvs\n"
       f"Level 2,{NEXT_YEAR}-01-14 09:30,Riverside SEND workshop,Education Centre room 3\n"
       f"Level 2,2020-01-01 09:30,A session long past,Education Centre room 3\n"
       f"Level 3,{NEXT_YEAR}-01-20 10:00,SEND for therapists,Education Centre room 1\n").encode()


def _ics() -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Riverside//Training//EN")
    cal.add("version", "2.0")
    for n, (summary, day, where) in enumerate((("Level 3 SEND training for therapists", 20, "Education Centre"),
                                               ("Introductory tier SEND induction", 5, "https://learning.example/intro"))):
        event = icalendar.Event()
        event.add("uid", f"{n}@riverside")
        event.add("summary", summary)
        event.add("dtstart", dt.datetime(NEXT_YEAR, 1, day, 10, 0))
        event.add("location", where)
        cal.add_component(event)
    return cal.to_ical()


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('calendar') / 'kb.db'}"
    build(url)
    return url


def test_a_csv_and_an_ics_calendar_are_read_soonest_first(url):
    kb = Guide.open(url).kb
    sessions = calendar.read(CSV, "sessions.csv", kb)
    assert [(s.level, s.title) for s in sessions][1:3] == [("level-2", "Riverside SEND workshop"), ("level-3", "SEND for therapists")]
    from_ics = calendar.read(_ics(), "sessions.ics", kb)
    assert [(s.level, s.where) for s in from_ics] == [(find_level(kb, "Introductory").id, "https://learning.example/intro"),
                                                      ("level-3", "Education Centre")]


@pytest.mark.parametrize("data, name, problem", [
    (b"level,date,title,place\nLevel 9,2027-01-01,A,B\n", "s.csv", "row 2: no level or tier is named in 'Level 9'"),
    (b"level,date,title,place\nLevel 2,14/01/2027,A,B\n", "s.csv", "row 2: the date must be written like"),
    (b"level,date,title,place\nLevel 2,2027-01-14,A,\n", "s.csv", "row 2: give a title, and a place or a link"),
    (b"not a calendar", "s.ics", "not an iCalendar"),
    (b"x", "s.xlsx", "give the calendar as a CSV file"),
])
def test_a_calendar_that_cannot_be_used_is_refused_naming_the_row(url, data, name, problem):
    with pytest.raises(CalendarError, match=problem):
        calendar.read(data, name, Guide.open(url).kb)


def test_the_next_sessions_for_the_level_come_with_the_answer_the_plan_and_the_command_line(url, capsys):
    engine = make_engine(url)
    calendar.save(engine, calendar.read(CSV, "sessions.csv", Guide.open(url).kb), "sessions.csv", "test")
    guide = Guide.open(url)
    decided = guide.decide(Profile("receptionist at a GP surgery", {"involvement": "contact"}))
    shown = to_dict(decided)["training"]["sessions"]
    assert [s.split(": ", 1)[1] for s in shown] == ["Riverside SEND workshop, Education Centre room 3",
                                                     "Riverside SEND workshop (online), https://learning.example/rvs"]
    assert all(str(NEXT_YEAR) in s for s in shown)  # the one long past is not offered
    plan = make_plan(guide.kb, decided.level, dt.date.today(), [], dt.date.today(), sessions=shown)
    assert plan.sessions == tuple(shown)
    assert cli(["--database-url", url, "level", "--role", "receptionist at a GP surgery", "--involvement", "contact"]) == 0
    assert f"{LOCAL_SESSION} {shown[0]}" in capsys.readouterr().out


@pytest.mark.assistant
def test_where_can_i_train_over_rest_offers_the_next_session(assistant):
    engine = make_engine(assistant.db_url)
    calendar.save(engine, calendar.read(CSV, "sessions.csv", Guide.open(assistant.db_url).kb), "sessions.csv", "test")
    try:
        time.sleep(2.5)  # the servers look for a new calendar every 2 seconds
        said = " ".join(r.get("text") or "" for r in assistant.say(uuid.uuid4().hex, "where can I do level 2 training?"))
        assert f"{LOCAL_SESSION} " in said and "Riverside SEND workshop, Education Centre room 3" in said
        assert said.index("Education Centre room 3") < said.index("learning.example/rvs")  # soonest first
        printed = requests.get(f"{assistant.url}/webhooks/webchat/plan.html", params={"level": "level-2"}, timeout=30)
        assert printed.status_code == 200 and "Your organisation's next sessions" in printed.text
        assert "Riverside SEND workshop, Education Centre room 3" in printed.text  # the calendar as it is now
    finally:
        calendar.save(engine, [], "empty.csv", "test")
