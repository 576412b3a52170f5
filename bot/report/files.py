"""The content owners' report as a page and as a CSV. Everything shown is escaped (the page) or made
safe to open in a spreadsheet (the CSV): stored messages and comments are whatever people typed."""
from __future__ import annotations

import csv
import html
import io
from typing import Iterable, Iterator

from bot.report import Report
from bot.staff.report import safe


def rows(report: Report) -> Iterator[tuple[str, str, object, str]]:
    """(section, text, count or value, detail) for every line of the report."""
    for g in report.unanswered:
        yield "not answered", g[0], len(g), " | ".join(dict.fromkeys(g[1:]))
    for text, intent, confidence in report.low_confidence:
        yield "low confidence", text, confidence, f"read as {intent}" if intent else ""
    for f in report.feedback:
        yield "feedback", f["comment"], f["rating"], f"{f['at']}; question: {f['question']}; answer: {f['answer']}"
    for (week, channel), levels in report.levels.items():
        for level, people in levels.most_common():
            yield "levels given", level, people, f"{week} {channel}"
    for text, n in report.most_asked:
        yield "most asked", text, n, ""
    for title, owner, n in report.documents:
        yield "organisation's document cited", title, n, owner
    for text, n, where in report.answerable:
        yield "not answered, now in an organisation's document", text, n, where


def to_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Section", "Text", "Count or value", "Detail"])
    for row in rows(report):
        writer.writerow([safe(c) for c in row])
    return out.getvalue()


def _table(caption: str, head: Iterable[str], body: list[Iterable[object]], empty: str) -> str:
    e = html.escape
    if not body:
        return f"<h2>{e(caption)}</h2><p>{e(empty)}</p>"
    cells = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in body)
    heads = "".join(f'<th scope="col">{e(h)}</th>' for h in head)
    return f"<h2>{e(caption)}</h2><table><thead><tr>{heads}</tr></thead><tbody>{cells}</tbody></table>"


def to_html(report: Report) -> str:
    e = html.escape
    parts = [
        _table("Questions the assistant could not answer, grouped by similar wording", ["Times asked", "Wording", "Similar wordings"],
               [(len(g), g[0], "; ".join(dict.fromkeys(g[1:]))) for g in report.unanswered], "None."),
        _table("Turns the model was unsure of", ["Message", "Read as", "Confidence"], report.low_confidence, "None."),
        _table("Feedback", ["Date", "Rating", "Comment", "Question", "Answer"],
               [(f["at"], f["rating"], f["comment"], f["question"], f["answer"]) for f in report.feedback], "None."),
        _table("Levels given, per week and channel", ["Week", "Channel", "Level", "People"],
               [(w, c, lv, n) for (w, c), levels in report.levels.items() for lv, n in levels.most_common()], "None."),
        _table("Most asked", ["Message", "Times"], report.most_asked, "None."),
        _table("Your organisation's documents: times an answer cited each", ["Document", "Owner", "Times cited"],
               report.documents, "No documents of the organisation are added (send-guide documents add)."),
        _table("Questions not answered that your organisation's documents answer now", ["Wording", "Times asked", "Answered by"],
               report.answerable, "None."),
    ]
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SEND Training Guide: content owners' report</title>
<style>
body {{ font-family: system-ui, Arial, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #505a5f; padding: 0.3rem; text-align: left; vertical-align: top; }}
</style></head><body><main>
<h1>Content owners' report</h1>
<p>{report.turns} messages since {e(report.since.isoformat())}, from the conversations still kept. No sender ids are shown.</p>
{"".join(parts)}
</main></body></html>
"""
