"""A question's words as the documents spell them: a word mended to the nearest the documents use ("inclusoin"), never to
a name from a near miss ("weather" is not "Heather"), and whether they use a word with another ending ("referring")."""
from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import fuzz, process

from knowledge.words import IGNORED, WORD, phrased

SPELT = 85  # how near a word must be to one of the documents' to be taken for it
NAME_SPELT = 90  # and to a name of theirs, unless a slip of the same length and first letter: no everyday word becomes one
_NAMED = re.compile(r"(?<=[a-z,] )[A-Z][a-z'-]+")  # a capital after a word in lower case: a name, not a line's first word


class Spelling:
    """The words of some texts (the passages a search ranks), as a question's words are compared with them."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self.words = {w for t in texts for w in WORD.findall(phrased(t))}  # "elearning", as questions have it
        self.vocabulary = sorted(w for w in self.words if len(w) >= 5 and w not in IGNORED)  # never "mended" into "whether"
        lower = {w for t in texts for w in WORD.findall(t)}
        self.names = (self.words - lower) & {m.casefold() for t in texts for m in _NAMED.findall(t)}
        self.bases = {b for w in self.words for b in _bases(w)}  # what finds a word in another form

    def spelt(self, word: str) -> str:
        """The documents' word nearest a word they do not use, or the word itself."""
        if len(word) < 5 or word in self.words or word in IGNORED:
            return word
        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=SPELT)
        near = best and (best[1] >= NAME_SPELT or best[0][0] == word[0] and abs(len(best[0]) - len(word)) <= 1)  # not "visits"
        return best[0] if best and (best[0] not in self.names or near) else word  # as "Visitors", "weather" as "Heather"

    def another_form(self, word: str) -> bool:
        """Whether the texts hold a word in another form: the same stem of five letters or more with another ending
        ("referring" as "referral", "clinician" as "clinical", "starter" as "start"; not "medicine" as "medical")."""
        return bool(_bases(word) & self.bases)


ENDINGS = ("s", "es", "e", "y", "ies", "ed", "ing", "er", "ers", "or", "ors", "ion", "ions", "ation", "ations", "al", "ally", "ly",
           "ment", "ments", "ist", "ists", "ian", "ians", "able", "ably", "ate", "ated", "age", "ity", "ive", "ism", "ent", "ence",
           "ency", "ant", "ance", "ory", "atory", "ic", "is")
_DOUBLED = re.compile(r"([bdgklmnprt])\1$")  # "referr" (referral, referring) is "refer"


def _bases(word: str) -> set[str]:
    """A word and what is left of it without each ending it has, of five letters or more, a doubled last letter single."""
    bases = {word} | {word[: -len(e)] for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= 5}
    return bases | {b[:-1] for b in bases if _DOUBLED.search(b) and len(b) > 5}
