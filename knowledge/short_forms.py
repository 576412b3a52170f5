"""The glossary's short forms a question asks the meaning of: several asked together ("what are CeTR and CTR?"), the one
asked among others the question names ("what does DHO stand for in the send framework", not SEND), or none when it asks
what a phrase holding one means ("what does 'notional SEND budget' mean?")."""
from __future__ import annotations

import re

from knowledge import lookup
from knowledge.defining import FILLER, HOW_IT_WORKS, PARTS_OF, QUOTED, TRAILING, WHERE_WRITTEN, asked_term
from knowledge.roles import RoleCatalogue, normalise_role
from knowledge.schema import KnowledgeBase
from knowledge.words import CAPITALS, IGNORED, STANDS_FOR

_JOINED = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)\s*")


def short_forms_asked(question: str, kb: KnowledgeBase, catalogue: RoleCatalogue) -> list[str]:
    """The glossary's short forms a question asks the meaning of, each of them ("CeTR" and "CTR" in "what are CeTR and
    CTR? they come up in the level 3 outcomes", "SEN and SEND"), or one never spelt out asked with the word the documents
    write after it ("LeDR reviews - what are they?"); none when it asks anything else, names more, or names a role ("TAs")."""
    parts = [p for p in _JOINED.split(asked_term(question, lambda t: True, plain=True) or "") if p]
    named = [_short_form(p, kb) for p in parts]
    whole = [n for n, p in zip(named, parts) if n and normalise_role(n) == normalise_role(p)]
    if not parts or not all(named) or (len(parts) == 1 and whole) or any(catalogue.resolve(n).roles for n in named):
        return []
    return list(dict.fromkeys(named))


def _short_form(part: str, kb: KnowledgeBase) -> str | None:
    """The glossary's short form a part of a question is: the whole of it, or one never spelt out and the word after it."""
    term = lookup.term_in(kb, part)
    if term is None or normalise_role(term) == normalise_role(part):
        return term
    spelt = any(g.expansion for g in kb.glossary if g.term.casefold() == term.casefold())
    after = re.fullmatch(rf"{re.escape(term)}\s+([a-z]+)", part, re.IGNORECASE)
    written = after and any(re.search(rf"\b{re.escape(term)}\s+{after.group(1)}\b", p.text, re.IGNORECASE) for p in kb.passages)
    return term if written and not spelt else None


# After a short form: the words that ask what it is ("DHO stand for"), not a noun it describes ("SEND pupils", "send docs")
_ASKED_AFTER = re.compile(r"(?:\W|$|(?:stands?|short|means?|meaning|refers?|is|are|was|and|or|vs|versus|in|on|for|exactly|actually|"
                          r"again|pls|please|abbreviation|acronym)\b)")
_MEANING_CUE = re.compile(r"\b(?:stands?|short|means?|meaning|abbreviation|acronym|what'?s|whats|what|define|definition|describe)\b")
_IT_STANDS_FOR = re.compile(rf"\bwhat (?:does|do) (?:it|that|this|they|those) {STANDS_FOR}\b", re.IGNORECASE)
_GUESSED = re.compile(r"^\s*(?P<term>[\w&-]+)\s*(?:=+|is short for|stands? for)\s+(?!.*\b(?:i|me|my|we|level|tier)\b)\S[^?]*\?+\s*$",
                      re.IGNORECASE)  # (not "TA = level 2?", "SENCO means I need level 4?")
_POINTED_AT = re.compile(r"\bwhat (?:does|do|is|'s) (?:that|it|this|they|those)\b|\bwhat'?s that\b")


def short_form_asked(kb: KnowledgeBase, question: str) -> str | None:
    """The one short form of the glossary a "what is X" question asks, whole ("RAS" in "what is RAS in the ESCC
    competency framework?"); None for any other question."""
    text = normalise_role(question)
    if PARTS_OF.match(text) or HOW_IT_WORKS.match(text):
        return None  # "what are the parts of an EHCP?", "how does the LA work?": more than what the letters stand for
    asked = asked_term(question, lambda t: True, plain=True)
    found = lookup.term_in(kb, asked) if asked else None
    if not found or normalise_role(found) != normalise_role(asked):
        return None
    after = " " + re.sub(r"[?!.]+", " ", text.split(normalise_role(found), 1)[-1]).strip()  # only where it is written, and asking
    after = WHERE_WRITTEN.sub("", after)  # ("... stand for in the send framework"), not "what is CPD for the SENCO"
    return found if not after.strip() or TRAILING.match(after) or FILLER.fullmatch(after) else None


