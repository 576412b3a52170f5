"""Retrieval measured on its own: for each held-out question with an answer in the documents, whether
the passages ranked first (1, 3, 5) hold everything a right answer matches. Two rankers over the same
passages (the curated content's and the documents' own paragraphs): the TF-IDF the assistant uses, and
BM25 (bm25s) with the headings and list lead-ins counted twice."""
from __future__ import annotations

import re
from typing import Callable, Dict, Iterable, List, Sequence

import numpy as np

from knowledge.schema import KnowledgeBase
from knowledge.indexed import Passage
from knowledge.search import ContentIndex
from knowledge.words import tokens as _tokens

Ranker = Callable[[str], Sequence[int]]


class Passages:
    """Both indexes' passages in one list, with the TF-IDF index that scores them."""

    def __init__(self, kb: KnowledgeBase) -> None:
        curated, sources = ContentIndex(kb), ContentIndex(kb, sources=True)
        self.curated, self.sources = curated, sources
        self.items: List[Passage] = curated.passages + sources.passages

    def tfidf(self, question: str) -> Sequence[int]:
        """The assistant's ranking: each index's cosine scores, side by side."""
        scores = [(ix.matrix @ ix.vectorizer.transform([ix.expand(question)]).T).toarray().ravel()
                  for ix in (self.curated, self.sources)]
        return list(np.argsort(-np.concatenate(scores), kind="stable"))

    def bm25(self, k1: float = 1.5, b: float = 0.5) -> Ranker:
        import bm25s

        fields = [" ".join(filter(None, (p.text, p.title, p.heading, p.heading, p.keywords, p.citation.section)))
                  for p in self.items]
        index = bm25s.BM25(k1=k1, b=b)
        index.index([_tokens(f) for f in fields], show_progress=False)
        known = set(index.vocab_dict)

        def rank(question: str) -> Sequence[int]:
            words = [w for w in _tokens(self.curated.expand(question)) if w in known]
            scores = index.get_scores(words) if words else np.zeros(len(self.items))
            return list(np.argsort(-scores, kind="stable"))
        return rank


def recall(passages: Passages, rank: Ranker, cases: Iterable[Dict], ks: Sequence[int] = (1, 3, 5)) -> Dict[int, float]:
    """Share of questions whose top-k passages (text, title and lead-in) match every expected pattern."""
    cases = [c for c in cases if c.get("doc") != "none"]
    hits = {k: 0 for k in ks}
    for case in cases:
        order = rank(case["say"])
        for k in ks:
            shown = "\n".join(" ".join(filter(None, (passages.items[n].text, passages.items[n].heading, passages.items[n].title)))
                              for n in order[:k])
            hits[k] += all(re.search(p, shown, re.IGNORECASE) for p in case["expect"])
    return {k: hits[k] / max(len(cases), 1) for k in ks}
