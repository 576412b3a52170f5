"""A person's reflection records as a CSV (safe to open in a spreadsheet) and a printable page."""
from __future__ import annotations

import csv
import html
import io
from typing import Sequence

from bot.staff.report import safe
from knowledge.records import Record
from knowledge.schema import Citation, Topic


def _header(topic: Topic) -> list[str]:
    return [i.text.rstrip(":") for i in topic.items[:5]] + ["Minutes", "Level"]


def _row(r: Record, level_names: dict) -> list[object]:
    return [r.day.isoformat(), r.topic, r.learned, r.relates, r.practice, r.minutes, level_names.get(r.level_id, "")]


def to_csv(held: Sequence[Record], topic: Topic, level_names: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_header(topic))
    for r in held:
        writer.writerow([safe(c) for c in _row(r, level_names)])
    return out.getvalue()


def to_html(held: Sequence[Record], topic: Topic, level_names: dict) -> str:
    e = html.escape
    header = _header(topic)
    cite: Citation = topic.items[0].citation
    blocks = "".join(
        "<section><h2>" + e(f"{r.day.isoformat()}: {r.topic}") + "</h2><dl>" +
        "".join(f"<dt>{e(h)}</dt><dd>{e(str(v))}</dd>" for h, v in zip(header[1:], _row(r, level_names)[1:])) + "</dl></section>"
        for r in held) or "<p>No records yet.</p>"
    minutes = sum(r.minutes for r in held)
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Education, training and learning reflection record</title>
<style>
body {{ font-family: system-ui, Arial, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
section {{ border-top: 1px solid #505a5f; padding-top: 0.5rem; break-inside: avoid; }} dt {{ font-weight: bold; }} dd {{ margin: 0 0 0.5rem; }}
</style></head><body><main>
<h1>Education, training and learning reflection record</h1>
<p>{len(held)} records, {minutes} minutes in all. The headings are those of {e(cite.title)}, "{e(cite.section)}".</p>
{blocks}
</main></body></html>
"""
