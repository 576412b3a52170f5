"""Things the documents name but do not include, list, define or explain (knowledge/content/named_only.yml): whether a
question asks about one, and what to say of it: that the documents leave it out, where they name it, and where else."""
from __future__ import annotations

import re
from typing import Any

from knowledge.lookup import cite_dict
from knowledge.passages import excerpt
from knowledge.roles import RoleCatalogue
from knowledge.schema import KnowledgeBase, NamedOnly
from knowledge.words import A_LEVEL, GENERIC, SHORT_FORMS, tokens

NAMED_ALSO = 2  # other passages shown that name the thing
APART = 3  # words a thing's name needs to be found by them in any order ("tier 2 modules", not "local offer": "offered locally")
NAMED_WHOLE = 600  # characters: a paragraph naming the thing shown whole up to this length (else its quoted words)
_PARTICIPLE = {"include": "included", "list": "listed", "define": "defined", "explain": "explained"}


_LEVEL_NAMED = re.compile(rf"\b{A_LEVEL}|\bintroductory\b")


# Words that ask what something is, holds or where it is, beside a document's name: not a question about anything else.
_ASKS_WHAT = set(tokens("in of on about contain include list show say cover define definition meaning mean explain find see view read "
                        "get copy where wheres what which who document documents doc spec report framework appendix exist mention "
                        "training send number phone telephone email contact website link use work access says said talks section part bit "
                        "stage step involve"))  # (its number, how
# it is used or works: not given either)


_WHO_WHERE_WHEN = re.compile(r"\W*(?:who|whom|where|when|which)\b")


def _naming(kb: KnowledgeBase, found: NamedOnly) -> list[str]:
    """The whole passage that names a thing (a table row's every cell)."""
    return [p.text for p in kb.passages if found.citation.quote in p.text] or [found.citation.quote]


def _asks_beyond(kb: KnowledgeBase, rest: str, found: NamedOnly, naming: list[str]) -> bool:
    """Whether a question asks about more than the thing it names and the passage that names it (``naming``) ("is
    signposting to the Local Offer one of the competences?": two words of its own), so the passages that answer it are
    better than saying the documents do not define it."""
    said = set(tokens(" ".join(SHORT_FORMS.get(w, w) for w in re.findall(r"[a-z][a-z']+", rest))))  # "lincs", never "u"
    before = [m.group(1) for p in kb.passages for w in found.words  # the word before its name elsewhere ("the Ealing local offer")
              for m in re.finditer(rf"([\w']+)\s+{re.escape(w)}(?![\w'])", p.text, re.IGNORECASE)]
    known = set(tokens(" ".join([*(d.title for d in kb.documents), found.name, found.citation.section, *naming, *before])))
    beyond = said - _ASKS_WHAT - known - GENERIC  # one word of the asker's own is a paraphrase ("lines up" for "aligned"),
    return len(beyond) > (0 if _WHO_WHERE_WHEN.match(rest) else 1)  # but not in "who reviews the local offer?"


def _another_level(rest: str, naming: list[str]) -> bool:
    """Whether a question names a level other than the one whose row names the thing ("the L5 row" is Level 5's), whose
    passages may say more of it."""
    level = _LEVEL_NAMED.search(rest)
    written = re.sub(r"^(?:level|l)\s?", "level ", level.group()) if level else ""  # "L5" as the row writes it, "Level 5"
    return bool(level) and not re.search(rf"\b{written}\b", " ".join(naming), re.IGNORECASE)


def named_only(kb: KnowledgeBase, question: str, catalogue: RoleCatalogue | None = None) -> dict[str, Any] | None:
    """What the documents say of something they name but do not include, list or define, when the question
    asks about it ("what's in Appendix B?"); None otherwise, and when the question also names a level or a role
    or a role whose duties the documents set out ("what does Level 2 say about the Local Offer?")."""
    said = " ".join(re.split(r"[\s\-]+", question.casefold()))
    said_words = set(tokens(said))
    for found in kb.named_only:
        words = [re.compile(rf"(?<![\w']){re.escape(' '.join(re.split(r'[ -]+', w)))}(?![\w'])") for w in found.words]
        apart = [a for a in map(set, map(tokens, found.words)) if len(a) >= APART and a <= said_words]  # "what modules
        if any(w.search(said) for w in words) or apart:  # will be in Tier 2?" uses the words of "tier 2 modules" in its own order
            rest = said
            for w in words:
                rest = w.sub(" ", rest)
            levels = rest  # (a level's number is no word of the thing's: "what does Level 1 say about appendix 1?")
            rest = " ".join(x for x in rest.split() if not any(set(tokens(x)) and set(tokens(x)) <= a for a in apart))
            naming = _naming(kb, found)
            named_by = set(tokens(" ".join(naming)))  # a role the naming passage names is no other subject ("SENCO training")
            if not _another_level(levels, naming) and not (catalogue and any(r.topic and not set(tokens(r.name)) <= named_by
                                                                           for r in catalogue.resolve(rest).roles)) \
                    and not _asks_beyond(kb, rest, found, naming):
                break
    else:
        return None
    name = found.name[:1].upper() + found.name[1:]
    row = next((t for t in naming if "\t" in t), None)  # a table row: its first cell says whose ("Level 5 … Role of …")
    also = [p for p in kb.passages if found.citation.quote not in p.text
            and any(w.search(" ".join(re.split(r"[\s\-]+", p.text.casefold()))) for w in words)][:NAMED_ALSO]
    return {"name": found.name, "statement": f"{name}: named in the documents, but not {_PARTICIPLE[found.missing]} in them.",
            "named": excerpt(row, re.compile(re.escape(found.citation.quote))) if row else
            naming[0] if len(naming[0]) <= NAMED_WHOLE else found.citation.quote,  # the paragraph that names it, when short
            "cite": cite_dict(found.citation),  # and where else it is named ("Through structured conversations, many schools ...")
            "also": [(excerpt(p.text, re.compile("|".join(w.pattern for w in words), re.IGNORECASE)), cite_dict(p.citation)) for p in also]}