def short_form_guessed(kb: KnowledgeBase, question: str) -> str | None:
    """"V-SEND = Virtual SEND?", "EHCP stands for education health plan?": the glossary's short form whose meaning the
    asker guesses after it; None for any other question."""
    guessed = _GUESSED.match(question)
    term = lookup.term_in(kb, guessed.group("term")) if guessed else None
    return term if term and normalise_role(term) == normalise_role(guessed.group("term")) else None


def term_asked(kb: KnowledgeBase, question: str) -> str | None:
    """The glossary's short form a question asks the meaning of, of those it names: the one asked ("DHO" in "what does
    DHO stand for in the send framework", not SEND), else one not describing a noun ("CYP", not the "send" of "send docs"),
    else the longest ("v-send?" is V-SEND); none when it asks what a phrase holding one means ("what does 'notional SEND
    budget' mean?") or what "that" means of a phrase beside one ("we're told to use our best endeavours for send pupils,
    what does that mean?")."""
    found = short_form_asked(kb, question) or short_form_guessed(kb, question)
    if found:
        return found
    said = f" {normalise_role(question)} "
    named = [(g.term, m.start(), m.end()) for g in kb.glossary for m in re.finditer(rf"(?<= ){re.escape(normalise_role(g.term))}(?= )", said)]
    named = [n for n in named if not any(len(o[0]) > len(n[0]) and o[1] <= n[1] and n[2] <= o[2] for o in named)]  # not SEND in V-SEND
    spelt_out, cue = _IT_STANDS_FOR.search(said), _IT_STANDS_FOR.search(question)
    if spelt_out and cue and not any(c.start() > cue.end() for c in CAPITALS.finditer(question)):  # (not "..., what does it stand for, LSCP?")
        before = [n for n in named if n[2] <= spelt_out.start()]  # "SENCO in Lincolnshire, V-SEND keeps coming up. what does it stand
        last = max(before, key=lambda n: (n[2], len(n[0])))[0] if before else None  # for": the short form named last before it, and
        at = question.casefold().rfind(last.casefold(), 0, cue.start()) + len(last) if last else 0  # none when a short form no term of
        return None if not last or any(at <= c.start() and c.end() <= cue.start() for c in CAPITALS.finditer(question)) else last  # the
        # glossary comes after it ("... the EHCP and mentions APDR, what does it stand for?")
    asked = asked_term(question, lambda t: True, plain=True)
    inside = lookup.term_in(kb, asked) if asked else None
    if inside and (len(asked.split()) > 2 or QUOTED.search(question)) and len(_JOINED.split(asked)) == 1 and \
            re.search(rf"(?<![\w-]){re.escape(normalise_role(inside))}\s+[a-z]", normalise_role(asked)):
        # "what does 'notional SEND budget' mean?": the phrase (but "EHC plan?" is asked by its short form)
        return None
    asked_of = [n for n in named if _ASKED_AFTER.match(said, n[2] + 1) or said[n[2] + 1:].split(" ", 1)[0] in IGNORED]  # "DHO a lot"
    if not asked_of:
        return None if _POINTED_AT.search(said) else max((n[0] for n in named), key=len, default=None)
    cues = [m.start() for m in _MEANING_CUE.finditer(said)] or [0]
    return min(asked_of, key=lambda n: (min(abs(n[1] - c) for c in cues), -len(n[0])))[0]


def named_with_its_own_words(kb: KnowledgeBase, question: str) -> str | None:
    """The short form a question asks about with a word of its own name after it ("what is the V-SEND toolkit?": the
    Valuing SEND Approach and Toolkit): its meaning is what is asked."""
    asked = asked_term(question, lambda t: True, plain=True)
    term = lookup.term_in(kb, asked) if asked else None
    entry = next((g for g in kb.glossary if g.term == term and g.expansion), None) if term else None
    rest = normalise_role(asked).split(normalise_role(term), 1) if entry else []
    if not (len(rest) == 2 and not rest[0].strip() and rest[1].split()):
        return None
    if set(rest[1].split()) <= set(normalise_role(entry.expansion).split()):
        return term
    longer = normalise_role(f"{entry.expansion} {rest[1]}")  # "the EHC plan": the Education, Health and Care Plan (EHCP)
    return next((g.term for g in kb.glossary if g.expansion and normalise_role(g.expansion) == longer), None)
