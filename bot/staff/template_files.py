"""HR's staff-list template (`knowledge.staff.template`) as an .xlsx with drop-down lists and a notes sheet, or a CSV."""
from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from knowledge.schema import KnowledgeBase
from knowledge.staff.template import TemplateColumn, columns, sources

ROWS = 5000  # the rows that carry the drop-down lists and checks


def _validation(column: TemplateColumn) -> DataValidation | None:
    if column.kind == "list":
        rule = DataValidation(type="list", formula1='"' + ",".join(column.options) + '"', allow_blank=True)
        rule.error, rule.prompt = f"Choose one of: {', '.join(column.options)}.", "Choose from the list, or leave empty."
    elif column.kind == "date":
        rule = DataValidation(type="date", operator="greaterThan", formula1="DATE(1990,1,1)", allow_blank=True)
        rule.error, rule.prompt = "Enter a date, for example 01/09/2025.", "A date."
    elif column.kind == "minutes":
        rule = DataValidation(type="whole", operator="between", formula1="1", formula2="10000", allow_blank=True)
        rule.error, rule.prompt = "Enter whole minutes between 1 and 10,000.", "Minutes, for example 90."
    else:
        return None
    rule.errorTitle, rule.promptTitle, rule.showErrorMessage, rule.showInputMessage = column.name, column.name, True, True
    return rule


def to_xlsx(kb: KnowledgeBase) -> bytes:
    made = columns(kb)
    book = Workbook()
    staff = book.active
    staff.title = "Staff"
    staff.append([c.name for c in made])
    staff.freeze_panes = "A2"
    for n, column in enumerate(made, 1):
        letter = get_column_letter(n)
        staff[f"{letter}1"].font = Font(bold=True)
        staff.column_dimensions[letter].width = max(14, len(column.name) + 4)
        rule = _validation(column)
        if rule:
            staff.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}{ROWS + 1}")
        if column.kind == "date":
            for row in range(2, ROWS + 2):
                staff[f"{letter}{row}"].number_format = "DD/MM/YYYY"
    notes = book.create_sheet("Notes")
    notes.append(["Column", "Allowed values", "What it answers", "Source"])
    for column in made:
        notes.append([column.name, ", ".join(column.options) or column.kind, column.note, sources(column)])
    for letter, width in zip("ABCD", (20, 40, 90, 60)):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in notes[1]:
        cell.font = Font(bold=True)
    book.properties.creator, book.properties.title = "SEND Training Guide", "SEND training staff list"
    book.properties.created = book.properties.modified = dt.datetime(2026, 1, 1)  # the same bytes for the same rules
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(kb: KnowledgeBase) -> str:
    """The same columns with no drop-downs: one header row; the notes sheet's text is in the .xlsx and the README."""
    out = io.StringIO()
    csv.writer(out).writerow([c.name for c in columns(kb)])
    return out.getvalue()