# A line that only names what is to be understood or known ("Understand basic coaching techniques.", "Basic awareness of
# pan Sussex adult safeguarding procedures."), saying nothing of what it holds.
_NAMES_ONLY = re.compile(r"^\W*(?:to\s+)?(?:(?:have\s+)?(?:an?\s+)?(?:basic\s+)?(?:understanding|awareness|knowledge)\s+of|understand(?:\s+of)?"
                         r"|be aware of|know about)\s+(?:the\s+)?(?P<thing>[^:;()\n]{4,60}?)\s*\.?\s*$", re.IGNORECASE)
# A question that asks what something holds, not what the documents say of it: "which specific coaching techniques ...?"
_ASKS_CONTENT = re.compile(r"\b(?:which|what)\s+(?:specific|exact|particular|actual)\b"
                           r"|\b(?:actually|exactly|specifically)\s+(?:are|is|mean|means|involve|involves|include|includes)\b"
                           r"|\bwhat (?:are|were) (?:the|these|those)\b|\blist (?:the|all|them)\b|\bexamples? of\b"
                           r"|\bwhat (?:do|does) (?:it|they|that|this) (?:involve|include|consist|mean|cover)\b", re.IGNORECASE)
_ASKING = set(tokens("specific exact exactly particular actual actually specifically example examples model models mean means "
                     "meant involve include consist kind kinds type types say says want wants expect expects expected"))
_SAYS_MORE = r"\s*(?::|\(|\u2013|-\s|such as|including|e\.?g\b|for example|namely|which|that|where|is|are|means)"  # what it holds
_NOT_A_THING = re.compile(r"\b(?:what|how|why|which|when|where|this|these|own|importance|impact|benefits|including|such as|e\.?g)\b|\b(?:on|of|with|to|for|in)\s*$",
                          re.IGNORECASE)  # a question's clause ("what this means"), what it holds said, or a list's lead-in
ONLY_HELD = 0.6  # of a thing's own words a question must hold to ask about it
BEYOND = 2  # words a question may ask beyond the thing, its document and section ("models")


def only_named(kb: KnowledgeBase, question: str, lines: list[str]) -> str | None:
    """"which specific coaching techniques does the supervision section mean?": the thing a question asks what it holds
    when a line of its answer only names it ("Understand basic coaching techniques.") and no passage of the documents
    says more of it; None otherwise."""
    question = " ".join(SHORT_FORMS.get(w, w) for w in re.findall(r"[a-z0-9][a-z0-9'-]*|[?.!]", question.casefold()))  # "wat r the ..."
    asks_content = _ASKS_CONTENT.search(question)
    asked = {w for w in tokens(question) if len(w) > 1} - GENERIC - _ASKING  # (not the "e" of "e sussex")
    beyond = asked & set(tokens((re.findall(r"[^.?!]*\?", question) or [question])[-1]))  # what its last question asks
    for line in lines:
        found = _NAMES_ONLY.match(line.strip())
        if found is None or _NOT_A_THING.search(found.group("thing")):
            continue
        own = set(tokens(found.group("thing"))) - GENERIC
        held = own & asked
        if not (asks_content or re.search(rf"\bwhich\s+(?:{'|'.join(map(re.escape, found.group('thing').casefold().split()))})\b", question)):
            continue  # "which basic coaching techniques does it want managers to use?"
        if len(held) < 2 or len(held) < ONLY_HELD * len(own) or len(beyond - own - _ASKS_WHAT - _placing(kb)) > BEYOND:
            continue
        more = re.compile(re.escape(" ".join(found.group("thing").split())) + _SAYS_MORE, re.IGNORECASE)
        if not any(more.search(" ".join(p.text.split())) for p in kb.passages):
            return found.group("thing")  # (no passage says more of it)
    return None


def _placing(kb: KnowledgeBase) -> set[str]:
    """The words of the documents' titles and section headings: where something is, not what it is."""
    key = id(kb)
    if key not in _PLACING:
        _PLACING.clear()
        _PLACING[key] = set(tokens(" ".join([*(d.title for d in kb.documents), *{p.citation.section for p in kb.passages}])))
    return _PLACING[key]


_PLACING: dict[int, set[str]] = {}
