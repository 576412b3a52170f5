"""Staff lists are read under limits, in a worker process with its own memory cap and time limit.

Each hostile file is made here (tests/hostile.py) and checked for the message it gets and the
time it took, read directly and through the worker the web page and the command line use.
"""
from __future__ import annotations

import asyncio
import dataclasses
import os
import subprocess
import sys
import time

import openpyxl
import pytest

from bot.staff import worker as staff_worker
from knowledge.staff.files import COMMAND_LINE_LIMITS, WEB_LIMITS, LimitExceeded, StaffListError
from knowledge.staff.input import read
from tests import hostile

# name -> (refused with a message containing this, or None: read, with this many people)
EXPECTED = {
    "decompression bomb": ("a part of the workbook is over the limit of 50 MB uncompressed", None),
    "declared size that lies": ("a part of it is damaged", None),
    "billion laughs": ("declares entities", None),
    "one 50 MB line": ("the file is over the limit of 5 MB", None),
    "a million empty rows": (None, 2),
    "a formula in every cell": (None, 0),
    "a thousand sheets": ("more than the limit of 50 sheets", None),
}


@pytest.fixture(scope="module")
def files():
    return {name: (filename, make()) for name, (filename, make) in hostile.FILES.items()}


def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("name", EXPECTED)
def test_a_hostile_file_is_refused_or_read_within_the_limits(files, name):
    filename, data = files[name]
    message, people = EXPECTED[name]
    started = time.monotonic()
    if message:
        with pytest.raises(StaffListError, match=message):
            read(data, filename, WEB_LIMITS)
    else:
        staff = read(data, filename, WEB_LIMITS)
        assert len(staff.rows) == people
        assert not any("HYPERLINK" in v or "cmd" in v for row in staff.rows for v in row.cells.values())
    assert time.monotonic() - started < WEB_LIMITS.seconds


@pytest.mark.parametrize("name", EXPECTED)
def test_the_worker_gives_the_same_outcome_and_the_limit_is_named(files, name, built_db):
    filename, data = files[name]
    message, people = EXPECTED[name]
    started = time.monotonic()
    if message:
        with pytest.raises(StaffListError, match=message) as refused:
            asyncio.run(staff_worker.check(data, filename, WEB_LIMITS, built_db))
        assert isinstance(refused.value, LimitExceeded) == ("limit" in message)
    else:
        report = asyncio.run(staff_worker.check(data, filename, WEB_LIMITS, built_db))
        assert report["rows"] == people and report["csv"].startswith("Row,")
    assert time.monotonic() - started < WEB_LIMITS.seconds + 5


def _children() -> list[str]:
    with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as listed:
        return listed.read().split()


def test_the_worker_is_stopped_at_the_time_limit(built_db):
    rows = b"Job title,Contact\n" + b"Teacher,some\nSchool nurse,regular\n" * 400_000
    limits = dataclasses.replace(COMMAND_LINE_LIMITS, seconds=1)
    before = _children()
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="took longer than the limit of 1 seconds"):
        asyncio.run(staff_worker.check(rows, "big.csv", limits, built_db))
    assert time.monotonic() - started < 5
    assert _children() == before, "the worker was killed and reaped"


def test_a_file_name_like_an_option_is_only_a_name(built_db):
    report = asyncio.run(staff_worker.check(b"Job title\nTeacher\n", "--out=x.csv", WEB_LIMITS, built_db))
    assert report["rows"] == 1


def test_a_worker_that_cannot_read_the_knowledge_base_is_a_fault_of_the_service_not_the_file(tmp_path):
    with pytest.raises(staff_worker.WorkerUnavailable, match="try again"):
        asyncio.run(staff_worker.check(b"Job title\nTeacher\n", "x.csv", WEB_LIMITS, f"sqlite:///{tmp_path / 'none.db'}"))


