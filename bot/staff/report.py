"""Staff-list reports: a CSV safe to open in a spreadsheet, and a printable HTML page with a chart.

Every cell is written as text: one that a spreadsheet would run as a formula (starting with
=, +, -, @, tab or carriage return) is prefixed with an apostrophe. The HTML escapes every value
and draws its chart as inline SVG, so the report opens anywhere with nothing fetched.
"""
from __future__ import annotations

import csv
import html
import io
from collections import Counter, defaultdict
from typing import Iterable, List, Sequence

from knowledge.schema import FACT_VALUES
from knowledge.staff import READING, Assessment, Summary
from knowledge.staff.template import HEADERS

HEADER = ["Row", "Name or staff id", "Department", "Job title", "Matched role", "Level or tier", "Induction", "Refresher",
          "SENCO National Award", "Open question", "Statement", "Source", "Training status", "Training detail",
          "Minutes still needed", "Induction due by", "Period ends", "National Award due by", "Row problems"]
RISKY = ("=", "+", "-", "@", "\t", "\r")
RAG = {"compliant": "green", "due": "amber", "overdue": "red", "never trained": "red", "not assessed": "grey"}


def safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(RISKY) else text


def _cells(a: Assessment) -> List[object]:
    t, plan = a.training, a.plan
    dates = [m.due.isoformat() if m else None for m in ((plan.first("induction"), plan.current_period(), plan.first("senco-award"))
                                                        if plan else (None, None, None))]
    return [a.row, a.person, a.department, a.title, a.role, a.level, a.induction, a.refresher, a.senco_award, a.open_question,
            a.statement, a.source, t.status if t else None, t.detail if t else None, t.minutes_needed if t else None, *dates,
            "; ".join(a.problems)]


def write_csv(assessments: Iterable[Assessment], out: io.TextIOBase) -> None:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for a in assessments:
        writer.writerow([safe(c) for c in _cells(a)])


QUESTIONS_HEADER = ["Row", "Name or staff id", "Department", "Job title", "Question to ask", "Column to fill", "Allowed values", "Source"]


def write_questions(assessments: Iterable[Assessment], out: io.TextIOBase) -> None:
    """One line per person with a question open: what to ask them and where their answer goes in the template."""
    writer = csv.writer(out)
    writer.writerow(QUESTIONS_HEADER)
    for a in assessments:
        if a.open_question:
            fact = a.open_fact or ""
            c = a.citation
            writer.writerow([safe(v) for v in (a.row, a.person, a.department, a.title, a.open_question, HEADERS.get(fact, fact),
                                                ", ".join(FACT_VALUES.get(fact, ())), f'{c.title}, "{c.section}"' if c else "")])


def open_for(assessments: Iterable[Assessment], most: int = 50) -> List[tuple]:
    """(question, people, who): for each open question, the people it is open for, by name or row, the first `most`."""
    people: dict = defaultdict(list)
    for a in assessments:
        if a.open_question:
            people[a.open_question].append(a.person or f"row {a.row}")
    return [(q, len(who), ", ".join(who[:most]) + (f" and {len(who) - most} more" if len(who) > most else ""))
            for q, who in sorted(people.items(), key=lambda item: -len(item[1]))]


def _chart(per_level: Counter) -> str:
    """A horizontal bar chart of people per level, as accessible inline SVG."""
    items = sorted(per_level.items(), key=lambda kv: (-kv[1], kv[0]))
    top, bar, height = max(per_level.values(), default=1), 360, 28
    rows = []
    for n, (label, count) in enumerate(items):
        y, width = n * height, max(2, round(bar * count / top))
        rows.append(f'<text x="0" y="{y + 19}" font-size="14">{html.escape(label)}</text>'
                    f'<rect x="170" y="{y + 5}" width="{width}" height="18" fill="#005ea5"></rect>'
                    f'<text x="{176 + width}" y="{y + 19}" font-size="14">{count}</text>')
    description = "; ".join(f"{label}: {count}" for label, count in items)
    return (f'<svg role="img" aria-labelledby="chart-title chart-desc" width="600" height="{len(items) * height + 10}" '
            f'viewBox="0 0 600 {len(items) * height + 10}"><title id="chart-title">People per level</title>'
            f'<desc id="chart-desc">{html.escape(description)}</desc>{"".join(rows)}</svg>')


def _table(header: Sequence[str], rows: Iterable[Sequence[object]], classes: Sequence[str] = ()) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
    body = []
    for n, row in enumerate(rows):
        cls = f' class="{classes[n]}"' if n < len(classes) and classes[n] else ""
        body.append(f"<tr{cls}>" + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in row) + "</tr>")
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _training_by_department(assessments: List[Assessment]) -> str:
    counts: dict = defaultdict(Counter)
    for a in assessments:
        if a.training:
            counts[a.department or "(no department)"][a.training.status] += 1
    if not counts:
        return ""
    statuses = list(RAG)
    rows = [[dept, *[c[s] for s in statuses]] for dept, c in sorted(counts.items())]
    worst = ["red" if c["overdue"] + c["never trained"] else "amber" if c["due"] else "green" if c["compliant"] else ""
             for _, c in sorted(counts.items())]
    return ("<h2>Training by department</h2>"
            f"<p>Red: overdue or never trained; amber: due within the chosen days; green: compliant. {html.escape(READING)}</p>"
            + _table(["Department", *[s.capitalize() for s in statuses]], rows, worst))


def write_html(assessments: List[Assessment], summary: Summary, mapping: dict, out: io.TextIOBase) -> None:
    questions = _table(["Open question", "People", "Open for"], open_for(assessments))
    unknown = _table(["Job title", "People"], summary.unrecognised_titles.most_common(50))
    columns = _table(["Read as", "Column"], [(k.replace("_", " "), v) for k, v in mapping.items()])
    out.write(f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SEND training: staff list report</title>
<style>
body {{ font-family: system-ui, Arial, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; }}
th, td {{ border: 1px solid #505a5f; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }}
tr.red td {{ background: #f6d7d2; }} tr.amber td {{ background: #fff2cc; }} tr.green td {{ background: #cce2d8; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>SEND training: staff list report</h1>
<p>{summary.rows} rows; {summary.rows_with_problems} with a problem (listed in the CSV report). Levels come from the same
rules and documents as the SEND Training Guide assistant; where a person's answer is missing, the question is shown instead
of a level.</p>
<h2>People per level</h2>
{_chart(summary.per_level)}
<h2>Questions still open</h2>
{questions}
<h2>Job titles not recognised</h2>
<p>These go through the questions like anyone else; the catalogue has no entry for them.</p>
{unknown}
{_training_by_department(assessments)}
<h2>Columns used</h2>
{columns}
</body></html>
""")
