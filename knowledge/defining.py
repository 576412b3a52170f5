"""What a "what is X?" question asks about, and what the documents do with X: define or describe it
somewhere, only name it (in a list, in passing), or never mention it. Only the last two are decided
here; where the documents may describe it, the search answers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from knowledge.schema import SourcePassage
from knowledge.words import IGNORED, STANDS_FOR

MAX_TERM_WORDS = 6  # a longer "term" is a question of its own
# What asks what something means: "what does SENCO stand for", "define X" (never "... means you're not counted")
ASKS_MEANING = re.compile(r"\b(?:stand|stands|means?(?! (?:you|you're|youre|that|they|we|we're|i|it|your|their|someone|people)\b)|meaning|abbreviation|acronym|short for|spell|define|defined|definition|"
                      r"what'?s an?|what is an?)\b"  # and "how does the health framework describe SEND?": a term, not a role's part
                      r"|\bhow (?:does|do|is|are)\b[^?.]{0,60}\bdescribed?\s+[\w-]+\s*(?:[?.!]|$)"
                      r"|\bhow (?:is|are) [\w-]+(?: [\w-]+)? described\b|\bdescribes? what [\w-]+ (?:actually |really )?(?:is|are|means)\b",
                      re.IGNORECASE)
SHOWN = 3  # passages shown where a term is only named


_POINTING_BACK = re.compile(r"\b(?:it|that|this|they|them|those|these)\b", re.IGNORECASE)


def meaning_asked_in(question: str) -> str:
    """The sentences of a message that ask what something means ("How does the guidance define high needs block funding?"
    without "Our LA contact uses the term loosely."); the whole message when none does, or all do."""
    sentences = [s for s in re.split(r"(?<=[?!.])\s+", question.strip()) if s.strip()]
    asking = [n for n, s in enumerate(sentences) if ASKS_MEANING.search(s)]
    asking = sorted({m for n in asking for m in ((n - 1, n) if n and _POINTING_BACK.search(sentences[n]) else (n,))})  # "CeTR, CTR
    return " ".join(sentences[n] for n in asking) if asking and len(asking) < len(sentences) else question  # and LeDR. what do those stand for?"
# "what's the local offer", "explain the 20 week planning process", "what does X mean", "what counts as X"
_LEADING = re.compile(r"^(?:so |and |ok |okay )?(?:what(?: actually| exactly)?(?:'s| is| was| are| were)|whats|wot'?s|define|explain|describe|meaning of|"
                      r"what is meant by|what do (?:they|you|the documents) mean by|what counts as|tell me about|what does|what do|"
                      r"how (?:does|do) (?:the |this |that )?(?:[\w-]+ ){0,4}?(?:describe|define|explain)(?!\s+what\b))\s+")  # "how does the ES framework describe X"
TRAILING = re.compile(r"\s*(?:[-\u2013\u2014:,]\s*)?(?:what(?:'s| is| are)? (?:it|that|this|they|those|them)|whats that|"
                       r"what counts as (?:it|that|this)|what does (?:it|that|this) mean|explained|meaning|definition|"
                       r"what is it exactly|what goes in (?:it|them|one)|what'?s in (?:it|them|one)|mean|means|stand for|refer to|"
                       r"(?:short|an abbreviation|an acronym) for)$")
_ASKS_SOMETHING = re.compile(r"\b(?:what|whats|how|why|when|who|which|where|is|are|can|could|should|would|will|do|does|did|any|anything)\b")
# "I need the framework's definition of X": what X is; not "does the definition of disability include ADHD?", nor one
# followed by more than a term ("... of disability changed since 2014").
_DEFINITION_OF = re.compile(r"^(?!(?:does|do|did|has|have|had|is|are|was|were|can|could|will|would|should)\b).*?\b(?:the |a |an |their |its )?"
                            rf"(?:[\w-]+'s? )?(?:definition|meaning) of\s+(?=(?:\S+\s*){{1,{MAX_TERM_WORDS + 2}}}$)")
# Whether the documents say what a thing is: "does the framework actually define 'X' or just name it?", "is X defined
# anywhere?", "is there a definition of X?": what X is, as far as they say
_WHETHER_DEFINED = (
    re.compile(r"^(?:does|do|did)\s+(?:[\w'-]+\s+){1,5}?(?:actually\s+|really\s+|ever\s+)?(?:define|defines|spell out)\s+"
               r"(?P<thing>.+?)(?:\s+(?:or\b|anywhere|at all|properly|itself)\b.*)?$"),
    re.compile(r"^(?:is|are)\s+(?P<thing>.+?)\s+(?:actually\s+|ever\s+|properly\s+|really\s+)?defined\b.*$"),
    re.compile(r"^(?:is|are)\s+there\s+(?:a|any)\s+(?:proper\s+)?definition\s+(?:of|for)\s+(?P<thing>.+?)(?:\s+(?:anywhere|at all)\b.*)?$"),
)
FILLER = re.compile(r"\s+(?:exactly|pls|please|plz|then|again|actually|anyway|precisely|in short|briefly|about|all about)$")
# What a question may call a thing the documents name alone: "the neurotypical child module" is "the neurotypical child"
_KIND_OF_THING = re.compile(r"\s+(?:module|modules|course|courses|unit|units|session|sessions|topic|topics|thing|bit|part|training|tool|tools)$")
QUOTED = re.compile(r"(?:^|\s)['\"\u2018\u201c]([^'\"\u2018\u2019\u201c\u201d]{3,60})['\"\u2019\u201d](?=\s|$|[-,:])")
# "what are the steps in the structured conversation approach", "how does the RAS actually work": what a thing is, asked by
# its parts or its workings (what the documents say of it, or that they only name it)
PARTS_OF = re.compile(r"^(?:what are|what're|whats|what's|list)\s+the\s+(?:actual\s+|exact\s+|main\s+|individual\s+|different\s+)?['\"]?(?:steps|stages|elements|parts|components|phases|features|"
                       r"essential elements|key elements)\s+(?:in|of|for)\s+")
# "... the roles doc mentions for working with parents", "... the ES framework wants us to understand": where it is named
_NAMED_BY = re.compile(r"['\"]?\s+(?:that|which|the|this|these|our)\s+(?:[\w'-]+\s+){0,3}(?:doc|docs|document|documents|report|framework|"
                       r"spec|specification|guidance|outcomes|competencies)\s+(?:mentions?|says?|names?|talks about|refers to|lists?|"
                       r"wants? us to|asks? us to|expects? us to|keeps? mentioning)\b.*$")
HOW_IT_WORKS = re.compile(r"^how (?:does|do|would|will) (?P<thing>.+?) (?:actually |really |exactly )?(?:work|works|operate|function)(?: out\b.*)?$")
# Where a question says the term is written, at its end: "what does DHO stand for in the send framework", "in all these docs"
WHERE_WRITTEN = re.compile(r"\s+(?:(?:described|mentioned|named|referred to|set out|outlined|used|given)\s+)?(?:in|under|according to|per|from|within|throughout)\s+(?:the\s+|all\s+(?:the\s+|these\s+)?|these\s+|this\s+)?"
                            r"(?:[\w'-]+\s+){0,3}(?:framework|report|spec|specification|documents?|docs?|guidance|paper|papers|"
                            r"platform|award|outcomes|competencies|stuff)$")
_ARTICLE = re.compile(r"^(?:a|an|the|this|that|these|those)\s+")
_QUALIFIER = re.compile(r"\s+(?:in|under|according to|per|from|for|on)\s+(?:the\s+)?(?:lincs|lincolnshire|east sussex|es|health|schools?|"
                        r"senco|send|code|framework|report|spec|specification|documents?|guidance)\b.*$")
# Words that make it a question about something else: whose, how, a person, a comparison, a level
_NOT_A_TERM = re.compile(r"\b(?:i|i'm|im|me|my|mine|we|our|us|you|your|how|why|when|who|which|where|should|must|can|could|would|"
                         r"difference|between|versus|vs|level|levels|tier|tiers|hours?|need|needs|needed|do|does|did|have|has|like)\b")  # ("what is X like")
_RELATION = re.compile(r"\b(?:of|for|to|from|about|with|on|by|in|at|and|or)\b")  # a term that holds them is a term only as the documents say it
_FIGURE = re.compile(r"\d|\b(?:pounds?|quid|k|per ?cent|percent|hundred|thousand|million)\b")
# After a term where a passage says what it is: "X is ...", "X (why ...)", "X: additional ...", "launched X to look at ..."
_SAYS_WHAT = re.compile(r"^['\u2019\"]?\s*(?:\((?!\s*[A-Z][A-Za-z&-]{1,7}\s*\))|:|\u2013|\u2014|-\s|,\s*(?:a|an|the|which|who|where|whereby)\b|"
                        r"\s+(?:(?:is|are|was|were)(?!\s+(?:not\s+)?[a-z]+ing\b)|means?|refers?|describes?|aims?|provides?|offers?|involves?|enables?|brings?|"
                        r"sets? out|looks? at|helps?|supports?|consists?|includes?|comprises?)\b|\s+to\s+[a-z]+)")
# After a term and the noun it names ("High needs block funding is ..."): what that is, said
_HEADED_IS = re.compile(r"^\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+(?:is|are)\s+(?!not\b|also\b|a\s+key\b|[a-z]+ing\b)")
# After a term, with what it is of, where a passage says what it is to be taken to mean ("'achievement' of children ... should be taken to include")
_TAKEN = re.compile(r"^['\u2019\"]?(?:\s+of(?:\s+[\w'-]+){1,6})?\s+(?:should be|is|are|is to be|are to be) (?:taken|read|understood) (?:to|as)\b")
# What comes before a term where the words before it say what it is ("through an 'assessment-only' route")
_INTRODUCED = re.compile(r"(?:\b(?:through|via|by way of|by means of)\s+(?:a|an)\s+|\b(?:called|known as|termed|so-called)\s+(?:a\s+|an\s+|the\s+)?)"
                         r"['\u2018\"]?\s*$|\(\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Asked:
    """What the documents do with a term asked about: ``named`` only (``passages`` where), or ``absent``."""

    term: str
    kind: str  # "named" or "absent"
    passages: tuple[SourcePassage, ...] = ()


_POINTING = {"it", "they", "them", "that", "this", "those", "these", "one", "ones"}
# Words that make it a question about something else unless the documents write the term with them ("high needs transformation")
_ALSO_NOUNS = {"need", "needs", "needed", "level", "levels", "tier", "tiers", "hours", "hour"}


def asked_term(question: str, written: Callable[[str], bool] | None = None, plain: bool = False) -> str | None:
    """The thing a question asks the meaning of ("personal budgets" in "what are personal budgets?"); None for
    a question that asks anything else, or about a person, a level, or how something works. ``written``: whether
    the documents write a phrase, so that "high needs transformation" is a term they use, not a need asked about.
    ``plain``: a term of words every question uses is still one ("SEN and SEND")."""
    sentences = [part for part in re.split(r"(?<=[?!.])\s+", question.strip()) if part.strip()]  # "what actually is lego
    clauses = [part for s in sentences for part in re.split(r"\s[-\u2013\u2014]\s", s) if part.strip()]  # therapy? it's on the tier
    for parts, bare in ((sentences, True), (clauses, False)):  # 1 list", "the outcomes say use X - what is X?": the sentence, else
        # the clause, that asks (a clause alone is no term: "... in the senco spec - just grades?")
        found = next((t for t in (_term(part, written, plain, bare) for part in parts) if t), None) if len(parts) > 1 else None
        if found:
            return found
    return _term(question, written, plain)


def _term(question: str, written: Callable[[str], bool] | None, plain: bool = False, alone: bool = True) -> str | None:
    text = re.sub(r"[?!.]+", " ", question.casefold().replace("\u2019", "'"))
    text = FILLER.sub("", FILLER.sub("", " " + re.sub(r"\s+", " ", text).strip())).strip()
    text = FILLER.sub("", " " + WHERE_WRITTEN.sub("", text)).strip() if TRAILING.search(WHERE_WRITTEN.sub("", text)) else text
    whether = next((m for m in (w.match(text) for w in _WHETHER_DEFINED) if m), None)
    text = f"what is {whether.group('thing')}" if whether else text
    text = HOW_IT_WORKS.sub(r"what is \g<thing>", PARTS_OF.sub("what is ", text))  # what it is, asked by its parts or workings
    text = _DEFINITION_OF.sub("what is ", text, count=1)  # "I need the framework's definition of X": what X is
    lead = _LEADING.match(text)
    trail = TRAILING.search(text)
    bare = alone and question.strip().endswith("?") and 2 <= len(text.split()) <= MAX_TERM_WORDS  # "personal health budgets?"
    if not lead and not trail and not (bare and not _ASKS_SOMETHING.search(text)):
        return None
    term = text[lead.end() if lead else 0: trail.start() if trail else len(text)]
    quoted = QUOTED.search(term) if trail and not lead else None
    term = term.strip(" -\u2013:,'\"")
    if quoted:  # "level 4 mentions 'single route of redress' - what does that mean?"
        term = quoted.group(1)
    for _ in range(2):
        term = _NAMED_BY.sub("", WHERE_WRITTEN.sub("", _QUALIFIER.sub("", FILLER.sub("", term)))).strip(" -\u2013:,'\"")
    term = _ARTICLE.sub("", term).strip(" -\u2013:,'\"")
    term = re.sub(r"(?<=\w)['\"\u2019](?=\s)|(?<=\s)['\"\u2018](?=\w)", "", term)  # "the 'assessment-only' route"
    words = term.split()
    if lead and lead.group().strip() in ("what does", "what do") and not trail:
        return None  # "what does the spec say about ...": not what a term means
    if lead and re.match(r"what (?:are|were) (?:the|their|its)\b", lead.group() + text[lead.end():]):
        return None  # "what are the preparing for adulthood outcomes?": a list asked for, not a meaning
    other = {m.group() for m in _NOT_A_TERM.finditer(term)}
    if other and not (other <= _ALSO_NOUNS and len(words) >= 2 and written is not None and written(term)):
        return None
    if not words or len(words) > MAX_TERM_WORDS or re.search(r"\d", term) and len(words) < 2:
        return None
    if (not plain and all(w in IGNORED for w in words)) or term in _POINTING:
        return None  # "what are they exactly?": what it points back at is asked about
    return term


def phrase(term: str) -> re.Pattern:
    """A term as the documents may write it: any case, plural or not, hyphen or space, an apostrophe or none."""
    parts = []
    for word in term.split():
        base = re.escape(word.rstrip("'").removesuffix("s") if len(word) > 3 and word.endswith("s") else word.rstrip("'"))
        parts.append("(?:and|&)" if word in ("and", "&") else rf"{base}(?:s|es)?['\u2019]?")
    return re.compile(r"(?<![\w-])" + r"[\s\-]+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def _says_what(text: str, found: re.Match) -> bool:
    """Whether the words around a term may say what it is: "X is ...", "X (why ...)", "launched X to ...", "through an X",
    "the 'achievement' of children ... should be taken to include"."""
    after = text[found.end():]
    return bool(_SAYS_WHAT.match(after) or _INTRODUCED.search(text[: found.start()]) or _TAKEN.match(after) or _HEADED_IS.match(after))


def what_of(term: str, passages: Sequence[SourcePassage], known: Callable[[str], bool]) -> Asked | None:
    """Whether the documents only name a term (never saying what it is) or never mention it; None when they may
    describe it (a passage says what it is, or a section is headed by it), or when that cannot be told: a
    ``known`` name (a role, a level, a short form the glossary has) or a term none of whose words are theirs."""
    if known(term):
        return None
    if not any(phrase(term).search(p.text) for p in passages):  # "the neurotypical child module", "a structured conversation with parents"
        plain = _KIND_OF_THING.sub("", term)
        head = _RELATION.split(plain, maxsplit=1)[0].strip()
        for shorter in [plain] + ([head] if len(head.split()) >= 2 else []):
            if shorter != term and any(phrase(shorter).search(p.text) for p in passages):
                term = shorter
                break
    sought = phrase(term)
    named = []
    for p in passages:
        if any(sought.search(h or "") for h in (p.lead_in, p.citation.section)):
            return None  # a section or list about it
        found = [m for m in sought.finditer(p.text)]
        if any(_says_what(p.text, m) for m in found):
            return None  # it may be said what it is
        if found:
            named.append(p)
    if named:
        return Asked(term, "named", tuple(named[:SHOWN]))
    content = [w for w in term.split() if w not in IGNORED]
    if _RELATION.search(term) or _FIGURE.search(term) or not content:
        return None  # "time limit for appeals": a question, not a name; "the 6000 pound rule": written "£6,000"
    if any(all(phrase(w).search(p.text) for w in content) for p in passages):
        return None  # their words, put another way: the search may find it
    return Asked(term, "absent")


# "does L2 include the tribunal process?", "is safeguarding part of level 4", "anything in L5 about investment"
_ASKS_IF = re.compile(r"^\W*(?:does|do|is|are|will|would|can|could|has|have|anything|any|something)\b", re.IGNORECASE)
_SCAFFOLD = {"does", "do", "is", "are", "will", "would", "can", "could", "has", "have", "anything", "any", "something", "cover", "covers",
             "include", "includes", "including", "mention", "mentions", "say", "says", "said", "about", "part", "of", "in", "on", "the",
             "a", "an", "at", "for", "level", "tier", "there", "it", "that", "this", "stuff", "bit", "re", "regarding", "abt", "bout",
             "competencies", "competency", "competences", "outcomes", "outcome", "learning", "areas", "list", "lists", "topics"}


def asked_of_a_level(question: str) -> str | None:
    """What a yes/no question asks a level to hold ("the tribunal process" in "does L2 include the tribunal process?");
    None for any other question. (The level itself is found by ``passages.level_named``.)"""
    if not _ASKS_IF.match(question):
        return None
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9'&-]*", question.casefold().replace("\u2019", "'"))
             if w not in _SCAFFOLD and not re.fullmatch(r"[lt]?\d|one|two|three|four|five|induction|introductory", w)]
    return " ".join(words) if words and any(w not in IGNORED for w in words) else None


# "what are the tiers on the lincs send platform?": the levels themselves asked for (not "what levels do nurses need?")
_THE_LEVELS = re.compile(r"^\W*(?:what|which|list)\b.{0,20}\b(?:the )?(?P<kind>tiers|levels)\b(?!\s+(?:of|for|in)\s+(?:a|an|my|the)\b)",
                         re.IGNORECASE)
_MORE_THAN_THE_LEVELS = re.compile(r"\b(?:hours?|outcomes?|competenc\w*|cost|when|how|i|i'm|im|me|my)\b", re.IGNORECASE)
# "which levels cover tribunals", "at what level do staff learn about the local offer", "what tiers include autism"
_WHICH_LEVELS = re.compile(r"^\W*(?:at |in |on )?(?:which|what)\s+(?:send\s+)?(?:levels?|tiers?)\b", re.IGNORECASE)
_OF_SOMEONE = re.compile(r"^\s*(?:is|are|for|of|should|would|suits?|am|do i|does my)\b", re.IGNORECASE)  # "which level is a TA"
_NOT_OF_THE_LEVELS = re.compile(r"\b(?:i|i'm|im|me|my|mine|we|our|us|hours?|hrs|minutes?|how|need|needs|needed|required|requires|"
                                r"right|enough)\b|\d", re.IGNORECASE)  # "what level needs 8 hours", "which one is right for me"
_LEARNING = {"learn", "learns", "learnt", "taught", "teach", "teaches", "talk", "talks", "deal", "deals", "with", "to",
             "know", "covered", "included", "mentioned", "where", "which", "what", "staff", "people", "someone", "you"}


def the_levels_asked(question: str) -> str | None:
    """The framework whose levels a question asks for ("schools" for "what are the tiers?"), in the question or in
    its clause after a dash or colon ("I work in a lincs school - what are the tiers?"); None for any other question."""
    for clause in (question, *re.split(r"\s[-\u2013\u2014]\s|:\s", question)[1:]):
        asked = _THE_LEVELS.search(clause)
        if asked and not _MORE_THAN_THE_LEVELS.search(clause):
            return "schools" if asked.group("kind").casefold() == "tiers" else "health"
    return None


_NUMBERED = re.compile(r"\b(?P<kind>level|tier)\s*(?P<n>\d{1,2})\b(?!\s*(?:hours?|hrs|mins?|minutes|weeks?|years?|credits?|[-\u2013/]|or|to)\b)", re.IGNORECASE)


def a_level_not_set(question: str, names: Sequence[str]) -> tuple[str, str] | None:
    """A numbered level or tier the question names that no framework sets ("is there a tier 3 for school staff?"): its name
    and the framework whose kind of level it is ("schools" for a tier); None when every one it names is among ``names``."""
    known = {n.casefold() for n in names}
    for found in _NUMBERED.finditer(question or ""):
        name = f"{found.group('kind').title()} {int(found.group('n'))}"
        if name.casefold() not in known:
            return name, "schools" if found.group("kind").casefold() == "tier" else "health"
    return None


def asked_of_the_levels(question: str) -> str | None:
    """What a question asks which levels hold ("tribunals" in "which levels cover tribunals?"); None for any other
    question: one about the person's own level, one person's, their hours or what they need ("what level do I need?")."""
    found = _WHICH_LEVELS.match(question)
    rest = question[found.end():] if found else ""
    if not found or _OF_SOMEONE.match(rest) or _NOT_OF_THE_LEVELS.search(rest):
        return None
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9'&-]*", rest.casefold().replace("\u2019", "'")) if w not in _SCAFFOLD and w not in _LEARNING]
    return " ".join(words) if words and any(w not in IGNORED for w in words) else None


def held_by(asked: str, texts: Sequence[str], tokens: Callable[[str], list]) -> list[str]:
    """The texts that hold every word of what is asked (stemmed, so "tribunals" holds "tribunal")."""
    wanted = set(tokens(asked))
    return [t for t in texts if wanted and wanted <= set(tokens(t))]


_SPELT_OUT = re.compile(rf"\b(?:what (?:does|do|is|are) (?P<term>[\w&-]+(?: [\w&-]+)?) (?:{STANDS_FOR}|mean\s*[?.!]*\s*$)"  # (not "what does
                        rf"|(?P<after>[\w&-]+(?: (?!is\b)[\w&-]+)?) (?:is )?(?:{STANDS_FOR}|meaning)\s*[?.!]*\s*$)", re.IGNORECASE)  # an EHCP mean for ...")


def asks_what_it_stands_for(text: str, term: str) -> bool:
    """Whether a message asks what a term it names stands for or means ("RAS came up in my self-assessment. What does RAS
    stand for?"), whatever else it says around the question."""
    asked = _SPELT_OUT.search(text or "")
    return bool(asked and term) and (asked.group("term") or asked.group("after") or "").casefold().endswith(term.casefold())
