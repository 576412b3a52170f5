"""`send-guide report`: the content owners' report (`bot.report`) in the terminal, as a page and as a CSV."""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from bot.report import files as report_files
from bot.report import make_report
from knowledge.db import make_engine


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", required=True, type=dt.date.fromisoformat, help="the first day to report on, e.g. 2026-11-01")
    p.add_argument("--html", type=Path, help="also write the report as a page")
    p.add_argument("--csv", type=Path, help="also write it as a CSV")


def run(args: argparse.Namespace) -> int:
    engine = make_engine(args.database_url)
    try:
        report = make_report(engine, args.since)
    finally:
        engine.dispose()
    if args.html:
        args.html.write_text(report_files.to_html(report), encoding="utf-8")
    if args.csv:
        args.csv.write_text(report_files.to_csv(report), encoding="utf-8", newline="")
    if args.json:
        print(json.dumps([dict(zip(("section", "text", "value", "detail"), r)) for r in report_files.rows(report)], default=str))
        return 0
    print(f"{report.turns} messages since {report.since.isoformat()}; {sum(len(g) for g in report.unanswered)} not answered "
          f"in {len(report.unanswered)} groups; {len(report.low_confidence)} the model was unsure of; {len(report.feedback)} feedback.")
    for section, text, value, detail in report_files.rows(report):
        print(f"  {section}: {text} ({value}){' - ' + detail if detail else ''}")
    return 0
