"""A question's words as the documents spell them: a word mended to the nearest the documents use ("inclusoin"), never to
a name from a near miss ("weather" is not "Heather"), and whether they use a word in another form ("referring")."""
from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import fuzz, process

from knowledge.words import IGNORED, WORD, phrased

SPELT = 85  # how near a word must be to one of the documents' to be taken for it
NAME_SPELT = 90  # and to a name of theirs ("lincolnshre"), which no everyday word should become ("weather", "Heather Sandy")
_NAMED = re.compile(r"(?<=[a-z,] )[A-Z][a-z'-]+")  # a capital after a word in lower case: a name, not a line's first word


class Spelling:
    """The words of some texts (the passages a search ranks), as a question's words are compared with them."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self.words = {w for t in texts for w in WORD.findall(phrased(t))}  # "elearning", as questions have it
        self.vocabulary = sorted(w for w in self.words if len(w) >= 5 and w not in IGNORED)  # never "mended" into "whether"
        lower = {w for t in texts for w in WORD.findall(t)}
        self.names = (self.words - lower) & {m.casefold() for t in texts for m in _NAMED.findall(t)}
        self.begun = frozenset(w[:n] for w in self.words for n in range(5, len(w) + 1))  # what finds a word in another form

    def spelt(self, word: str) -> str:
        """The documents' word nearest a word they do not use, or the word itself."""
        if len(word) < 5 or word in self.words or word in IGNORED:
            return word
        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=SPELT)
        return best[0] if best and (best[0] not in self.names or best[1] >= NAME_SPELT) else word

    def another_form(self, word: str) -> bool:
        """Whether the texts hold a word in another form: one that begins as it does for all but its last three letters,
        and at least five ("referring" as "referral", "calculated" as "calculation", "intro" as "introduction")."""
        return word[: max(5, len(word) - 3)] in self.begun
