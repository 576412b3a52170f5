"""Resolve a role as people type it ("i'm a phsyiotherapist", "SEND lead at a primary school")
to the catalogue, keeping every word that changes who is meant.

1. Names and aliases match as whole words, longest first, so "deputy DHO" beats "DHO". A match
   is not that role when a job noun follows ("GP receptionist" is a receptionist), a word
   such as "deputy" comes before ("deputy SENCO" is not the SENCO), the role is someone the
   person works for or with ("I book appointments for the GPs", "I support the SEND lead",
   "part of SLT"), a modifier such as "head" goes on into a longer title ("head nurse", "head
   of year", "principal clinical psychologist"), another role name follows straight after
   ("principal physiotherapist"), or it stands in brackets ("electrician (HV authorised)").
   Several roles may be named ("school nurse and SEND lead").
2. Typos: the remaining words against aliases of as many words, word by word, each within a
   small edit distance where a swapped pair of letters counts once. A different word is
   never a typo: "continuing healthcare assessor" is not a "continuing care assessor".
3. Workplace phrases ("at an NHS trust", "in a day nursery") give a sector hint; they never
   read as the role. Two different workplaces give none.
4. What the person says of themselves in the same words ("... and I'm the SEND lead") is kept
   as answers, unless negated just before or said of someone else ("I support the SEND lead").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from knowledge.answer_words import IN_A_DEPARTMENT
from knowledge.schema import Role, Wording
from knowledge.typos import slips as _slips
from knowledge.workplaces import DETERMINERS as _DETERMINERS, NEGATION as _NEGATION, PLACE_WORDS as _PLACE_WORDS, Workplaces, \
    phrase_pattern as _pattern, words_of as _words

MAX_ROLE_TEXT = 300  # a role is a few words; longer text is cut before matching
RESOLVED_CACHE = 4096  # typed roles remembered, with what they resolved to

MAX_TAKEN = 60  # characters of the person's own title shown back to them
_LEAD_IN = re.compile(rf"^(?:{IN_A_DEPARTMENT}"
                      r"|i'm|i\u2019m|i am|im|i work as|my (?:job|role|title) is)?\s*(?:actually\s|really\s)?(?:an?\s|the\s)?", re.IGNORECASE)
# Corrections, and greetings, before a role: "sorry, I got that wrong, I'm actually ...", "Hi, I'm ...".
_CORRECTION = (r"sorry|oops|no|nope|wait|correction|my mistake|my bad|i got (?:that|it|my job|my role) wrong|i made a mistake|"
               r"that's (?:wrong|not right)|that is (?:wrong|not right)|actually|i meant|i mean")
_CORRECTS = re.compile(r"^\s*(?:" + _CORRECTION + r")\b", re.IGNORECASE)
_CORRECTING = re.compile(r"\b(?:actually|i mean|i meant|correction)\b", re.IGNORECASE)
GREETED = r"(?:\s+(?:there|all|everyone|folks|guys))?"  # "hi there", "morning all": whom a greeting is to, not a job
GREETINGS = r"hi|hello|hiya|hey|good (?:morning|afternoon)|morning"
_GREETING = re.compile(r"^\s*(?:(?:" + GREETINGS + "|" + _CORRECTION + r")" + GREETED + r"\b[\s,!.:;-]*)+",
                       re.IGNORECASE)
_HEAD_END = re.compile(r"\s(?:at|in|on|for|with|within|from|based|who|and|but|i|i'm|working|alongside|supporting|helping|"
                       r"what|what's|whats|which|how|when|where|why)\s", re.IGNORECASE)  # ("data manager what tier am i")
_NO_TITLE = re.compile(r"\b(?:told|said|says|reckons?)\b", re.IGNORECASE)  # a sentence of what others said, before the job told
_ROLE_SAID = re.compile(r"\b(?:i'?m|i am|im) (?:an?|the)\s|\bi work as\b|\bmy (?:job|role|title) is\b", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w&'+/-]+")
_FIRST_PERSON = {"i", "we", "i'm", "im", "we're"}
_SELF = {"role", "job", "title", "post", "position", "i", "this"}  # "my role is SENCO" is the person's own
_POSSESSIVES = {"my", "his", "her", "their", "our", "your"}  # "my wife is a SENCO" is someone else
_OTHER_PEOPLE = {"he", "she", "they", "he's", "she's"}
_CHANGED = {"moved", "moving", "switched", "changed", "transferred", "stepped", "promoted", "went", "gone", "came", "come", "retrained"}
# The job someone has moved to, shown back: "last year I was a TA but this September I moved to be our school's receptionist"
_NOW_IN = re.compile(r"\b(?:(?:moved|switched|changed|transferred|stepped down|gone|went)\s+(?:(?:jobs?|roles?|posts?)\s+)?from\b[^,.;!?]{1,80}?\bto(?: be(?:come)?)?"
                     r"|(?:moved|switched|transferred|gone|went)\s+(?:(?:jobs?|roles?|posts?)\s+)?to (?:be|become)|(?:i'?m|i am) now(?= (?:an?|the|our|my)\s)"
                     r"|(?:became|i'?ve become)(?= (?:an?|the|our)\s))\s+(?:(?:an?|the|our|my)\s+)?", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
_ADULTS = re.compile(r"(?<![\w'])adults?(?![\w'])")


def corrects(typed: str, anywhere: bool = False) -> bool:
    """Whether a message starts as a correction: "sorry, I'm actually a midwife", "no, I work in a school"; ``anywhere``:
    or says one further on ("I'm actually a teacher at a primary school", "... I mean")."""
    return bool(_CORRECTS.match(typed or "") or anywhere and _CORRECTING.search(typed or ""))


def normalise_role(text: str) -> str:
    """Lower case, ASCII apostrophes, punctuation to spaces, one space between words."""
    text = text[:MAX_ROLE_TEXT].replace("\u2019", "'").replace("\u2018", "'").casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


@dataclass(frozen=True)
class RoleMatch:
    """What the typed role says: the catalogue roles it names (most specific first), the
    workplace it names, and facts stated in the person's own words."""

    typed: str | None
    roles: tuple[Role, ...] = ()
    matched: str | None = None
    score: float = 0.0
    sector_hint: str | None = None
    said: Mapping[str, str] = field(default_factory=dict)
    adults: bool = False
    quotes: Mapping[str, str] = field(default_factory=dict)  # the person's words for each fact in ``said``
    profession: str | None = None  # the sector of a profession named that the catalogue does not know ("a nurse": health)

    @property
    def role(self) -> Role | None:
        return self.roles[0] if self.roles else None

    @property
    def taken(self) -> str | None:
        """The role this guide took from the words, to show back: the catalogue's name, or the head of the
        person's own description ("receptionist" from "receptionist, I book appointments for the GPs")."""
        if self.role:
            return self.role.name
        typed = _GREETING.sub("", (self.typed or "")[:MAX_ROLE_TEXT])
        moved = [m for m in _NOW_IN.finditer(typed)]
        typed = typed[moved[-1].end():] if moved else typed
        sentences = re.split(r"(?<=[.?!])\s+", typed.strip())
        while len(sentences) > 1 and _NO_TITLE.search(sentences[0]) and _ROLE_SAID.search(sentences[1]) and not _ROLE_SAID.search(sentences[0]):
            sentences = sentences[1:]  # "HR told me Level 2. I'm a hospital chaplain ...": the job comes after
        typed = " ".join(sentences)
        clause = re.split(r"[,.;:!?\n()]|\s[-\u2013]\s", typed.strip())[0]
        clause = clause.split(" as a ", 1)[-1].split(" as an ", 1)[-1]
        clause = _LEAD_IN.sub("", clause.strip(), count=1)
        head = _HEAD_END.split(f" {clause} ", 1)[0].strip()
        head = re.sub(r"(?:\s+(?:here|now|then|currently|too|myself))+$", "", head, flags=re.IGNORECASE)  # "paramedic here"
        return head[:MAX_TAKEN] or None


