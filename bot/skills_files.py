"""A person's self-assessment as a printable page with its sources, and as a CSV (safe in a spreadsheet)."""
from __future__ import annotations

import csv
import html
import io

from bot.staff.report import safe
from knowledge.schema import Citation
from knowledge.skills import Summary, counts_text


def _source(c: Citation) -> str:
    return f'{c.title}, "{c.section}"'


def to_csv(summary: Summary, ratings: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Part", "Kind", "Statement", "Rating", "Source"])
    for area in summary.framework.areas:
        for s in area.statements:
            writer.writerow([safe(c) for c in (area.title, s.kind, s.text, ratings.get(s.id, "not rated"), _source(s.citation))])
    return out.getvalue()


def to_html(summary: Summary, ratings: dict) -> str:
    e = html.escape
    fw = summary.framework
    parts = "".join(
        f"<section><h2>{e(a.area.title)}</h2><p>{e(counts_text(a.counts))}</p><table><thead><tr><th scope=\"col\">Statement</th>"
        "<th scope=\"col\">Your rating</th><th scope=\"col\">Source</th></tr></thead><tbody>" +
        "".join(f"<tr><td>{e(s.text)}</td><td>{e(ratings.get(s.id, 'not rated'))}</td><td>{e(_source(s.citation))}</td></tr>"
                for s in a.area.statements) + "</tbody></table></section>" for a in summary.areas)
    work = "".join(f"<li>{e(s.text)} ({e(r)})</li>" for a in summary.areas for s, r in a.to_work_on) or "<li>Nothing rated partly or not yet.</li>"
    training = "".join(
        f"<li>{e(t.text)}" + (f' <a href="{e(t.url)}">{e(t.url)}</a>' if t.url else "") +
        (f" <small>({e(_source(t.citation))})</small>" if t.citation else "") + "</li>" for t in summary.training)
    readings = "".join(f"<li>{e(r)}</li>" for r in summary.readings)
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Self-assessment: {e(fw.title)}</title>
<style>
body {{ font-family: system-ui, Arial, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #505a5f; padding: 0.3rem; text-align: left; vertical-align: top; }}
section {{ break-inside: avoid; }}
</style></head><body><main>
<h1>Self-assessment: {e(fw.title)}</h1>
<p>{summary.rated} of {len(fw.statements)} statements rated. "{e(fw.purpose.text)}" ({e(_source(fw.purpose.citation))})</p>
<h2>To work on</h2><ul>{work}</ul>
<h2>Training the documents suggest</h2><ul>{training}</ul>
<h2>This guide's readings, where the documents are silent</h2><ul>{readings}</ul>
{parts}
</main></body></html>
"""
