"""A plan as a calendar file (.ics, made with icalendar), a printable page and plain text.

The calendar has one all-day event per date still to come, each with a reminder two weeks
before and its source in the description. The page escapes every value. Both are made from
`knowledge.plan.Plan`, so they give the dates the chat, the command line and the staff-list
check give.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
from typing import Dict, List

from icalendar import Alarm, Calendar, Event

from knowledge.local.calendar import LOCAL_SESSION
from knowledge.plan import Milestone, Plan, describe, not_counted_text
from knowledge.schema import Citation

PRODID = "-//SEND Training Guide//Training plan//EN"
REMIND_DAYS = 14
STATE_WORDS = {"done": "done", "late": "done late", "met": "met", "to do": "to do", "overdue": "overdue", "missed": "missed",
               "upcoming": "later"}


def to_come(plan: Plan) -> List[Milestone]:
    """The dates a reminder is for: still to do, not yet passed."""
    return [m for m in plan.milestones if m.state in ("to do", "upcoming") and m.due >= plan.as_of]


def summary(m: Milestone) -> str:
    return describe(m, dt.date.isoformat)


def source(c: Citation) -> str:
    return f'{c.title}, "{c.section}"'


def to_ics(plan: Plan) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"SEND training plan ({plan.level.name})")
    for m in to_come(plan):
        event = Event()
        key = f"{plan.level.id}|{plan.started_on}|{m.kind}|{m.starts}|{m.due}".encode()
        event.add("uid", hashlib.sha256(key).hexdigest()[:32] + "@send-training-guide")
        event.add("dtstamp", dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        event.add("dtstart", m.due)
        event.add("dtend", m.due + dt.timedelta(days=1))
        event.add("summary", f"SEND training due: {m.title}")
        event.add("description", f"{summary(m)}.\n{m.text}\nSource: {source(m.citation)}")
        event.add("categories", [m.kind])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"SEND training due in {REMIND_DAYS} days: {m.title}")
        alarm.add("trigger", dt.timedelta(days=-REMIND_DAYS))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def _sources(plan: Plan) -> Dict[tuple, int]:
    """One number per document section cited."""
    numbers: Dict[tuple, int] = {}
    for c in [m.citation for m in plan.milestones] + [t.citations[0] for t in plan.notes]:
        numbers.setdefault((c.title, c.section), len(numbers) + 1)
    return numbers


def _n(numbers: Dict[tuple, int], c: Citation) -> int:
    return numbers[(c.title, c.section)]


def to_text(plan: Plan) -> str:
    numbers = _sources(plan)
    lines = [f"Your SEND training plan: {plan.level.name}" + (f", starting {plan.started_on.isoformat()}" if plan.started_on else "")]
    lines += [f"- {summary(m)} [{STATE_WORDS[m.state]}] [{_n(numbers, m.citation)}]" for m in plan.milestones]
    lines += [f"Not counted: {not_counted_text(n, dt.date.isoformat)}" for n in plan.not_counted]
    lines += [f"{LOCAL_SESSION} {x}" for x in plan.sessions]
    lines += [f"This guide's reading: {r}" for r in plan.readings]
    lines += [f"Where the documents are silent: {t.statement} [{_n(numbers, t.citations[0])}]" for t in plan.notes]
    lines += ["Sources:"] + [f'[{n}] {title}, "{section}"' for (title, section), n in numbers.items()]
    return "\n".join(lines)


def to_html(plan: Plan) -> str:
    e = html.escape
    numbers = _sources(plan)
    rows = "".join(
        f"<tr><td>{e(m.title)}</td><td>{e(m.starts.isoformat()) + ' to ' if m.starts and m.kind == 'refresher' else ''}"
        f"{e(m.due.isoformat())}</td><td>{e(STATE_WORDS[m.state])}</td>"
        f"<td>{'' if m.minutes_required is None else f'{m.minutes_done} of {m.minutes_required}; {m.minutes_needed} needed'}</td>"
        f"<td>{e(m.text)} [{_n(numbers, m.citation)}]</td></tr>" for m in plan.milestones)
    not_counted = "".join(f"<li>{e(not_counted_text(n, dt.date.isoformat))}</li>" for n in plan.not_counted)
    readings = "".join(f"<li>{e(r)}</li>" for r in plan.readings)
    sessions = "".join(f"<li>{e(x)}</li>" for x in plan.sessions)
    notes = "".join(f"<li>{e(t.statement)} [{_n(numbers, t.citations[0])}]</li>" for t in plan.notes)
    quotes = {}
    for c in [m.citation for m in plan.milestones] + [t.citations[0] for t in plan.notes]:
        quotes.setdefault((c.title, c.section), dict.fromkeys([]))[c.quote] = None
    sources = "".join(f'<li value="{n}">{e(title)}, section "{e(section)}": ' + " ".join(f"<q>{e(q)}</q>" for q in quotes[(title, section)])
                      + "</li>" for (title, section), n in numbers.items())
    started = f", starting {e(plan.started_on.isoformat())}" if plan.started_on else ""
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SEND training plan: {e(plan.level.name)}</title>
<style>
body {{ font-family: system-ui, Arial, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; }}
th, td {{ border: 1px solid #505a5f; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body><main>
<h1>SEND training plan: {e(plan.level.name)}{started}</h1>
<p>Worked out on {e(plan.as_of.isoformat())} from the documents the SEND Training Guide is built on. Numbers in brackets are sources.</p>
<table><caption>Dates</caption><thead><tr><th scope="col">What</th><th scope="col">When</th><th scope="col">State</th>
<th scope="col">Minutes</th><th scope="col">What the documents say</th></tr></thead><tbody>{rows}</tbody></table>
{f'<h2>Training not counted</h2><ul>{not_counted}</ul>' if not_counted else ''}
{f"<h2>Your organisation's next sessions</h2><p>From your organisation's training calendar, not the documents.</p><ul>{sessions}</ul>" if sessions else ''}
{f"<h2>This guide's readings</h2><ul>{readings}</ul>" if readings else ''}
{f'<h2>Where the documents are silent</h2><ul>{notes}</ul>' if notes else ''}
<h2>Sources</h2><ol>{sources}</ol>
</main></body></html>
"""
