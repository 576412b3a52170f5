"""Staff lists: the same answers as the single-person rules, forgiving columns, bad rows reported, safe reports."""
from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import subprocess
import sys

import pytest
from openpyxl import Workbook

from bot.staff.report import safe, write_csv, write_html
from knowledge.rules import NextQuestion, Profile
from knowledge.staff import assess, summarise
from knowledge.staff.files import COMMAND_LINE_LIMITS
from knowledge.staff.input import StaffListError, map_columns, read

TITLES = ["School nurse", "receptionist at a GP surgery", "Physiotherapist", "SENCO", "Teacher", "Governor", "deputy DHO",
          "Health visitor", "Porter", "Children's care navigator", "Teaching assistant", "GP"]
CONTACT = ["", "none", "some", "regular"]
YES_NO = ["", "yes", "no"]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def test_every_row_gets_exactly_what_the_single_person_rules_give(guide):
    header = ["Job title", "Contact", "Assess", "Lead", "Sector"]
    rows = [[t, c, a, l, s] for t, c, a, l, s in itertools.product(TITLES, CONTACT, YES_NO, YES_NO, ["", "health", "school"])]
    results = list(assess(guide, read(_csv([header, *rows]), "staff.csv")))
    assert len(results) == len(rows)
    for (title, contact, assess_, lead, sector), result in zip(rows, results):
        outcome = guide.decide(Profile.of(title, contact=contact or None, assess=assess_ or None, lead=lead or None,
                                          sector=sector or None))
        if isinstance(outcome, NextQuestion):
            assert (result.level, result.open_question) == (None, outcome.question.text)
        else:
            assert result.level == (outcome.level.name if outcome.level else None) and result.open_question is None


def test_columns_are_matched_forgivingly_and_a_missing_title_column_is_named(guide):
    assert map_columns(["EMPLOYEE ID", "Job tittle", "Departmnet", "Contact with CYP with SEND"]) == {
        "title": "Job tittle", "person": "EMPLOYEE ID", "department": "Departmnet", "contact": "Contact with CYP with SEND"}
    with pytest.raises(StaffListError, match='"Surname", "Grade"'):
        read(_csv([["Surname", "Grade"], ["Smith", "B4"]]), "x.csv")
    with pytest.raises(StaffListError, match="empty"):
        read(b"  \n", "x.csv")


def test_bad_rows_are_reported_one_by_one_and_never_stop_the_rest(guide):
    data = (b"Name,Job title,Department,Involvement\n"
            b"A,,Ward 1,none\n"                                   # empty title
            b"B,=HYPERLINK(\"http://x\",\"y\"),Ward 1,none\n"      # a formula
            b"C,+cmd|' /C calc'!A0,Ward 1,none\n"                 # command injection
            b"D,School nurse\x07,Ward 1,none\n"                    # a control character
            + b"E," + b"nurse " * 100 + b",Ward 1,none\n"          # very long
            + b"F,Caf\xe9 assistant,Ward 1,none\n"                 # not UTF-8
            b"G,School nurse,Ward 2,none\n")
    staff = read(data, "x.csv")
    results = {r.person: r for r in assess(guide, staff)}
    assert results["A"].problems == ["no job title"]
    assert "formula" in results["B"].problems[0] and results["B"].title is None
    assert "formula" in results["C"].problems[0]
    assert "not text" in results["D"].problems[0] and results["D"].level == "Level 3"
    assert "over 300 characters" in results["E"].problems[0]
    assert results["F"].title == "Café assistant" and staff.problems == ["line 7 was not UTF-8 text; it was read as Windows-1252"]
    assert results["G"].level == "Level 3" and results["G"].problems == []


def test_answers_that_mean_nothing_certain_leave_the_question_open(guide):
    staff = read(_csv([["Job title", "Contact", "Assess"], ["Physiotherapist", "lots", "maybe"]]), "x.csv")
    [result] = assess(guide, staff)
    assert result.level is None and result.open_question.startswith("Which of these is true of your work?")
    assert result.problems == ["contact value not understood; the question is left open",
                               "assess value not understood; the question is left open"]


def test_an_xlsx_file_reads_like_a_csv(guide, tmp_path):
    book = Workbook()
    book.active.append(["Staff ID", "Post", "Training date", "Minutes", "SEND involvement"])
    book.active.append(["1001", "School nurse", dt.date(2025, 6, 1), 240, "None"])
    book.save(tmp_path / "staff.xlsx")
    [result] = assess(guide, read((tmp_path / "staff.xlsx").read_bytes(), "staff.xlsx"), as_of=dt.date(2026, 11, 24))
    assert (result.person, result.level, result.training.status) == ("1001", "Level 3", "compliant")