class RoleCatalogue:
    """The roles of the knowledge base, indexed by every name people use for them."""

    def __init__(self, roles: Iterable[Role], wording: Wording | None = None) -> None:
        wording = wording or Wording()
        self.job_words = (*wording.job_words, *wording.job_nouns)  # the words a job title ends in ("manager", "assistant")
        self.by_alias: dict[str, Role] = {}
        for role in roles:
            for alias in (role.name, *role.aliases):
                self.by_alias[normalise_role(alias)] = role
                if re.fullmatch(r"[A-Z]{2,6}", alias):  # a short form's plural names the role too: "DHOs"
                    self.by_alias.setdefault(normalise_role(alias) + "s", role)
        self._roles = re.compile(_pattern(self.by_alias))
        self._by_words: dict[int, list[tuple[str, list[str]]]] = {}
        for alias in self.by_alias:
            self._by_words.setdefault(len(alias.split()), []).append((alias, alias.split()))
        self._places = Workplaces({normalise_role(p): s for s, phrases in wording.settings.items() for p in phrases},
                                  {normalise_role(p): s for s, phrases in wording.settings_after.items() for p in phrases})
        nouns = {normalise_role(n) for n in wording.job_nouns}
        self._job_noun = re.compile(r"\s+" + _pattern(nouns)) if nouns else None
        self._one_word_nouns = [n.split() for n in sorted(nouns) if " " not in n]  # for typos: "HV elecrtician"
        self._not_before = {normalise_role(w) for w in wording.not_before}
        self._object_markers = {normalise_role(w) for w in wording.object_markers}
        self._object_prepositions = {normalise_role(w) for w in wording.object_prepositions}
        self._modifiers = {normalise_role(w) for w in wording.modifiers}
        self._professions = [(s, re.compile(_pattern(normalise_role(w) for w in ws))) for s, ws in wording.professions.items()]
        self._needs_setting = {normalise_role(a): sector for sector, aliases in wording.needs_setting.items() for a in aliases}
        self._title_ends = re.compile(r"\s*(?:$|" + _PLACE_WORDS + r"\s|" + _pattern(self._places.sector_of) + ")")
        self._said = [(re.compile(r"(?<![\w'])(?:" + x.pattern + r")(?![\w'])"), x.fact, x.value,
                       re.compile(r"(?<![\w'])(?:" + x.context + r")(?![\w'])") if x.context else None, x.answer_only) for x in wording.said]

        # One conversation turn resolves the same words several times; typo matching is most of the cost.
        self.resolve = functools.lru_cache(maxsize=RESOLVED_CACHE)(self._resolve)

    def _resolve(self, typed: str | None, answering: bool = False) -> RoleMatch:
        """``answering``: the words answer the question of a fact, so words read only as an answer count too."""
        if not typed or not typed.strip():
            return RoleMatch(typed)
        text = normalise_role(_BRACKETS.sub(" ", typed[:MAX_ROLE_TEXT]))  # what is in brackets qualifies, it is not the role
        found: list[tuple[str, float, tuple[int, int]]] = []
        exact, named = self._exact(text)
        exact_spans = {s for _, _, s in exact}
        blocked = [span for span in named if span not in exact_spans]  # someone else's role, or a past one
        # The most specific name first: "speech and langauge therapist" is not just "therapist".
        for alias, score, span in sorted(exact + self._typos(text), key=lambda f: (-len(f[0]), -f[1])):
            if not any(span[0] < b and a < span[1] for a, b in [s for _, _, s in found] + blocked):
                found.append((alias, score, span))
        blanked = _blank(text, named + [s for _, _, s in found])  # a role's words are not a workplace: "I cover for the school nurse"
        bracketed = " ".join(normalise_role(b) for b in _BRACKETS.findall(typed[:MAX_ROLE_TEXT]))
        workplace = self._places.sector(f"{blanked} {bracketed}")
        found = [f for f in found if self._needs_setting.get(f[0], workplace) == workplace]  # "SLT" alone, or in a school
        roles = tuple(dict.fromkeys(self.by_alias[alias] for alias, _, _ in found))
        professed = [s for s, words in self._professions  # "a nurse in a special school": health; not "veterinary nurse", "ex-nurse"
                     if any(not self._someone_else(blanked, m.start(), m.end()) for m in words.finditer(blanked))]
        best = found[0] if found else (None, 0.0, None)
        # Where the person's clauses begin in the normalised text (its punctuation is gone): a fact counts in its own clause.
        starts = [len(normalise_role(typed[: m.start()])) for m in re.finditer(r"[,.;:!?\n]|\bbut\b", typed[:MAX_ROLE_TEXT])]
        stated = self._stated(text, _blank(text, named), starts, answering)
        return RoleMatch(typed, roles, best[0], best[1], workplace,
                         {fact: value for fact, (value, _) in stated.items()}, bool(_ADULTS.search(text)),
                         {fact: _clause(typed, words) for fact, (_, words) in stated.items()},
                         professed[0] if len(professed) == 1 and not roles else None)

    def _exact(self, text: str) -> tuple[list[tuple[str, float, tuple[int, int]]], list[tuple[int, int]]]:
        """Whole-word matches that name the person's role, and the spans of every role word that is not
        part of a workplace ("GP surgery")."""
        matches = list(self._roles.finditer(text))
        places = [m.span(1) for m in self._places.settings.finditer(text)]
        found, named = [], []
        for n, m in enumerate(matches):
            followed = n + 1 < len(matches) and not text[m.end(): matches[n + 1].start()].strip()
            if any(a <= m.start() and m.end() <= b and b - a > m.end() - m.start() for a, b in places):
                continue
            named.append(m.span())
            if not (followed or self._describes_job(text, m.end()) or self._someone_else(text, m.start(), m.end())):
                found.append((m.group(0), 100.0, m.span()))
        return found, named

    def _describes_job(self, text: str, end: int) -> bool:
        """True when a job noun follows the role word, typos and all: in "GP receptionist" the GP is a
        workplace, and in "HV elecrtician" HV is high voltage."""
        if self._job_noun and self._job_noun.match(text, end):
            return True
        following = text[end:].split(None, 1)
        return bool(following) and text[end:end + 1].isspace() and any(_slips(following[:1], noun) for noun in self._one_word_nouns)

    def _someone_else(self, text: str, start: int, end: int, alias: str | None = None) -> bool:
        """True for "deputy SENCO", "ex-SENCO", "head of year", "support the SEND lead": the words name
        another role, or someone the person works for or with."""
        before = _words(text[:start])
        if before and before[-1] in self._not_before:
            return True
        if _another_or_past(before) or self._works_with(before):
            return True
        return (alias or text[start:end]) in self._modifiers and not self._title_ends.match(text, end)

    def _works_with(self, before: list[str]) -> bool:
        """Whether the words before a role make it the object: "for the", "with", "support the"."""
        said_i = bool(_FIRST_PERSON & set(before))
        if before and before[-1] in _DETERMINERS:
            before = before[:-1]
        return bool(before) and (before[-1] in self._object_markers or " ".join(before[-2:]) in self._object_markers
                                 or (said_i and before[-1] in self._object_prepositions))

    def _typos(self, text: str) -> list[tuple[str, float, tuple[int, int]]]:
        words = list(re.finditer(r"\S+", text))
        found = []
        for n, aliases in self._by_words.items():
            for i in range(len(words) - n + 1):
                gram = [w.group(0) for w in words[i: i + n]]
                start, end = words[i].start(), words[i + n - 1].end()
                if self._describes_job(text, end) or self._someone_else(text, start, end):
                    continue
                best = min(((sum(d), alias) for alias, parts in aliases if (d := _slips(gram, parts)) is not None), default=None)
                if best and not self._someone_else(text, start, end, best[1]):
                    found.append((best[1], 100.0 - 10 * best[0], (start, end)))
        return found

    def _stated(self, text: str, without_roles: str, starts: Sequence[int] = (), answering: bool = False) -> dict[str, tuple[str, str]]:
        """Facts the person stated of themselves, each with their words for it; a context ("SEND") counts only
        outside a role's name ("the SEND lead"), and words read only as an answer (``answer_only``) only when ``answering``."""
        said: dict[str, tuple[str, str]] = {}
        unsettled = set()  # "newly appointed senco after 4 years as senco elsewhere": time said with the job leaves it open
        for pattern, fact, value, context, answer_only in self._said:
            if context and not context.search(without_roles):
                continue
            if answer_only and not answering:
                unsettled |= {fact} if pattern.search(text) else set()
                continue
            for m in pattern.finditer(text):
                before, clause = _words(text[: m.start()]), text[max((s for s in starts if s <= m.start()), default=0): m.start()]
                if not (_NEGATION & set(before[-3:]) or (before and before[-1] in self._not_before)  # "deputy SEND lead"
                        or _another_or_past(before) or _of_another(clause) or _WISHED.search(clause)  # "my trainer is the SEND
                        # lead", "our head leads on it"; "is there a leadership role for SEND I could take on?", "if I see ..."
                        or self._works_with(before) and not _ACTIVITY.search(m.group(0))):  # "I support the SEND lead"
                    said.setdefault(fact, (value, m.group(0)))
        return {fact: stated for fact, stated in said.items() if fact not in unsettled}


