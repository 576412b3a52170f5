"""Reading an HR staff list (CSV or .xlsx): finding its columns and reading each row's answers.

Column names are matched forgivingly (case, spacing, punctuation and small typos); the mapping
used is returned so it can be shown. Values are read only when they clearly mean one of the
rules' answers; anything else is reported on its row and left unanswered, so the rules ask
instead of guessing. Nothing here logs cell contents: staff lists hold personal data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

from rapidfuzz import fuzz

from knowledge.schema import INVOLVEMENT
from knowledge.staff.files import WEB_LIMITS, LimitExceeded, StaffLimits, StaffListError, Table, check_size, csv_table, xlsx_table

__all__ = ["LimitExceeded", "StaffListError", "StaffList", "Row", "read", "from_titles", "answers", "map_columns"]

MAX_CELL = 300
FUZZY_CUTOFF = 88  # "Job tittle" and "Departmnet" pass; "Status" does not name "started"
FORMULA = re.compile(r"^\s*[=+\-@\t\r]")

# Field -> the column names it goes by. "title" is the only one a file must have.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "title": ("job title", "title", "job", "role", "job role", "position", "post", "post title", "designation", "occupation"),
    "person": ("name", "full name", "staff name", "employee", "employee name", "staff id", "employee id", "id",
               "payroll number", "staff number"),
    "department": ("department", "dept", "team", "service", "directorate", "unit", "ward"),
    "sector": ("sector", "setting", "workplace", "organisation type", "setting type"),
    "involvement": ("involvement", "send involvement", "involvement with send", "involvement with cyp with send"),
    "contact": ("contact", "contact with cyp", "contact with cyp with send", "send contact", "cyp contact",
                "contact with children"),
    "assess": ("assess", "assessing", "contributes to assessing", "assessing planning", "contributes to assessing planning",
               "assesses or plans"),
    "lead": ("lead", "leads on send", "send lead", "leads send", "leading on send"),
    "designated": ("designated", "designated role", "dho", "designated officer"),
    "confidential": ("confidential", "confidential information", "handles confidential information"),
    "new-senco": ("new senco", "newly appointed senco", "new to senco", "new sendco"),
    "trained_on": ("training date", "last training", "last send training", "date trained", "completed", "completed on",
                   "send training date", "trained on"),
    "trained_level": ("training level", "level completed", "completed level", "send training level", "level trained"),
    "trained_minutes": ("minutes", "training minutes", "minutes completed", "cpd minutes"),
    "started_on": ("start date", "started", "date started", "start", "joined", "employment start"),
}
YES = {"yes", "y", "true", "1", "x", "✓"}
NO = {"no", "n", "false", "0"}
CONTACT_WORDS = {
    "none": "none", "no": "none", "never": "none", "no contact": "none", "n": "none",
    "some": "some", "occasional": "some", "occasionally": "some", "sometimes": "some", "rarely": "some", "yes": "some",
    "y": "some", "regular": "regular", "regularly": "regular", "daily": "regular", "every day": "regular",
    "weekly": "regular", "often": "regular", "frequent": "regular",
}
SECTOR_WORDS = {
    "health": "health", "nhs": "health", "hospital": "health", "gp": "health", "community health": "health",
    "school": "school", "academy": "school", "primary": "school", "secondary": "school", "special school": "school",
    "early years": "early-years", "early-years": "early-years", "nursery": "early-years", "pre-school": "early-years",
    "college": "college", "further education": "college", "fe": "college",
    "local authority": "local-authority", "local-authority": "local-authority", "council": "local-authority", "la": "local-authority",
    "elsewhere": "elsewhere", "somewhere else": "elsewhere", "other": "elsewhere",
}


@dataclass
class Row:
    number: int  # as a spreadsheet numbers it, the header being row 1
    cells: dict[str, str]
    problems: list[str] = field(default_factory=list)


@dataclass
class StaffList:
    mapping: dict[str, str]  # field -> the column it was read from
    columns: list[str]
    rows: list[Row]
    problems: list[str] = field(default_factory=list)  # about the file, not one row


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.casefold()).split())


def map_columns(columns: list[str]) -> dict[str, str]:
    """Each field to the column that best names it; exact names first, then close ones."""
    keys = {_key(c): c for c in columns if _key(c)}
    mapping: dict[str, str] = {}
    for name, aliases in COLUMNS.items():
        exact = next((keys[a] for a in aliases if a in keys and keys[a] not in mapping.values()), None)
        if exact:
            mapping[name] = exact
    for name, aliases in COLUMNS.items():
        if name in mapping:
            continue
        scores = [(max(fuzz.ratio(alias, key) for alias in aliases), column)
                  for key, column in keys.items() if column not in mapping.values()]
        score, column = max(scores, default=(0.0, ""))
        if score >= FUZZY_CUTOFF:
            mapping[name] = column
    return mapping


def _decode(data: bytes) -> tuple[str, list[int]]:
    """The text, and the line numbers that were not UTF-8 and were read as Windows-1252 instead."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        lines, odd = [], []
        for n, raw in enumerate(data.splitlines(keepends=True), 1):
            try:
                lines.append(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except UnicodeDecodeError:
                lines.append(raw.decode("cp1252", errors="replace"))
                odd.append(n)
        return "".join(lines), odd


def _csv_rows(data: bytes, limits: StaffLimits) -> tuple[Table, list[str]]:
    text, odd = _decode(data)
    return csv_table(text, limits), [f"line {n} was not UTF-8 text; it was read as Windows-1252" for n in odd]


def read(data: bytes, filename: str, limits: StaffLimits = WEB_LIMITS) -> StaffList:
    """Parse a staff list from its bytes, under the limits; the name's extension says CSV or .xlsx."""
    check_size(len(data), limits)
    if not data.strip():
        raise StaffListError("the file is empty")
    is_xlsx = Path(filename).suffix.casefold() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04"
    table, problems = (xlsx_table(data, limits), []) if is_xlsx else _csv_rows(data, limits)
    if not table:
        raise StaffListError("the file has no rows")
    columns = [c.strip() for c in table[0][1]]
    mapping = map_columns(columns)
    if "title" not in mapping:
        seen = ", ".join(f'"{c}"' for c in columns if c) or "none"
        raise StaffListError(f"no job title column found; the columns are: {seen}. Name one of them \"Job title\".")
    where = {name: columns.index(column) for name, column in mapping.items()}
    rows = [_row(number, r, where) for number, r in table[1:]]
    return StaffList(mapping, columns, rows, problems)


def _row(number: int, raw: list[str], where: dict[str, int]) -> Row:
    row = Row(number, {})
    for name, at in where.items():
        value = " ".join((raw[at] if at < len(raw) else "").split())
        if FORMULA.match(value) and not re.fullmatch(r"-?\d+(\.\d+)?", value):
            row.problems.append(f"{name.replace('_', ' ')} looks like a spreadsheet formula; it was not used")
            continue
        if len(value) > MAX_CELL:
            row.problems.append(f"{name.replace('_', ' ')} is over {MAX_CELL} characters; only the start was used")
            value = value[:MAX_CELL]
        if "\ufffd" in value or any(ord(ch) < 32 for ch in value):
            row.problems.append(f"{name.replace('_', ' ')} has characters that are not text; they were dropped")
            value = "".join(ch for ch in value if ch != "\ufffd" and ord(ch) >= 32)
        if value:
            row.cells[name] = value
    if "title" not in row.cells:
        row.problems.append("no job title")
    return row


MAX_PASTED = 50
BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")


def from_titles(text: str) -> StaffList:
    """A pasted list of job titles, one per line (bullets and numbers dropped), at most MAX_PASTED."""
    titles = [BULLET.sub("", line) for line in text.splitlines() if line.strip()]
    rows = [_row(n, [title], {"title": 0}) for n, title in enumerate(titles[:MAX_PASTED], 1)]
    problems = [f"only the first {MAX_PASTED} of {len(titles)} lines were read"] if len(titles) > MAX_PASTED else []
    return StaffList({"title": "pasted lines"}, ["pasted lines"], rows, problems)


def answers(row: Row) -> Iterator[tuple[str, str | None]]:
    """(fact, value) for each answer column the row fills; value None when it means nothing certain."""
    for fact in ("sector", "involvement", "contact", "assess", "lead", "designated", "confidential", "new-senco"):
        text = row.cells.get(fact, "").casefold()
        if not text:
            continue
        if fact == "sector":
            yield fact, SECTOR_WORDS.get(text)
        elif fact == "involvement":
            yield fact, text if text in INVOLVEMENT else None
        elif fact == "contact":
            yield fact, CONTACT_WORDS.get(text)
        else:
            yield fact, "yes" if text in YES else "no" if text in NO else None
