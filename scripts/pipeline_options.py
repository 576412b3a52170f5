"""Measures NLU pipeline options side by side: training time from an empty cache and held-out intent F1.

    .venv/bin/python scripts/pipeline_options.py [--only NAME ...] [--out docs/pipeline-options.md]

Each option is config.yml's pipeline with some settings changed. Its NLU model is trained with
`rasa train nlu` into a temporary folder with a cache of its own (so nothing is reused from an earlier
run, as on a fresh clone), then scored with `rasa test nlu` on tests/nlu/heldout.yml. The table is
printed and, with --out, written as Markdown with the command and the date.
"""
from __future__ import annotations

import argparse
import copy
import datetime
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import nlu_report  # noqa: E402
from bot.serve import environment, rasa  # noqa: E402

Pipeline = List[Dict[str, Any]]


def _set(name: str, **settings: Any) -> Callable[[Pipeline], Pipeline]:
    """Changes the settings of every component called `name`."""
    def change(pipeline: Pipeline) -> Pipeline:
        return [{**c, **settings} if c["name"] == name else c for c in pipeline]
    return change


def _features(words: int, chars: tuple) -> Callable[[Pipeline], Pipeline]:
    """Word n-grams up to `words`, character n-grams over `chars` (low, high)."""
    def change(pipeline: Pipeline) -> Pipeline:
        out = []
        for c in pipeline:
            if c["name"] == "CountVectorsFeaturizer":
                c = {**c, "min_ngram": chars[0], "max_ngram": chars[1]} if c.get("analyzer") == "char_wb" else {**c, "max_ngram": words}
            out.append(c)
        return out
    return change


def _classifiers(*components: Dict[str, Any], lexical: bool = False) -> Callable[[Pipeline], Pipeline]:
    """The intent classifier and entity extractor of config.yml replaced by `components`; with `lexical`,
    the LexicalSyntacticFeaturizer (token features only DIET reads) is added after the tokenizer."""
    def change(pipeline: Pipeline) -> Pipeline:
        out: Pipeline = []
        for c in pipeline:
            if c["name"] == "LogisticRegressionClassifier":
                out += list(components)
            elif c["name"] != "CRFEntityExtractor":
                out.append(c)
            if c["name"] == "WhitespaceTokenizer" and lexical:
                out.append({"name": "LexicalSyntacticFeaturizer"})
        return out
    return change


def _diet(epochs: int, **settings: Any) -> Dict[str, Any]:
    return {"name": "DIETClassifier", "epochs": epochs, "constrain_similarities": True, "random_seed": 1, **settings}


LR = {"name": "LogisticRegressionClassifier", "random_state": 1}
CRF = {"name": "CRFEntityExtractor"}
OLD_FEATURES = _features(1, (1, 4))  # the featurizers before issue 22

OPTIONS: Dict[str, List[Callable[[Pipeline], Pipeline]]] = {
    "config.yml: LogisticRegression (words 1-2, chars 2-5, 100 iterations), CRF entities": [],
    "LogisticRegression (words 1, chars 1-4), CRF entities": [OLD_FEATURES],
    "LogisticRegression (words 1-2, chars 2-5), 1,000 iterations": [_set("LogisticRegressionClassifier", max_iter=1000)],
    "DIET 100 epochs, intents and entities (before issue 22)": [OLD_FEATURES, _classifiers(_diet(100), lexical=True)],
    "DIET 30 epochs, intents and entities": [OLD_FEATURES, _classifiers(_diet(30), lexical=True)],
    "DIET 40 epochs without a transformer": [OLD_FEATURES, _classifiers(_diet(40, number_of_transformer_layers=0), lexical=True)],
    "DIET 30 epochs for intents, CRF entities": [OLD_FEATURES, _classifiers(_diet(30, entity_recognition=False), CRF, lexical=True)],
    "LogisticRegression intents, DIET 30 epochs for entities": [
        OLD_FEATURES, _classifiers(_diet(30, intent_classification=False), LR, lexical=True)],
}


def pipeline_of(option: str) -> Dict[str, Any]:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    pipeline = copy.deepcopy(config["pipeline"])
    for change in OPTIONS[option]:
        pipeline = change(pipeline)
    return {**config, "pipeline": pipeline, "policies": []}


def measure(option: str) -> Dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "config.yml"
        config.write_text(yaml.safe_dump(pipeline_of(option), sort_keys=False), encoding="utf-8")
        env = {**environment(), "RASA_CACHE_DIRECTORY": str(Path(folder) / "cache")}
        started = time.monotonic()
        subprocess.run(rasa("train", "nlu", "--nlu", "data/nlu", "--config", str(config), "--out", folder,
                            "--fixed-model-name", "option"), cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.monotonic() - started
        scores = {s.intent: s for s in nlu_report.held_out_scores(Path(folder) / "option.tar.gz")}
    return {"option": option, "seconds": seconds, "f1": scores["weighted avg"].f1,
            "lowest": min((s for s in scores.values() if s.intent not in {"weighted avg", "macro avg", "micro avg"}),
                          key=lambda s: s.f1)}


def markdown(rows: List[Dict[str, Any]], command: str) -> str:
    lines = [f"Measured on {datetime.date.today().isoformat()} with `{command}` "
             f"({os.cpu_count()} cores, empty training cache, NLU only).", "",
             "| option | training (s) | held-out intent F1 (weighted) | lowest intent F1 |", "|---|---:|---:|---|"]
    lines += [f"| {r['option']} | {r['seconds']:.0f} | {r['f1']:.3f} | {r['lowest'].intent} {r['lowest'].f1:.2f} |"
              for r in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(OPTIONS), help="measure these options only")
    parser.add_argument("--out", type=Path, help="also write the table as Markdown to this file")
    args = parser.parse_args()
    rows = []
    for option in args.only or list(OPTIONS):
        rows.append(measure(option))
        row = rows[-1]
        print(f"{row['option']:<55} {row['seconds']:>6.0f} s  F1 {row['f1']:.3f}", flush=True)
    table = markdown(rows, " ".join(["scripts/pipeline_options.py", *sys.argv[1:]]))
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
