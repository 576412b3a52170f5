"""Reading a staff-list file (CSV or .xlsx) into rows of text, under limits that hold before the work is done.

A file over a limit is refused with a message naming the limit, instead of being read until the
memory or the time runs out:
- the file's size, before anything is parsed;
- an .xlsx file's parts: how many there are, how many sheets, and each part's uncompressed size.
  The zip's declared sizes are checked first, and every part is then decompressed in chunks and
  stopped at the limit, since a declared size can lie;
- rows that hold something (blank rows are skipped; they cost only the part size and the time),
  columns, and a cell's length;
- the time, and the memory, which the worker process running this enforces (`bot.staff.worker`).
XML is parsed by openpyxl through defusedxml, so entity declarations (a "billion laughs") are refused.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, fields, replace
from typing import Iterable, Iterator

CHUNK = 2**20
WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b")
EXCEL_ROWS = 1_048_576  # Excel's own maximum: rows numbered beyond it are not read


class StaffListError(ValueError):
    """The file as a whole cannot be read as a staff list; the message says why."""


class LimitExceeded(StaffListError):
    """The file is over one of the limits; the message names it."""


@dataclass(frozen=True)
class StaffLimits:
    file_megabytes: float = 5
    rows: int = 50_000
    columns: int = 100
    cell_characters: int = 10_000
    parts: int = 500
    sheets: int = 50
    part_megabytes: float = 50
    workbook_megabytes: float = 100
    seconds: float = 30
    memory_megabytes: int = 1024

    def raised(self, settings: Iterable[str]) -> "StaffLimits":
        """These limits with some set from NAME=VALUE strings, as the command line's --limit gives them."""
        known = {f.name: f.type for f in fields(self)}
        changes = {}
        for setting in settings:
            name, _, value = setting.partition("=")
            name = name.strip().replace("-", "_")
            if name not in known:
                raise ValueError(f"unknown limit {name!r}; the limits are {', '.join(known)}")
            whole = known[name] not in (float, "float")
            try:
                number = int(value) if whole else float(value)
            except ValueError:
                number = 0
            if not 0 < number < float("inf"):
                raise ValueError(f"the limit {name} needs a {'whole ' if whole else ''}number above 0, not {value!r}")
            changes[name] = number
        return replace(self, **changes)

    def describe(self) -> str:
        return (f"{self.file_megabytes:g} MB, {self.rows:,} rows, {self.columns:,} columns, {self.cell_characters:,} characters "
                f"in a cell, {self.sheets:,} sheets, {self.seconds:g} seconds")


WEB_LIMITS = StaffLimits()  # the web page's upload form
COMMAND_LINE_LIMITS = StaffLimits(file_megabytes=200, rows=1_000_000, columns=500, cell_characters=100_000, parts=5_000,
                                  sheets=1_000, part_megabytes=2_000, workbook_megabytes=4_000, seconds=1_800, memory_megabytes=8_192)


def check_size(size: int, limits: StaffLimits) -> None:
    if size > limits.file_megabytes * 2**20:
        raise LimitExceeded(f"the file is over the limit of {limits.file_megabytes:g} MB")


Table = list[tuple[int, list[str]]]  # the rows that hold something, each with its number in the file (from 1)


def _rows(rows: Iterable[list[str]], limits: StaffLimits) -> Table:
    """The rows that hold something, refused past the row or column limit."""
    kept: Table = []
    for number, row in enumerate(rows, 1):
        if len(row) > limits.columns and any(c.strip() for c in row[limits.columns:]):
            raise LimitExceeded(f"the file has more than the limit of {limits.columns:,} columns")
        if any(c.strip() for c in row):
            if len(kept) > limits.rows:  # the header row is one more than the people
                raise LimitExceeded(f"the file has more than the limit of {limits.rows:,} rows")
            kept.append((number, row[:limits.columns]))
    return kept


def csv_table(text: str, limits: StaffLimits) -> Table:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    previous = csv.field_size_limit(limits.cell_characters)
    try:
        return _rows(csv.reader(io.StringIO(text, newline=""), dialect), limits)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise LimitExceeded(f"a cell is longer than the limit of {limits.cell_characters:,} characters") from None
        raise StaffListError(f"this is not readable as CSV ({error})") from None
    finally:
        csv.field_size_limit(previous)


def check_parts(data: bytes, limits: StaffLimits) -> None:
    """Refuse an .xlsx whose parts are too many or too big, by their declared and their real sizes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise StaffListError("this is not a readable .xlsx workbook (it is not a zip file)") from None
    with archive:
        parts = archive.infolist()
        if sum(1 for p in parts if WORKSHEET.match(p.filename)) > limits.sheets:
            raise _too_many_sheets(limits)
        if len(parts) > limits.parts:
            raise LimitExceeded(f"the workbook has more than the limit of {limits.parts:,} parts")
        most = int(limits.part_megabytes * 2**20)
        over = LimitExceeded(f"a part of the workbook is over the limit of {limits.part_megabytes:g} MB uncompressed")
        if any(p.file_size > most for p in parts):
            raise over
        if sum(p.file_size for p in parts) > limits.workbook_megabytes * 2**20:
            raise LimitExceeded(f"the workbook is over the limit of {limits.workbook_megabytes:g} MB uncompressed")
        for part in parts:  # every part read through once, so one whose checksum fails is refused before any parsing
            try:
                with archive.open(part) as stream:
                    size = 0
                    while block := stream.read(CHUNK):
                        size += len(block)
                        if size > most:
                            raise over
            except (LimitExceeded, MemoryError):
                raise
            except Exception:  # BadZipFile (a wrong CRC, as when a declared size lies), zlib.error, ...
                raise StaffListError("this is not a readable .xlsx workbook (a part of it is damaged)") from None
        listed = max((len(SHEET_ENTRY.findall(archive.read(p))) for p in parts if p.filename.endswith("workbook.xml")), default=0)
        if listed > limits.sheets:  # the workbook can list many sheets that share one part
            raise _too_many_sheets(limits)


def _too_many_sheets(limits: StaffLimits) -> LimitExceeded:
    return LimitExceeded(f"the workbook has more than the limit of {limits.sheets:,} sheets; "
                         "only the first sheet is read, so save that one on its own")


def _cell(value: object, limits: StaffLimits) -> str:
    if value is None:
        return ""
    text = str(value.date() if hasattr(value, "date") and hasattr(value, "hour") else value)
    if len(text) > limits.cell_characters:
        raise LimitExceeded(f"a cell is longer than the limit of {limits.cell_characters:,} characters")
    return text


def _unreadable(error: Exception) -> StaffListError:
    from defusedxml import DefusedXmlException

    if isinstance(error, DefusedXmlException) or isinstance(error.__cause__, DefusedXmlException):
        return StaffListError("the workbook's XML declares entities, which a spreadsheet never needs; it was not read")
    return StaffListError(f"this is not a readable .xlsx workbook ({type(error).__name__})")


def xlsx_table(data: bytes, limits: StaffLimits) -> Table:
    from openpyxl import load_workbook  # only for .xlsx files

    check_parts(data, limits)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise _unreadable(error) from None
    try:
        if not book.worksheets:
            raise StaffListError("the workbook has no sheets")
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # rows as wide as their last cell, not as the sheet's declared (and forgeable) size
        rows: Iterator[list[str]] = ([_cell(v, limits) for v in row]
                                     for row in sheet.iter_rows(max_row=EXCEL_ROWS, values_only=True))
        return _rows(rows, limits)
    except (StaffListError, MemoryError):
        raise
    except Exception as error:
        raise _unreadable(error) from None
    finally:
        book.close()
