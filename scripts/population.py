"""Figures for the generated population (tests/population/): staff describing their jobs in composed
words, each answering every question from their own facts, against the documents' cohort rules.

    .venv/bin/python scripts/population.py [--size 5000] [--seed 2026] [--rest 300] [--show 10]

Prints, through the rules (as `send-guide level` and the staff-list check decide), and over the REST
channel of a served assistant for a sample (`--rest 0` skips it): the people, how many got a level the
documents do not support, how many were left without a level or a stated silence, and the questions
each was asked; then up to `--show` of the wrong ones and of those left without an answer.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.guide import Guide, build  # noqa: E402
from tests.population import over_rest, population, through_rules  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=5000, help="people through the rules")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--rest", type=int, default=300, help="people of another seed over REST (0: none)")
    parser.add_argument("--show", type=int, default=10, help="wrong answers to print")
    args = parser.parse_args()
    figures = through_rules(Guide.of(build()), population(args.size, args.seed))
    print(figures.line("through the rules"), flush=True)
    shown, unanswered = figures.wrong[: args.show], figures.unanswered[: args.show]
    if args.rest:
        from tests.services import served_assistant

        with served_assistant() as say:
            rest = over_rest(say, population(args.rest, args.seed + 1))
        print(rest.line("over REST"))
        shown += rest.wrong[: args.show]
        unanswered += rest.unanswered[: args.show]
    for said, got, want in shown:
        print(f"  wrong: {said!r}: {got!r} where the documents support {want}")
    for said in unanswered:
        print(f"  no level or stated silence: {said!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
