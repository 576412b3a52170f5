"""How many questions the rules ask before a determination: over the challenge set's people, and
over every name and alias in the role catalogue for every combination of answers.

    .venv/bin/python scripts/questions.py

Each person answers truthfully, as in tests/rules_helpers.py (the same code the tests use).
"""
from __future__ import annotations

import itertools
import statistics
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.content_loader import load_content  # noqa: E402
from knowledge.guide import Guide  # noqa: E402
from knowledge.schema import FACT_VALUES  # noqa: E402
from knowledge.sources import seeds_dir  # noqa: E402
from tests.rules_helpers import Person, converse, person  # noqa: E402


def _summary(name: str, counts: list[int]) -> str:
    spread = ", ".join(f"{n} questions: {c}" for n, c in sorted(Counter(counts).items()))
    return f"{name}: {len(counts)} conversations; median {statistics.median(counts):g}, maximum {max(counts)} ({spread})"


def main() -> None:
    guide = Guide.of(load_content())
    cases = yaml.safe_load((seeds_dir().parent / "challenge" / "roles.yml").read_text(encoding="utf-8"))
    challenge = [len(converse(guide, c["say"], person(c["truth"]))[0].asked) for c in cases]
    facts = ("sector", "contact", "assess", "lead", "designated", "confidential", "new-senco")
    truths = [dict(zip(facts, values)) for values in itertools.product(*(FACT_VALUES[f] for f in facts))]
    catalogue, named = [], []
    for role in guide.kb.roles:
        for name in (role.name, *role.aliases):
            asked = [len(converse(guide, name, Person(truth))[0].asked) for truth in truths]
            catalogue += asked
            named.append(max(asked))
    print(_summary("Challenge set", challenge))
    print(_summary("Every catalogue name and alias, every combination of answers", catalogue))
    print(f"Most questions for any one catalogue name: {max(named)}; names answered with no question at all: "
          f"{sum(1 for n in named if n == 0)} of {len(named)}")


if __name__ == "__main__":
    main()
