"""How well the trained model reads messages it never saw: per-intent precision and recall on the
held-out file (tests/nlu/heldout.yml, written apart from the training data and never copied into
it), and optionally 3-fold cross-validation on the training data.

    send-guide nlu [--cross-validation]
"""
from __future__ import annotations

import json
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List

import yaml

from bot.serve import ROOT, environment, rasa

HELD_OUT = ROOT / "tests" / "nlu" / "heldout.yml"
TRAINING = ROOT / "data" / "nlu"


@dataclass(frozen=True)
class IntentScore:
    intent: str
    precision: float
    recall: float
    f1: float
    support: int


def examples(path: Path) -> Dict[str, List[str]]:
    """Each intent's example sentences in a Rasa NLU file, annotations removed."""
    found: Dict[str, List[str]] = {}
    for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
        if "intent" in block:
            lines = [line[2:].strip() for line in str(block.get("examples", "")).splitlines() if line.strip().startswith("- ")]
            found.setdefault(block["intent"], []).extend(_plain(line) for line in lines)
    return found


def _plain(example: str) -> str:
    """An annotated example as typed: "[GP](role)" and "[x]{...}" become their text."""
    return re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", example)


def overlap(held_out: Path = HELD_OUT, training: Path = TRAINING) -> List[str]:
    """Held-out sentences that also appear in the training data (case and spacing ignored): should be none."""
    def key(text: str) -> str:
        return " ".join(text.casefold().split())
    seen = {key(e) for f in sorted(training.glob("*.yml")) for group in examples(f).values() for e in group}
    return sorted(e for group in examples(held_out).values() for e in group if key(e) in seen)


def held_out_scores(model: Path, held_out: Path = HELD_OUT) -> List[IntentScore]:
    """Per-intent scores of the trained model on the held-out file, with Rasa's own `rasa test nlu`."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(rasa("test", "nlu", "--nlu", str(held_out), "--model", str(model), "--out", out, "--no-plot"),
                              cwd=ROOT, env=environment(), capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        return _scores(json.loads((Path(out) / "intent_report.json").read_text(encoding="utf-8")))


def cross_validation_scores(folds: int = 3) -> List[IntentScore]:
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(rasa("test", "nlu", "--nlu", str(TRAINING), "--config", "config.yml", "--cross-validation", "--folds",
                                   str(folds), "--out", out, "--no-plot"),
                              cwd=ROOT, env=environment(), capture_output=True, text=True, timeout=7200)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        return _scores(json.loads((Path(out) / "intent_report.json").read_text(encoding="utf-8")))


def _scores(report: Dict[str, dict]) -> List[IntentScore]:
    return [IntentScore(name, r["precision"], r["recall"], r["f1-score"], int(r["support"]))
            for name, r in sorted(report.items()) if isinstance(r, dict) and "precision" in r]


def table(scores: Iterable[IntentScore]) -> str:
    rows = [f"{'intent':<24}{'precision':>10}{'recall':>8}{'f1':>7}{'n':>6}"]
    rows += [f"{s.intent:<24}{s.precision:>10.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.support:>6}" for s in scores]
    return "\n".join(rows)
