"""HR's staff-list template: the check's own columns, drop-downs holding exactly the rules' options, notes with sources,
and the questions still open written out for HR to send."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
import requests
from openpyxl import load_workbook

from bot.staff import template_files as staff_template_files
from knowledge.schema import FACT_VALUES
from knowledge.staff import assess
from knowledge.staff.input import map_columns, read
from knowledge.staff.template import HEADERS, columns

FILLED = [  # every answer given: name, title, department, sector, involvement, contact, assess, lead, designated, confidential, new SENCO
    ["A. Nurse", "School nurse", "0-19", "health", "none", "regular", "no", "no", "no", "yes", "no"],
    ["B. Helper", "Lunchtime supervisor", "Site", "school", "contact", "some", "no", "no", "no", "no", "no"],
    ["C. Senco", "SENCO", "Inclusion", "school", "assess", "regular", "yes", "yes", "no", "yes", "yes"],
    ["D. Physio", "Lead physio for the children's SEND service", "Therapies", "health", "lead", "regular", "yes", "yes", "no", "yes", "no"],
]


def _validations(sheet) -> dict:
    found = {}
    for rule in sheet.data_validations.dataValidation:
        column = str(rule.sqref).split(":")[0].rstrip("0123456789")
        found[sheet[f"{column}1"].value] = rule
    return found


def test_the_template_has_the_checks_columns_and_drop_downs_of_exactly_the_rules_options(kb):
    book = load_workbook(io.BytesIO(staff_template_files.to_xlsx(kb)))
    staff, notes = book["Staff"], book["Notes"]
    header = [c.value for c in staff[1]]
    assert header == [c.name for c in columns(kb)]
    assert set(map_columns(header)) == set(HEADERS)  # the check reads every column by its exact name
    rules = _validations(staff)
    for fact, values in FACT_VALUES.items():
        assert rules[HEADERS[fact]].type == "list" and rules[HEADERS[fact]].formula1 == '"' + ",".join(values) + '"'
    assert rules[HEADERS["trained_level"]].formula1.strip('"').split(",") == [lv.name for lv in kb.levels]
    assert rules[HEADERS["started_on"]].type == "date" and rules[HEADERS["trained_minutes"]].type == "whole"
    explained = {row[0].value: row for row in notes.iter_rows(min_row=2)}
    assert set(explained) == set(header)
    assert "Where do you work?" in explained["Sector"][2].value and "SEND Training Assurance Framework" in explained["Lead"][3].value
    assert kb.question("new-senco", None).text[:40] in explained["New SENCO"][2].value and explained["New SENCO"][3].value
    assert staff_template_files.to_csv(kb).strip() == ",".join(header)


def test_a_template_filled_with_every_answer_is_checked_with_no_question_open(kb, guide):
    book = load_workbook(io.BytesIO(staff_template_files.to_xlsx(kb)))
    for row in FILLED:
        book["Staff"].append(row)
    out = io.BytesIO()
    book.save(out)
    results = list(assess(guide, read(out.getvalue(), "filled.xlsx")))
    assert [r.open_question for r in results] == [None] * len(FILLED) and all(not r.problems for r in results)
    assert [r.level for r in results][:1] == ["Level 3"] and results[2].senco_award == "required"
    partly = read(("Name,Job title\n" + "\n".join(f"{r[0]},{r[1]}" for r in FILLED)).encode(), "partly.csv")
    assert any(r.open_question for r in assess(guide, partly))  # without the answers, questions stay open


def test_the_command_writes_the_template_and_the_questions_to_ask(tmp_path, built_db):
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", built_db, "staff", *args],
                              capture_output=True, text=True, timeout=300)

    assert cli("--template", str(tmp_path / "t.xlsx")).returncode == 0 and load_workbook(tmp_path / "t.xlsx")["Notes"]
    assert cli("--template", str(tmp_path / "t.csv")).returncode == 0
    (tmp_path / "list.csv").write_text("Name,Job title\nA. Person,receptionist at a GP surgery\nB. Person,School nurse\n")
    done = cli(str(tmp_path / "list.csv"), "--out", str(tmp_path / "r.csv"), "--questions", str(tmp_path / "q.csv"))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader((tmp_path / "q.csv").open(encoding="utf-8")))
    assert [r["Name or staff id"] for r in rows] == ["A. Person", "B. Person"]
    assert [r["Column to fill"] for r in rows] == ["Involvement", "Involvement"] and rows[0]["Source"]
    assert all(r["Allowed values"] == ", ".join(FACT_VALUES[{v: k for k, v in HEADERS.items()}[r["Column to fill"]]]) for r in rows)
    assert "open for 2: Which of these is true of your work?" in done.stdout and "(A. Person, B. Person)" in done.stdout
    assert cli(str(tmp_path / "list.csv")).returncode == 2  # no --out, no template: said plainly


@pytest.mark.assistant
def test_the_web_page_offers_the_template(assistant):
    page = requests.get(f"{assistant.url}/webhooks/webchat/", timeout=30).text
    assert 'href="staff-template.xlsx"' in page
    xlsx = requests.get(f"{assistant.url}/webhooks/webchat/staff-template.xlsx", timeout=30)
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["Content-Disposition"]
    assert [c.value for c in load_workbook(io.BytesIO(xlsx.content))["Staff"][1]][:2] == ["Name", "Job title"]