@pytest.mark.parametrize("trained_on, level, minutes, started, status, needed", [
    ("", "", "", "", "never trained", 240),
    ("2022-01-10", "Level 3", "240", "", "due", 240),   # the 2022-25 period was met; 240 by 2028-01-10
    ("2019-01-10", "Level 3", "240", "", "overdue", 240),  # the 2022-25 period had none
    ("2025-06-01", "Level 3", "240", "", "compliant", 0),
    ("2025-06-01", "Level 3", "120", "", "due", 120),
    ("2025-06-01", "Level 2", "240", "", "due", 240),  # lower-level hours do not count (the reading applied)
    ("2023-12-10", "Level 3", "240", "", "due", 0),   # the period ends within 60 days
    ("", "", "", "2026-11-01", "due", 240),           # induction within six weeks of starting
    ("", "", "", "2026-09-01", "overdue", 240),
])
def test_training_status_follows_the_refresher_period_and_the_induction_rule(guide, trained_on, level, minutes, started, status, needed):
    rows = [["Job title", "Training date", "Training level", "Minutes", "Start date", "Involvement"],
            ["School nurse", trained_on, level, minutes, started, "none"]]
    [result] = assess(guide, read(_csv(rows), "x.csv"), as_of=dt.date(2026, 11, 24), due_days=60)
    assert (result.training.status, result.training.minutes_needed) == (status, needed)


def test_the_csv_report_is_safe_from_formula_injection(guide):
    staff = read(_csv([["Name", "Job title", "Department"], ["=cmd|' /C calc'!A0", "School nurse", "@SUM(A1)"]]), "x.csv")
    out = io.StringIO()
    write_csv(assess(guide, staff), out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["Name or staff id"] == "" and row["Department"] == ""  # the formulas were refused at input
    assert safe("=1+1") == "'=1+1" and safe("-5") == "'-5" and safe("Level 3") == "Level 3"


def test_the_html_report_charts_levels_and_escapes_every_value(guide):
    staff = read(_csv([["Job title", "Department", "Involvement"], ["School nurse", "<script>x</script>", "none"], ["Porter", "A", ""],
                       ["Teacher", "A", ""]]), "x.csv")
    results = list(assess(guide, staff))
    out = io.StringIO()
    write_html(results, summarise(results), staff.mapping, out)
    page = out.getvalue()
    assert '<svg role="img"' in page and "People per level" in page and "Level 3: 1" in page
    assert "<script>" not in page


def test_a_hundred_thousand_rows_are_all_answered(guide):
    rows = [["Job title", "Contact"]] + [[TITLES[n % len(TITLES)], CONTACT[n % 4]] for n in range(100_000)]
    summary = summarise(assess(guide, read(_csv(rows), "big.csv", COMMAND_LINE_LIMITS)))
    assert summary.rows == 100_000 and sum(summary.per_level.values()) == 100_000


def test_the_command_writes_both_reports(tmp_path, built_db):
    staff = tmp_path / "staff.csv"
    staff.write_bytes(_csv([["Name", "Job title", "Involvement"], ["Ann", "School nurse", "none"], ["Bob", "Porter", ""]]))
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", built_db, "staff", str(staff), "--out",
                           str(tmp_path / "r.csv"), "--html", str(tmp_path / "r.html")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "2 rows" in done.stdout and 'title <- "Job title"' in done.stderr and "Ann" not in done.stderr + done.stdout
    assert "Level 3" in (tmp_path / "r.csv").read_text() and "<svg" in (tmp_path / "r.html").read_text()


def test_a_long_file_shows_a_progress_bar_and_a_broken_workbook_is_refused(tmp_path, built_db):
    staff = tmp_path / "long.csv"
    staff.write_bytes(_csv([["Job title"]] + [["Porter"]] * 6000))
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", built_db, "staff", str(staff), "--out",
                           str(tmp_path / "r.csv")], capture_output=True, text=True)
    assert done.returncode == 0 and "6000/6000" in done.stderr
    with pytest.raises(StaffListError, match="not a readable .xlsx workbook"):
        read(b"PK\x03\x04 this is not really a zip", "staff.xlsx")
