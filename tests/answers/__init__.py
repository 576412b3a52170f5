"""Questions asked on demand and what a right answer matches: the challenge set's and four held-out sets
written from the five documents alone by someone who had not read knowledge/content/ (heldout.yml, fresh.yml
and probe.yml, whose failures were read while working, and unseen.yml, whose failures are not), and a scorer
that asks each over a channel and checks the reply."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List

import yaml

from tests.conversation import reply_text

HERE = Path(__file__).resolve().parent
HELD_OUT, FRESH, UNSEEN, PROBE = HERE / "heldout.yml", HERE / "fresh.yml", HERE / "unseen.yml", HERE / "probe.yml"
Replies = List[Dict[str, Any]]


def held_out(path: Path = HELD_OUT) -> List[Dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Result:
    say: str
    missing: tuple[str, ...]  # the patterns the reply did not match
    reply: str

    @property
    def right(self) -> bool:
        return not self.missing


def ask_all(say: Callable[[str, str], Replies], cases: Iterable[Dict[str, Any]]) -> List[Result]:
    """Each question in a conversation of its own; right when the reply matches every expected pattern."""
    results = []
    for n, case in enumerate(cases):
        reply = reply_text(say(f"question-{n}", case["say"]))
        missing = tuple(p for p in case["expect"] if not re.search(p, reply, re.IGNORECASE))
        results.append(Result(case["say"], missing, reply))
    return results
