"""`send-guide staff`: check a whole staff list, or write HR's template for one (`--template FILE.xlsx` or `.csv`)."""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from knowledge.guide import Guide
from knowledge.staff.files import COMMAND_LINE_LIMITS, LimitExceeded, check_size


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, nargs="?", help="the staff list, with a job title column")
    p.add_argument("--template", type=Path, metavar="FILE.xlsx",
                   help="instead, write an empty staff list with the columns the check reads (.xlsx with drop-down lists, or .csv)")
    p.add_argument("--out", type=Path, help="the CSV report to write")
    p.add_argument("--html", type=Path, help="also write a printable HTML report with a chart")
    p.add_argument("--questions", type=Path, help="also write the questions to ask, one line per person with one open (CSV)")
    p.add_argument("--as-of", type=lambda v: dt.date.fromisoformat(v), help="date training is judged on (default today)")
    p.add_argument("--due-days", type=int, default=60, help="training due within this many days is amber (default 60)")
    p.add_argument("--limit", action="append", metavar="NAME=VALUE",
                   help=f"raise a limit (repeatable); the defaults are {COMMAND_LINE_LIMITS.describe()}, "
                        f"{COMMAND_LINE_LIMITS.memory_megabytes:,} MB of memory and {COMMAND_LINE_LIMITS.part_megabytes:g} MB "
                        "per part of an .xlsx; names: " + ", ".join(f.name for f in dataclasses.fields(COMMAND_LINE_LIMITS)))


def _template(args: argparse.Namespace) -> int:
    from bot.staff import template_files as staff_template_files

    kb = Guide.open(args.database_url).kb
    if args.template.suffix.casefold() == ".csv":
        args.template.write_text(staff_template_files.to_csv(kb), encoding="utf-8", newline="")
    else:
        args.template.write_bytes(staff_template_files.to_xlsx(kb))
    print(f"Wrote the staff-list template: {args.template}. Fill in a row per person; the notes sheet explains each column.")
    return 0


def run(args: argparse.Namespace) -> int:
    """A staff list in, a CSV (and optional HTML and questions) report out, checked in a worker process under the limits."""
    from bot.staff import worker as staff_worker

    if args.template:
        return _template(args)
    if not args.file or not args.out:
        print("send-guide: staff needs a FILE and --out REPORT.csv (or --template FILE.xlsx)", file=sys.stderr)
        return 2
    try:
        limits = COMMAND_LINE_LIMITS.raised(args.limit or [])
        with args.file.open("rb") as file:  # at most one byte over the limit, whatever the file is
            data = file.read(int(limits.file_megabytes * 2**20) + 1)
        check_size(len(data), limits)
        report = asyncio.run(staff_worker.check(data, args.file.name, limits, args.database_url, args.out,
                                                args.html, args.as_of, args.due_days, progress=True, questions=args.questions))
    except (OSError, ValueError, staff_worker.WorkerUnavailable) as error:  # StaffListError is a ValueError, as is a bad --limit
        print(f"send-guide: cannot check {args.file.name}: {error}", file=sys.stderr)
        if isinstance(error, LimitExceeded):
            print("send-guide: raise a limit with --limit NAME=VALUE, for example --limit rows=2000000", file=sys.stderr)
        return 2 if type(error) is ValueError else 1
    print("Columns used: " + ", ".join(f"{k.replace('_', ' ')} <- \"{v}\"" for k, v in report["columns"].items()), file=sys.stderr)
    for note in report["notes"]:
        print(f"note: {note}", file=sys.stderr)
    levels = ", ".join(f"{k}: {v}" for k, v in sorted(report["per_level"].items()))
    print(f"{report['rows']} rows ({levels}); {len(report['open_questions'])} kinds of open question; "
          f"{report['unrecognised_total']} unrecognised titles; {report['rows_with_problems']} rows with problems. "
          f"Report: {args.out}" + "".join(f", {p}" for p in (args.html, args.questions) if p))
    for question, people, who in report["open_for"]:
        print(f"  open for {people}: {question} ({who})")
    return 0
