"""`send-guide plan`: a person's training plan from their role, start date and training done.

The level comes from the same rules as the chat (`Guide.decide`); the dates from
`knowledge.plan.make_plan`, as for the chat's plan and the staff-list check.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict

from bot import text
from bot.plan import files as plan_files
from knowledge.answers import to_dict
from knowledge.guide import Guide
from knowledge.plan import has_dates, make_plan, not_counted_text
from knowledge.plan.input import PlanInputError, read_date, read_training
from knowledge.rules import Determination, Profile
from knowledge.schema import FACT_VALUES


def arguments(p: argparse.ArgumentParser, fact_help: dict) -> None:
    p.add_argument("--role", required=True, help="the job role as the person says it")
    for fact in FACT_VALUES:
        p.add_argument(f"--{fact}", choices=FACT_VALUES[fact], dest=fact.replace("-", "_"), help=fact_help.get(fact))
    p.add_argument("--started", required=True, help="the date you started in the post, e.g. 2025-09-01 or 1 September 2025")
    p.add_argument("--done", action="append", default=[], metavar="ENTRY",
                   help='training done, repeatable: "90 minutes Level 2 on 2025-03-03"')
    p.add_argument("--as-of", type=lambda v: dt.date.fromisoformat(v), help="the date the plan is worked out on (default today)")
    p.add_argument("--ics", type=argparse.FileType("wb"), help="also write the dates still to come as a calendar file")
    p.add_argument("--html", type=argparse.FileType("w", encoding="utf-8"), help="also write a printable page with the sources")


def run(args: argparse.Namespace) -> int:
    guide = Guide.open(args.database_url)
    profile = Profile.of(args.role, **{f.replace("-", "_"): getattr(args, f.replace("-", "_")) for f in FACT_VALUES})
    outcome = guide.decide(profile)
    if not isinstance(outcome, Determination):
        print(f"send-guide: the plan needs an answer first (--{outcome.question.asks}):\n" + text.question(to_dict(outcome)),
              file=sys.stderr)
        return 2
    if not has_dates(outcome.level, outcome.senco_award_required):
        said = (f"{outcome.level.name}: the documents set no hours, induction or refresher period for it, and the National Award "
                "rule does not apply" if outcome.level else (outcome.reasons[0].text if outcome.reasons else "no level is set"))
        print(f"send-guide: {said}. There are no dates to plan.", file=sys.stderr)
        return 2
    try:
        started = read_date(args.started)
        done = [d for entry in args.done for d in read_training(guide.kb.levels, entry)]
    except PlanInputError as error:
        print(f"send-guide: {error}", file=sys.stderr)
        return 2
    plan = make_plan(guide.kb, outcome.level, started, done, args.as_of or dt.date.today(), outcome.senco_award_required,
                     [x.shown() for x in outcome.sessions])
    if args.ics:
        args.ics.write(plan_files.to_ics(plan))
    if args.html:
        args.html.write(plan_files.to_html(plan))
    if args.json:
        print(json.dumps({"level": plan.level.name, "started": str(plan.started_on), "as_of": str(plan.as_of),
                          "not_counted": [not_counted_text(n, dt.date.isoformat) for n in plan.not_counted],
                          "milestones": [{**{k: v for k, v in asdict(m).items() if k != "citation"},
                                          "source": plan_files.source(m.citation)} for m in plan.milestones],
                          "readings": list(plan.readings), "notes": [t.statement for t in plan.notes]}, default=str, indent=2))
    else:
        print(plan_files.to_text(plan))
    return 0
