"""Resolve a role as people type it ("i'm a phsyiotherapist", "deputy DHO") to the catalogue.

Whole-word matches on names and aliases come first, longest first, so "deputy DHO" beats
"DHO" and "GP SEND lead" beats "SEND lead"; a role word followed by a job noun ("GP
receptionist") describes the job and is passed over. Typos fall back to rapidfuzz over
the text's word n-grams. Workplace phrases after "at"/"in" ("receptionist at a GP surgery") give a
sector hint and are removed first, so they never read as the role itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from rapidfuzz import fuzz, process

from knowledge.schema import Role

FUZZY_CUTOFF = 88  # rapidfuzz ratio; below this a near-miss is not trusted
MIN_FUZZY_LENGTH = 5  # short aliases (OT, TA, GP) must match exactly
MAX_ROLE_TEXT = 300  # a role is a few words; longer text is cut before matching

_PUNCT = re.compile(r"[^\w&'+/-]+")
_WORKPLACE_LEAD = r"(?:at|in|for|with|from|within)\s+(?:an?|the|my|our|a local)?\s*"


def normalise_role(text: str) -> str:
    """Lower case, ASCII apostrophes, punctuation to spaces, one space between words."""
    text = text[:MAX_ROLE_TEXT].replace("\u2019", "'").replace("\u2018", "'").casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


@dataclass(frozen=True)
class RoleMatch:
    """What the typed role resolved to; ``role`` is None when the catalogue does not know it."""

    typed: str | None
    role: Role | None = None
    matched: str | None = None
    score: float = 0.0
    sector_hint: str | None = None


def _pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w'])")


class RoleCatalogue:
    """The roles of the knowledge base, indexed by every name people use for them."""

    def __init__(self, roles: Iterable[Role], settings: Mapping[str, Iterable[str]], job_nouns: Iterable[str] = ()) -> None:
        self.by_alias: dict[str, Role] = {}
        for role in roles:
            for alias in (role.name, *role.aliases):
                self.by_alias[normalise_role(alias)] = role
        self._roles = _pattern(self.by_alias)
        self._setting_sector = {normalise_role(p): sector for sector, phrases in settings.items() for p in phrases}
        self._settings = re.compile(_WORKPLACE_LEAD + "(" + _pattern(self._setting_sector).pattern + ")")
        self._fuzzy_choices = [a for a in self.by_alias if len(a) >= MIN_FUZZY_LENGTH]
        nouns = sorted({normalise_role(n) for n in job_nouns}, key=len, reverse=True)
        self._job_noun = re.compile(r"\s+(?:" + "|".join(map(re.escape, nouns)) + r")(?![\w'])") if nouns else None

    def resolve(self, typed: str | None) -> RoleMatch:
        if not typed or not typed.strip():
            return RoleMatch(typed)
        text = normalise_role(typed)
        hint = None
        workplace = self._settings.search(text)
        if workplace:
            hint = self._setting_sector[workplace.group(1)]
            text = (text[: workplace.start()] + " " + text[workplace.end():]).strip()
        exact, describing = [], []
        for match in self._roles.finditer(text):
            (describing if self._describes_job(text, match.end()) else exact).append(match)
        for match in describing:  # "SENCO administrator": neither SENCO nor a near-miss of it
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end():]
        candidates = [(m.group(0), 100.0) for m in exact] + self._fuzzy(text)
        if not candidates:
            return RoleMatch(typed, sector_hint=hint)
        # The most specific name wins: "speech and langauge therapist" is not just "therapist".
        alias, score = max(candidates, key=lambda c: (len(c[0]), c[1]))
        return RoleMatch(typed, self.by_alias[alias], alias, score, hint)

    def _describes_job(self, text: str, end: int) -> bool:
        """True when a job noun follows the role word: in "GP receptionist" the GP is a workplace."""
        return bool(self._job_noun and self._job_noun.match(text, end))

    def _fuzzy(self, text: str) -> list[tuple[str, float]]:
        words = list(re.finditer(r"\S+", text))
        found = []
        for n in range(1, 6):
            for i in range(len(words) - n + 1):
                end = words[i + n - 1].end()
                gram = " ".join(w.group(0) for w in words[i : i + n])
                if len(gram) < MIN_FUZZY_LENGTH - 1 or self._describes_job(text, end):
                    continue
                best = process.extractOne(gram, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                if best:
                    found.append((best[0], best[1]))
        return found
