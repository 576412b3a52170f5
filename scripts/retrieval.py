"""Retrieval recall on the held-out questions (tests/answers/heldout.yml): TF-IDF cosine against BM25
(bm25s) with list lead-ins counted twice, each ranking every passage (the curated lists' and the
documents' own). BM25 finds the answer more often, so the assistant ranks the documents' own passages
with it; the curated lists keep TF-IDF, whose scores the topic answers are tuned on.

    .venv/bin/python scripts/retrieval.py

Prints recall at 1, 3 and 5 for each: the share of questions whose first passages hold everything a
right answer matches.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.content_loader import load_content  # noqa: E402
from tests.answers import held_out  # noqa: E402
from tests.answers.retrieval import Passages, recall  # noqa: E402


def main() -> int:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    passages, cases = Passages(load_content()), held_out()
    print(f"{len([c for c in cases if c.get('doc') != 'none'])} held-out questions with an answer in the documents; "
          f"{len(passages.items)} passages ({len(passages.curated.passages)} curated, {len(passages.sources.passages)} the documents' own)")
    for name, rank in (("TF-IDF cosine", passages.tfidf), ("BM25, k1 1.5, b 0.5, lead-ins x2", passages.bm25())):
        found = recall(passages, rank, cases)
        print(f"{name}: " + ", ".join(f"recall@{k} {v:.1%}" for k, v in found.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