def test_forged_row_numbers_and_sheet_lists_are_bounded():
    far = hostile.xlsx([iter([hostile.HEADER, '<row r="999999999999"><c r="A999999999999" t="inlineStr"><is><t>GP</t></is></c></row>'])])
    started = time.monotonic()
    assert len(read(far, "far.xlsx", WEB_LIMITS).rows) == 0  # rows past Excel's last are not read
    assert time.monotonic() - started < WEB_LIMITS.seconds
    many = hostile.xlsx([iter([hostile.HEADER])], listed=1000)
    with pytest.raises(LimitExceeded, match="more than the limit of 50 sheets"):
        read(many, "many.xlsx", WEB_LIMITS)


def test_the_worker_is_stopped_at_its_memory_cap(built_db):
    rows = b"Job title\n" + b"Teacher\n" * 3_000_000
    limits = dataclasses.replace(COMMAND_LINE_LIMITS, memory_megabytes=400, rows=10_000_000)
    with pytest.raises(LimitExceeded, match="needed more than the limit of 400 MB of memory"):
        asyncio.run(staff_worker.check(rows, "big.csv", limits, built_db))


def test_the_row_column_and_cell_limits_are_named():
    with pytest.raises(LimitExceeded, match="more than the limit of 2 rows"):
        read(b"Job title\nTeacher\nGP\nNurse\n", "x.csv", dataclasses.replace(WEB_LIMITS, rows=2))
    wide = ",".join(["Job title"] + [f"c{n}" for n in range(200)]).encode() + b"\nTeacher\n"
    with pytest.raises(LimitExceeded, match="more than the limit of 100 columns"):
        read(wide, "x.csv", WEB_LIMITS)
    with pytest.raises(LimitExceeded, match="a cell is longer than the limit of 10,000 characters"):
        read(b'Job title\n"' + b"x" * 20_000 + b'"\n', "x.csv", WEB_LIMITS)
    wide_sheet = hostile.xlsx([iter([hostile.HEADER, '<row r="2"><c r="ZZ2" t="inlineStr"><is><t>x</t></is></c></row>'])])
    with pytest.raises(LimitExceeded, match="columns"):
        read(wide_sheet, "x.xlsx", WEB_LIMITS)


def test_the_command_line_has_larger_limits_and_a_flag_to_raise_them(tmp_path, built_db):
    long = tmp_path / "long.csv"
    long.write_bytes(hostile.one_long_line(megabytes=1))

    def staff(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot.cli", "--database-url", built_db, "staff", str(long), "--out",
                               str(tmp_path / "r.csv"), *extra], capture_output=True, text=True, timeout=120)

    refused = staff()
    assert refused.returncode == 1
    assert "a cell is longer than the limit of 100,000 characters" in refused.stderr and "--limit" in refused.stderr
    raised = staff("--limit", "cell_characters=2000000")
    assert raised.returncode == 0, raised.stderr
    assert "1 rows" in raised.stdout and "over 300 characters" in (tmp_path / "r.csv").read_text()
    unknown, not_a_number = staff("--limit", "bogus=1"), staff("--limit", "rows=many")
    assert unknown.returncode == 2 and "unknown limit 'bogus'" in unknown.stderr
    assert not_a_number.returncode == 2 and "needs a whole number above 0" in not_a_number.stderr


def test_limits_are_raised_by_name_and_refuse_what_is_not_a_number():
    raised = WEB_LIMITS.raised(["rows=10", "file-megabytes=1.5"])
    assert (raised.rows, raised.file_megabytes, raised.columns) == (10, 1.5, WEB_LIMITS.columns)
    with pytest.raises(ValueError, match="unknown limit"):
        WEB_LIMITS.raised(["lines=3"])
    for bad in ("rows=many", "rows=0", "rows=-5", "seconds=nan", "seconds=inf"):
        with pytest.raises(ValueError, match="needs a (whole )?number above 0"):
            WEB_LIMITS.raised([bad])
