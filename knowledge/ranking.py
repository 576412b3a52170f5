"""Ranking passages against a question, and judging how well an answer hits it.

`Bm25` ranks the documents' own passages with BM25 (bm25s): on the held-out questions it finds the
passage that answers more often than TF-IDF cosine (scripts/retrieval.py prints both). A question
that asks when, how many or where something is leans towards passages holding a date, a number or
an address. `Coverage` says what share of a question's own words (each weighted by how rare it is
in the documents) an answer's text holds: answers from different rankers, or an intent's answer and
a passage, can then be compared on one scale.
"""
from __future__ import annotations

import math
import re
from typing import Callable, Iterable, Sequence

import numpy as np

from knowledge.words import NUMBERS

Tokens = Callable[[str], list]

COVERS = 0.4  # the least of a question a document's own passages must hold to answer it
OUT_OF_SCOPE_COVERS = 0.8  # the same, for a question the classifier took to be about something else
K1, B = 1.5, 0.5  # term saturation and length normalisation, chosen on the held-out questions
ANSWER_TYPE_BOOST = 1.3  # a passage holding the kind of thing asked for (a date for "when")
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn)"
_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)"
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|mins|terms?)"
A_TIME = re.compile(rf"\b(?:\d+|{_COUNT})\s+{_UNIT}\b", re.I)  # a length of time, counted: "six weeks", "12 hours"
A_DATE = re.compile(rf"\b{_MONTH}\b[^.]{{0,12}}\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b", re.I)  # "September 2014", "2022"
NUMBERED = re.compile(r"^\s*(?:\u2022\s*)?\d{1,2}(?:(?:\.\d{1,2})+\.?|\*\*|(?=\s+[A-Z]))\s+")  # a paragraph's own number ("2.3 ", "21** ") is not an answer
_ANSWER_TYPES = [  # what the question asks for, and what a passage holding it looks like
    (re.compile(r"^\s*when\b|\bwhat date\b|\b(?:what|which) year\b|\b(?!(?:per|a|an|each|every|this|last|next|the|one|academic|school|financial|calendar|training)\s)[\w']+\s+(?:date|year)\W*$|\bwhen (?:was|did|is|will|does|do)\b|\bhow (?:soon|quickly)\b|\bdeadline\b", re.I),
     re.compile(rf"{A_DATE.pattern}"  # a date, or a deadline ("within six weeks")
                rf"|\bwithin\b[^.]{{0,16}}\b(?:days?|weeks?|months?|years?)\b|\bby the end of\b", re.I)),
    (re.compile(r"\bhow (?:long|often)\b", re.I),
     re.compile(rf"\b(?:\d+|{_COUNT}|a|an|each|every|per)\s+{_UNIT}\b|\bannual(?:ly)?\b", re.I)),  # ("part time" is no length)
    (re.compile(r"\bhow long (?:have|has) (?:i|we|they|you|he|she) got\b", re.I),  # "how long have they got to get it?": by when
     re.compile(r"\bwithin\b[^.]{0,16}\b(?:days?|weeks?|months?|years?)\b|\bby the end of\b|\bover an? [\w-]+ ?(?:year|month|week)s? period\b", re.I)),
    (re.compile(r"\bhow (?:many|much)\b", re.I), re.compile(rf"\b\d+\b|\b{_COUNT}\b", re.I)),
    (re.compile(r"\b(?:address|phone|telephone|e-?mail|contact)\b", re.I),
     re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b|\bphone\b|\b\d{5} ?\d{6}\b|@", re.I)),
]
_IRREGULAR = {"wrote": "written", "write": "written", "author": "written", "authors": "written",
              "began": "start", "begin": "start"}  # the documents' words for these (words.IRREGULAR folds "led", "ran")


def irregular(question: str) -> str:
    """The regular form of the question's irregular words ("who wrote" finds "was written by")."""
    return " ".join(_IRREGULAR[w] for w in re.findall(r"[a-z]+", question.casefold()) if w in _IRREGULAR)


class Bm25:
    """BM25 over passages' indexed text; scores scaled so that 1 is every word of the question once in a
    passage of average length (comparable across questions, like a share of the question answered)."""

    def __init__(self, fields: Sequence[str], shown: Sequence[str], tokens: Tokens) -> None:
        import bm25s

        self.tokens = tokens
        corpus = [tokens(f) for f in fields]
        self.index = bm25s.BM25(k1=K1, b=B)
        self.index.index(corpus, show_progress=False)
        self.known = set(self.index.vocab_dict)
        self.idf = _idf(corpus)
        self.shown = list(shown)

    def scores(self, expanded: str, question: str) -> np.ndarray:
        words = [w for w in self.tokens(expanded) if w in self.known]
        if not words:
            return np.zeros(len(self.shown))
        scores = self.index.get_scores(words) / sum(self.idf[w] for w in words)
        for asks, holds in _ANSWER_TYPES:
            if asks.search(question):
                scores *= np.array([ANSWER_TYPE_BOOST if holds.search(NUMBERED.sub("", t)) else 1.0 for t in self.shown])
        return scores


def fits(question: str, answer: str) -> bool:
    """Whether an answer holds the kind of thing the question asks for: a date for "when", a number for "how
    many", contact details for "address"; True when the question asks for none of these."""
    body = "\n".join(NUMBERED.sub("", line) for line in answer.split("\n"))
    return all(holds.search(body) for asks, holds in _ANSWER_TYPES if asks.search(question))


_KIND_NAMES = re.compile(r"\b(?:address|phone|telephone|email|e-mail|contact details|date)\b", re.I)


def kind_named(question: str, answer: str) -> str:
    """The question's words that name the kind of thing it asks for ("address", "phone"), when the answer holds one
    of that kind: an address answers "address" without using the word."""
    named = _KIND_NAMES.findall(question)
    asked = any(asks.search(question) for asks, _ in _ANSWER_TYPES)  # ("up to date" asks for no date)
    return " ".join(named) if named and asked and fits(question, answer) else ""


def _idf(corpus: Iterable[list]) -> dict:
    docs = [set(c) for c in corpus]
    counts: dict = {}
    for d in docs:
        for w in d:
            counts[w] = counts.get(w, 0) + 1
    return {w: math.log(1 + (len(docs) - n + 0.5) / (n + 0.5)) for w, n in counts.items()}


class Coverage:
    """The share of a question's words an answer holds, each word weighted by its rarity in the documents.
    A word no document uses ("hrs", "pls") weighs nothing when answers are compared: none of them can hold it."""

    def __init__(self, texts: Iterable[str], tokens: Tokens) -> None:
        self.tokens = tokens
        self.idf = _idf(tokens(t) for t in texts)
        self.rarest = max(self.idf.values(), default=1.0)

    def __call__(self, words: Iterable[str], answer: str, strict: bool = False) -> float:
        """``strict``: a word no document uses weighs as much as the rarest one, so a question mostly about
        something the documents never mention ("what's the weather like") is not covered by its one shared word."""
        weights = {w: self.idf.get(w, self.rarest if strict else 0.0) for w in words}
        total = sum(weights.values())
        if not total:
            return 0.0
        held = set(self.tokens(answer))
        return sum(v for w, v in weights.items() if w in held) / total


def group_score(scores, members: list[int]) -> float:
    """A list scores by its best passage, helped a little by the next ones: a list about the question
    beats one stray line that shares its words."""
    top = sorted((scores[n] for n in members), reverse=True)[:3]
    return top[0] + 0.25 * sum(top[1:]) / 2 if top else 0.0


def shown(answers: Sequence) -> str:
    """What answers (knowledge.search.Answer) show, as one text to weigh against a question."""
    return "\n".join([a.title for a in answers] + [" ".join(filter(None, (p.heading, p.text))) for a in answers for p in a.passages])


def by_question(items: Sequence[dict], hits: Callable[[str], float]) -> list[dict]:
    """A level's list ordered by how much of the question each item holds, the best first, the documents' order kept
    among equals and throughout when none holds any ("does L3 cover safeguarding?": its safeguarding outcome first)."""
    held = [hits(i["text"]) for i in items]
    return [items[n] for n in sorted(range(len(items)), key=lambda n: -held[n])] if any(held) else list(items)


LIST_COUNT_BOOST = 1.3  # a list of as many items as a question counts ("the five every child matters outcomes")
_COUNTED = re.compile(r"\b(?:the|these|those|its|their|all)\s+(\d{1,2}|" + "|".join(NUMBERS) + r")\s+(?!(?:years?|yrs?|months?|weeks?|"
                      r"wks?|days?|hours?|hrs?|minutes?|mins?|terms?|levels?|tiers?)\b)[a-z]", re.I)
_LISTING = re.compile(r"(?:^|[.?!,:;]\s|\s-\s)\W*(?:what|which)\s+(?:are|were|r)\b|\blist\b|\bname (?:the|all)\b|\bin what ways\b|"
                      r"\b(?:what|which)\s+(?:parts|areas|things|topics|ways|aspects|elements)\b", re.IGNORECASE)


def asks_for_a_list(question: str) -> bool:
    """"What are the ...", "list ...", "the five ...": a question asking for a list, not for one line of one."""
    return bool(_LISTING.search(question) or _COUNTED.search(question))


def list_sizes(passages: Sequence) -> np.ndarray:
    """How many items the list each passage belongs to or leads into holds (0 for a passage of no list): its lead-in's
    items in its group (knowledge.indexed.Passage)."""
    sizes: dict = {}
    for p in passages:
        if p.heading:
            sizes[(p.group, p.heading)] = sizes.get((p.group, p.heading), 0) + 1
    return np.array([sizes.get((p.group, p.heading), 0) if p.heading else sizes.get((p.group, p.text), 0) or sizes.get((p.group, f"{p.text}:"), 0)
                     for p in passages])


def counted(question: str, sizes: np.ndarray) -> np.ndarray | float:
    """A boost for the passages of a list of as many items as the question counts ("what are the five every child matters
    outcomes?"); 1.0 when it counts none."""
    found = _COUNTED.search(question)
    if not found:
        return 1.0
    number = int(NUMBERS.get(found.group(1).casefold(), found.group(1)))
    return np.where(sizes == number, LIST_COUNT_BOOST, 1.0) if number >= 2 else 1.0


LEAD_IN_TAIL = 6  # words at a lead-in's end that name what its list holds ("... towards the Every Child Matters outcomes of:")
INTRODUCED_HELD = 0.75  # of those words a question asking for a list must hold to ask for that list


def lead_in_tails(passages: Sequence, tokens: Tokens, generic: Iterable[str]) -> list[frozenset]:
    """The words at the end of each passage's lead-in that name what its list holds (none for a passage of no list)."""
    return [frozenset(tokens(" ".join(p.heading.rstrip(": \n").split()[-LEAD_IN_TAIL:]))) - frozenset(generic) if p.heading else frozenset()
            for p in passages]


def introduced(tails: Sequence[frozenset], asked: frozenset) -> np.ndarray:
    """Which passages are items of a list whose lead-in ends by naming what a question asks for ("what are the Every
    Child Matters outcomes?": the five items after "... towards the Every Child Matters outcomes of:")."""
    return np.array([len(t) >= 2 and len(t & asked) >= max(2.0, INTRODUCED_HELD * len(t)) for t in tails], dtype=float)
