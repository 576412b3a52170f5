"""Short forms the documents never spell out, matched to a phrase they do use whose initials spell them
("ELSA" and "Emotional Literacy Support Assistants"). Such a match is this guide's reading, never the
documents' words: the answer says so, and cites the passage where the phrase is used."""
from __future__ import annotations

import re
from typing import Iterable, Optional, Tuple

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SKIPPED = {"and", "of", "for", "&"}  # words a short form may leave out ("Council for Disabled Children")
SHORT_FORM = re.compile(r"^[A-Za-z]{2,6}$")


def spelled_by_initials(term: str, texts: Iterable[str]) -> Optional[Tuple[str, int]]:
    """The first phrase, and the index of the text holding it, whose words' initials spell ``term`` (case aside),
    with little words allowed to be left out; None when no text has one."""
    if not SHORT_FORM.match(term):
        return None
    wanted, texts = term.casefold(), list(texts)
    defined = re.compile(rf"((?:[A-Za-z][A-Za-z'-]*\s+){{1,{2 * len(wanted)}}})\(\s*{re.escape(term)}\s*\)", re.IGNORECASE)
    for n, text in enumerate(texts):  # "quality assurance (QA)": the documents' own definition, in any case
        for match in defined.finditer(text):
            words = _WORD.findall(match.group(1))
            for start in range(len(words)):
                phrase = _spelled([w[0].upper() + w[1:] for w in words[start:]], wanted)
                if phrase and len(phrase.split()) == len(words) - start:
                    return " ".join(words[start:]), n
    for n, text in enumerate(texts):
        words = _WORD.findall(text)
        for start in range(len(words)):
            phrase = _spelled(words[start:start + 2 * len(wanted)], wanted)
            if phrase:
                return phrase, n
    return None


def _spelled(words: list, wanted: str) -> Optional[str]:
    """The run of ``words`` from the first whose capital initials spell ``wanted`` (a name, as short forms are
    made from), skipping little words."""
    got, used = "", []
    if not words or words[0].casefold() in _SKIPPED:
        return None
    for word in words:
        if word.casefold() in _SKIPPED and got and got != wanted:
            used.append(word)
            continue
        if len(got) < len(wanted) and len(word) > 1 and word[0].isupper() and word[0].casefold() == wanted[len(got)]:
            got += word[0].casefold()
            used.append(word)
            if got == wanted:
                return " ".join(used)
        else:
            return None
    return None