# A fact wished for, asked about or supposed, not stated: "I'd like a leadership role for SEND", "would I need level 2 if I see ..."
_WISHED = re.compile(r"\b(?:like|want|wants|wanting|hope|hoping|apply|applying|applied for|thinking of|considering|is there|are there|"
                     r"there's|there is|if|whether|suppose|imagine|can't say|cannot say)\b")
# A fact stated as what the person does, not whom: "a GP with clinical leadership for SEND" is no "I work with the SEND lead"
_ACTIVITY = re.compile(r"\b(?:leadership|leading|leads? (?:on|for|in))\b")


def _clause(typed: str, words: str) -> str:
    """The part of what the person typed that holds these (normalised) words: "I work with children with SEND every day"."""
    for clause in re.split(r"[,.;:!?\n()]+|\s[-\u2013]\s", typed[:MAX_ROLE_TEXT]):
        if words in normalise_role(clause):
            return clause.strip()
    return words


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _another_or_past(before: list[str]) -> bool:
    """ "I used to be a teacher", "I was a TA", "not a teacher", "my wife is a SENCO": a past role, one the
    person is not, or someone else's ("my trainer is the practice lead for SEND": a word or two may stand between)."""
    cut = next((n for n in (-1, -2, -3) if len(before) >= -n and before[n] in _DETERMINERS), None)
    if cut is not None and (cut == -1 or len(before) > -cut and before[cut - 1] in ("is", "was", "'s")):
        before = before[:cut]
    if before[-1:] == ["from"] and _CHANGED & set(before[-5:]):
        return True  # "I've just moved from staff nurse on an adult ward to ...": the job left
    if before[-3:] == ["used", "to", "be"] or before[-2:] in (["i", "was"], ["i", "were"]) or before[-1:] in (["not"], ["never"]) \
            or before[-1:] in (["in"], ["on"], ["of"]) and {"not", "never"} & set(before[-3:]):  # "I'm not in the ... team"
        return True
    if before[-1:] in (["he's"], ["she's"], ["they're"]) or before[-2:] in (["or", "just"], ["or", "only"]) and "me" in before:
        return True  # (or set against the person: "is the introductory level for people like me too, or just teachers?")
    if not before or before[-1] not in ("is", "was", "'s"):
        return False
    return (len(before) >= 2 and before[-2] in _OTHER_PEOPLE) or (len(before) >= 3 and before[-3] in _POSSESSIVES
                                                                   and before[-2] not in _SELF)


def _of_another(clause: str) -> bool:
    """Whether a clause starts with another person ("our head of commissioning ...") and never says "I" ("my role is": theirs)."""
    words = _words(clause.strip())
    return len(words) >= 2 and words[0] in _POSSESSIVES | {"the"} and words[1] not in _SELF and not _FIRST_PERSON & set(words)
