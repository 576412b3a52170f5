"""The personal plan: its dates follow the documents' rules, and every way of asking gives the same dates."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from urllib.parse import parse_qs

import pytest
from icalendar import Calendar

from bot.plan import files as plan_files
from knowledge.plan import Done, describe, make_plan, years_after
from knowledge.plan.input import PlanInputError, from_query, read_date, read_training, to_query
from knowledge.rules import Profile
from knowledge.staff import assess
from knowledge.staff.input import read

AS_OF = dt.date(2026, 11, 26)
BUILT: dict = {}  # the knowledge base the command line reads: built once, as a person's would be


@pytest.fixture(autouse=True)
def _built(built_db: str) -> None:
    BUILT["url"] = built_db


def _level(guide, role, **answers):
    return guide.decide(Profile.of(role, **answers))


def _weeks(kb):
    return kb.levels_of("health")[0].induction.within_weeks


@pytest.mark.parametrize("started", [dt.date(2024, 2, 29), dt.date(2025, 1, 31), dt.date(2023, 12, 31), dt.date(2025, 2, 28),
                                     dt.date(2028, 2, 29), dt.date(2026, 10, 31)])
def test_the_induction_falls_the_documents_weeks_after_the_start_across_month_and_year_ends(kb, started):
    plan = make_plan(kb, kb.level("level-3"), started, [], AS_OF)
    induction = plan.first("induction")
    # "within six weeks": the last day is the day before the six-week anniversary
    assert induction.due - started == dt.timedelta(weeks=_weeks(kb), days=-1)
    assert induction.state == ("to do" if induction.due >= AS_OF else "overdue")
    assert induction.minutes_needed == kb.levels_of("health")[0].induction.minutes


@pytest.mark.parametrize("started, ends", [(dt.date(2024, 2, 29), dt.date(2027, 2, 28)), (dt.date(2023, 3, 31), dt.date(2026, 3, 31)),
                                           (dt.date(2020, 2, 29), dt.date(2023, 2, 28))])
def test_periods_run_the_documents_years_from_the_start_and_29_february_ends_on_28_february(kb, started, ends):
    level = kb.level("level-2")
    plan = make_plan(kb, level, started, [], AS_OF)
    periods = [m for m in plan.milestones if m.kind == "refresher"]
    assert years_after(started, level.refresher.period_years) == ends
    # counted from the start, not chained: from 29 February 2020 a period starts on 28 February 2029 and ends on 29 February 2032
    bounds = [years_after(started, level.refresher.period_years * k) for k in range(12)]
    assert all((p.starts, p.due + dt.timedelta(days=1)) in zip(bounds, bounds[1:]) for p in periods)
    assert all(a.due + dt.timedelta(days=1) == b.starts for a, b in zip(periods, periods[1:]))  # no gap, no overlap
    assert periods[0].starts <= AS_OF < periods[-1].due
    if (started.month, started.day) == (2, 29):
        assert any("28 February" in r for r in plan.readings)
    assert all(p.state == ("missed" if p.due < AS_OF else "to do" if p.starts <= AS_OF else "upcoming") for p in periods)


def test_minutes_count_at_the_required_level_or_above_and_the_reading_is_stated(kb):
    level, started = kb.level("level-3"), dt.date(2025, 9, 1)
    done = [Done(dt.date(2025, 10, 1), 90, kb.level("level-3")), Done(dt.date(2025, 11, 1), 60, kb.level("level-4")),
            Done(dt.date(2025, 12, 1), 120, kb.level("level-2")), Done(dt.date(2025, 8, 31), 200, kb.level("level-3"))]
    plan = make_plan(kb, level, started, done, AS_OF)
    current = plan.current_period()
    assert current.minutes_done == 150 and current.minutes_needed == level.refresher.minutes - 150
    assert [(n.done.minutes, n.reason.split(".")[0]) for n in plan.not_counted] == [
        (200, "before the start date, so in no period of this post"), (120, "below Level 3")]
    assert "Consider Basic Awareness Level 2 as part of your hours" in plan.not_counted[1].reason  # the framework's own words
    assert any("level or above" in r for r in plan.readings) and {t.id for t in plan.notes} >= {"hours-add-up"}


def test_training_after_today_is_not_yet_done(kb):
    level = kb.level("level-2")
    plan = make_plan(kb, level, dt.date(2026, 11, 1), [Done(dt.date(2026, 12, 1), 90, level)], AS_OF)
    assert plan.first("induction").state == "to do" and plan.current_period().minutes_done == 0
    assert "after today" in plan.not_counted[0].reason


def test_training_on_the_last_day_of_a_period_counts_in_the_next(kb):
    level, started = kb.level("level-2"), dt.date(2022, 6, 15)
    ends = years_after(started, 3)  # the anniversary: the first day of the next period
    plan = make_plan(kb, level, started, [Done(ends, 90, level), Done(ends - dt.timedelta(days=1), 30, level)], AS_OF)
    assert plan.last_ended_period().due == ends - dt.timedelta(days=1)
    ended, current = plan.last_ended_period(), plan.current_period()
    assert (ended.minutes_done, ended.state) == (30, "missed") and (current.minutes_done, current.state) == (90, "met")


def test_the_induction_is_done_only_by_a_long_enough_session_after_starting(kb):
    level, started = kb.level("level-2"), dt.date(2026, 11, 1)
    short = make_plan(kb, level, started, [Done(dt.date(2026, 11, 3), 30, None)], AS_OF)
    before = make_plan(kb, level, started, [Done(dt.date(2026, 10, 3), 90, None)], AS_OF)
    done = make_plan(kb, level, started, [Done(dt.date(2026, 11, 3), 60, None)], AS_OF)
    late = make_plan(kb, level, dt.date(2026, 1, 5), [Done(dt.date(2026, 6, 1), 60, None)], AS_OF)
    missed = make_plan(kb, level, dt.date(2026, 1, 5), [], AS_OF)
    assert [p.first("induction").state for p in (short, before, done, late, missed)] == ["to do", "to do", "done", "late", "overdue"]
    assert all(any("new organisation" in r for r in p.readings) for p in (short, done))


def test_a_new_senco_gets_the_national_award_three_years_from_appointment(guide):
    new = _level(guide, "SENCO", sector="school", new_senco="yes")
    old = _level(guide, "SENCO", sector="school", new_senco="no")
    started = dt.date(2024, 2, 29)
    plan = make_plan(guide.kb, new.level, started, [], AS_OF, new.senco_award_required)
    award = plan.first("senco-award")
    assert award.due == years_after(started, 3) - dt.timedelta(days=1) and "within three years" in award.text
    assert award.citation.section.startswith("Responsibilities of the governing body")
    assert make_plan(guide.kb, old.level, started, [], AS_OF, old.senco_award_required).first("senco-award") is None
    assert plan.first("refresher") is None and plan.first("induction") is None  # the school tiers set no hours


def test_the_calendar_file_parses_back_to_the_plans_dates_to_come(kb):
    level, started = kb.level("level-3"), dt.date(2025, 9, 1)
    plan = make_plan(kb, level, started, [Done(dt.date(2025, 9, 10), 60, None)], AS_OF)
    events = [c for c in Calendar.from_ical(plan_files.to_ics(plan)).walk("VEVENT")]
    assert [e.decoded("dtstart") for e in events] == [m.due for m in plan.milestones if m.state in ("to do", "upcoming")]
    assert all(e.decoded("dtstart") >= AS_OF for e in events) and len({str(e["uid"]) for e in events}) == len(events)
    for event in events:
        assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(days=1)
        [alarm] = event.walk("VALARM")
        assert alarm.decoded("trigger") == -dt.timedelta(days=plan_files.REMIND_DAYS)
        assert level.refresher.citation.title in str(event["description"])
    first = next(e for e in events if "2028" in str(e["dtstart"].to_ical()))
    assert "60 of 240 minutes done; 180 still needed by 2028-08-31" in str(first["description"]).replace("\\,", ",")


@pytest.mark.parametrize("text, expected", [
    ("2025-09-01", dt.date(2025, 9, 1)), ("1/9/2025", dt.date(2025, 9, 1)), ("I started on 1st September 2025", dt.date(2025, 9, 1)),
    ("29 Feb 2024", dt.date(2024, 2, 29)), ("01.09.25", dt.date(2025, 9, 1)), ("3 sept 2025", dt.date(2025, 9, 3)),
])
def test_dates_are_read_day_first(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize("text", ["September 2025", "29/02/2025", "31 April 2026", "", "yesterday", "1/9/2025 or 2/9/2025"])
def test_a_date_that_is_not_one_is_refused_not_guessed(text):
    with pytest.raises(PlanInputError):
        read_date(text)


def test_training_entries_are_read_and_what_cannot_be_read_is_refused(kb):
    done = read_training(kb.levels, "90 minutes Level 2 on 3 March 2025; 1.5 hours L3 on 10/01/2026\n2 hrs on 2026-02-01")
    assert [(d.on, d.minutes, d.level.id if d.level else None) for d in done] == [
        (dt.date(2025, 3, 3), 90, "level-2"), (dt.date(2026, 1, 10), 90, "level-3"), (dt.date(2026, 2, 1), 120, None)]
    assert read_training(kb.levels, "none") == [] and read_training(kb.levels, "Not yet") == []
    for bad in ("90 minutes in March", "Level 2 on 3 March 2025", "90 minutes Level 2 and Level 3 on 3 March 2025",
                "0 minutes on 2025-01-01", ";".join(["60 minutes on 2025-01-01"] * 51)):
        with pytest.raises(PlanInputError):
            read_training(kb.levels, bad)


def test_a_plan_link_carries_the_inputs_and_an_edited_link_is_refused(kb):
    done = [Done(dt.date(2025, 9, 10), 60, None), Done(dt.date(2026, 1, 2), 90, kb.level("level-3"))]
    query = to_query(kb.level("level-3"), dt.date(2025, 9, 1), done, True)
    assert from_query(kb.levels, parse_qs(query)) == (kb.level("level-3"), dt.date(2025, 9, 1), done, True)
    for edited in ("level=level-9", "level=level-3&started=2025-02-30", "level=level-3&done=2025-01-01,99999",
                   "level=level-3&done=2025-01-01", "level=level-3&done=2025-01-01,60,level-9", "level=level-3&done=x,1,2,3"):
        with pytest.raises(PlanInputError):
            from_query(kb.levels, parse_qs(edited))


def test_the_printable_page_lists_every_date_with_its_source_and_the_readings(kb):
    plan = make_plan(kb, kb.level("level-2"), dt.date(2024, 2, 29), [Done(dt.date(2024, 3, 1), 60, kb.level("level-1"))], AS_OF)
    page = plan_files.to_html(plan)
    for m in plan.milestones:
        assert m.due.isoformat() in page
    assert "This guide's readings" in page and kb.level("level-2").refresher.citation.section in page
    assert "<q>" in page and "Training not counted" in page


def _plan_json(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", BUILT["url"], "plan", "--json", "--as-of", AS_OF.isoformat(), *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_staff_check_gives_the_dates_the_plan_command_gives(guide, tmp_path):
    rows = [["Job title", "Start date", "Training date", "Training level", "Minutes", "Involvement"],
            ["School nurse", "29/02/2024", "2024-03-10", "Level 3", "90", "none"],
            ["Receptionist at a GP surgery", "2026-10-31", "", "", "", "contact"]]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    nurse, receptionist = assess(guide, read(out.getvalue().encode(), "x.csv"), as_of=AS_OF)
    by_command = _plan_json("--role", "School nurse", "--involvement", "none", "--started", "29/02/2024",
                            "--done", "90 minutes Level 3 on 2024-03-10")
    assert [(m["kind"], m["due"], m["minutes_needed"]) for m in by_command["milestones"]] == \
        [(m.kind, m.due.isoformat(), m.minutes_needed) for m in nurse.plan.milestones]
    assert nurse.training.minutes_needed == nurse.plan.current_period().minutes_needed == 150
    second = _plan_json("--role", "Receptionist at a GP surgery", "--involvement", "contact", "--started", "31 October 2026")
    assert second["milestones"][0]["due"] == receptionist.plan.first("induction").due.isoformat() == "2026-12-11"
    assert receptionist.training.status == "due"


def test_the_plan_command_asks_for_what_the_rules_still_need_and_refuses_bad_dates(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", BUILT["url"], "plan", "--role", "school nurse", "--started", "2025-09-01"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--involvement" in done.stderr
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", BUILT["url"], "plan", "--role", "school nurse", "--involvement", "none",
                           "--started", "31/02/2025"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "not a date in the calendar" in done.stderr and "Traceback" not in done.stderr
    ics, page = tmp_path / "p.ics", tmp_path / "p.html"
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", BUILT["url"], "plan", "--role", "SENCO", "--sector", "school", "--new-senco", "yes", "--started", "2026-09-01",
                           "--ics", str(ics), "--html", str(page)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    [event] = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2029, 8, 31) and "National Award" in str(event["summary"])
    assert "National Award in SEN Co-ordination" in page.read_text()


def test_the_staff_check_dates_the_national_award_and_a_met_period_clears_an_old_miss(guide):
    rows = [["Job title", "Start date", "Training date", "Training level", "Minutes", "Involvement", "Sector", "New SENCO"],
            ["SENCO", "2021-09-01", "", "", "", "", "school", "yes"],
            ["School nurse", "2020-01-01", "2026-06-01", "Level 3", "240", "none", "", ""]]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    senco, nurse = assess(guide, read(out.getvalue().encode(), "x.csv"), as_of=AS_OF)
    assert senco.level == "Tier 2" and senco.plan.first("senco-award").due == dt.date(2024, 8, 31)
    assert (senco.training.status, senco.training.detail) == ("overdue", "National Award due by 2024-08-31.")
    assert nurse.plan.last_ended_period().state == "missed" and nurse.plan.current_period().state == "met"
    assert nurse.training.status == "compliant"


def test_the_plan_command_says_when_there_are_no_dates_to_plan():
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", BUILT["url"], "plan", "--role", "teacher", "--sector", "school", "--involvement", "assess",
                           "--started", "2025-09-01"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "no dates to plan" in done.stderr and "Tier 2" in done.stderr


def test_every_milestone_reads_as_a_sentence_with_its_date(kb):
    level = kb.level("level-2")
    plans = [make_plan(kb, level, dt.date(2026, 1, 5), done, AS_OF, award) for done in
             ([], [Done(dt.date(2026, 1, 6), 60, level)], [Done(dt.date(2026, 6, 1), 90, level)]) for award in (False, True)]
    states = set()
    for plan in plans:
        for m in plan.milestones:
            text = describe(m)
            assert isinstance(text, str) and (m.due.strftime("%B %Y") in text or m.state == "done"), (m, text)
            states.add((m.kind, m.state))
    assert {("induction", "done"), ("induction", "late"), ("induction", "overdue"), ("refresher", "upcoming"),
            ("senco-award", "to do")} <= states
