"""Read a typed answer to one of the rules' questions: "2", "a school", "I see kids at
reception now and then", "no, none of those".

The answer must pick one of the options offered, and only when the words clearly say so:
anything unclear gives None, so the question is asked again rather than guessed. Words
just after "not", "no", "never" and the like do not count ("I don't see children" does not
say contact). For the involvement question the highest option the words support wins, as
when a person picks the first description that applies.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

from knowledge.answer_words import DOUBT, EDUCATING_WORDS, ELSEWHERE, EXPERIENCED, HELP_TO_CHOOSE, IN_POST, INVOLVEMENT_WORDS, \
    IN_A_DEPARTMENT, MEANT_BY, NEVER, NEW, NO, SECTOR_WORDS, WORDS_OF, YES
from knowledge.passed_on import passed_on
from knowledge.roles import RoleCatalogue, corrects, normalise_role
from knowledge.words import SHORT_FORMS, STANDS_FOR
from knowledge.schema import Option

MAX_ANSWER = 300
_NEGATION = {"not", "no", "never", "nor", "isn't", "aren't", "don't", "dont", "doesn't", "didn't", "without", "hardly", "nothing", "neither"}
# An answer's clauses: "I lead the team day to day, but SEND policy is done by our service manager, not me".
_CLAUSES = re.compile(r"[,.;:!?\n]+|\s[-\u2013]\s|\b(?:but|though|although|whereas|except|apart from)\b", re.IGNORECASE)
_SELF = {"role", "job", "title", "post", "work", "caseload", "team's",  # "my role is to assess": the person's own
         "kids", "children", "child", "pupils", "pupil", "students", "young", "patients", "cyp"}  # "the kids, every day": theirs
_SOMEONE_ELSE = re.compile(r"^(?:my|our|the|their|his|her|a|another|other)\s+\S+|^(?:he|she|they|someone|somebody|others)\b"
                           r"|\bby (?:my|our|the|their|his|her|a)\b")  # "the nurses do the care plans", "done by our manager"
_DENIED = re.compile(r"^(?:that'?s |it'?s )?not (?:me|mine|my (?:job|role|remit|area))$|\b(?:my|our|the|their|his|her) [\w ]{1,30}'s "
                     r"(?:job|role|remit|responsibility)\b")  # "not me", "the SEND stuff is my manager's job"
_GOES_ON = re.compile(r"(?:such as|for example|eg|e g|like|including|or|nor|where|which|who|that|so that)\b")  # a clause that goes on from the last
_FRESH = re.compile(r"(?:just|only|mainly|mostly|mostly just|yes|yeah|but)\b")  # "no assessing, just contact": a clause of its own
_ME = {"i", "i'm", "im", "i've", "ive", "me", "we", "we're", "us"}


def _hits(text: str, patterns: Sequence[str]) -> bool:
    """True when a pattern matches somewhere not negated just before."""
    for m in re.finditer(r"(?<![\w'])(?:" + "|".join(patterns) + r")(?![\w'])", text):
        if not _NEGATION & set(text[: m.start()].split()[-3:]):
            return True
    return False


def read_answer(options: Sequence[Option], asks: str, typed: str | None, catalogue: RoleCatalogue | None = None,
                framework: str | None = None) -> Option | None:
    """The option the typed answer picks, or None when it does not clearly pick one; ``framework``: the question's."""
    text = normalise_role(typed or "")[:MAX_ANSWER]
    if not text or (corrects(typed or "") and SAYS_ROLE.search(typed or "")):
        return None  # "no, I'm a midwife" corrects the role; it does not answer "none of these"
    if DOUBT.match(text) or (is_question(typed) and asks != "sector"):
        return None  # "dunno, what do you mean by specific interaction?": a question back, asked again with help
    number = re.fullmatch(r"(?:option |number )?(\d{1,2})(?: then| please| pls| thanks| thank you)?", text)
    if number:
        n = int(number.group(1))
        return options[n - 1] if 1 <= n <= len(options) else None
    if asks == "new-senco":  # a length of time before this post, or none; a bare yes or no, or time in this post, says neither
        said, never = _said(options, asks, " ".join(SHORT_FORMS.get(w, w) for w in text.split()), catalogue), NEVER.search(text)
        if IN_POST.search(text) or (said and never):
            return None  # "2 years in this post", "not before this school, but 2 years at my previous one": asked again
        return said or (next((o for o in options if o.value == "yes"), None) if never else None)
    for option in options:
        if text in (normalise_role(option.label), normalise_role(option.value), normalise_role(option.short or option.label)):
            return option
    if asks == "involvement":
        return _involvement(options, text, typed or "", WORDS_OF.get(framework or "", INVOLVEMENT_WORDS))
    if asks == "sector":
        return _sector(options, text, catalogue)
    return _yes_no(options, text) or _said(options, asks, text, catalogue)


def asks_for_help(typed: str | None, options: Sequence[Option] = ()) -> bool:
    """Whether an answer to a question says the person cannot choose, or asks what the options mean ("what do you mean by
    specific interaction?" names the options' words; "what do you mean by EHCP?" asks the documents)."""
    text = normalise_role(typed or "")[:MAX_ANSWER]
    if not text or (typed or "").lstrip().startswith("/"):
        return False
    meant = MEANT_BY.search(typed or "")
    worded = " ".join(normalise_role(f"{o.label} {o.short or ''}") for o in options).split()
    return bool(DOUBT.match(text) or HELP_TO_CHOOSE.search(typed or "")
                or (meant and {w for w in normalise_role(meant.group(1)).split() if len(w) > 3} & set(worded)))


def _said(options: Sequence[Option], asks: str, text: str, catalogue: RoleCatalogue | None) -> Option | None:
    """An answer in the person's words that the catalogue's wording reads as this fact: "six months" as a SENCO."""
    value = catalogue.resolve(text, answering=True).said.get(asks) if catalogue else None
    return next((o for o in options if o.value == value), None)


def _yes_no(options: Sequence[Option], text: str) -> Option | None:
    yes = re.match(YES + r"(?![\w'])", text) and not re.match(NO + r"(?![\w'])", text)
    no = re.match(NO + r"(?![\w'])", text)
    wanted = "yes" if yes else "no" if no else None
    return next((o for o in options if o.value == wanted), None)


def _involvement(options: Sequence[Option], text: str, typed: str, words: Mapping[str, tuple[str, ...]]) -> Option | None:
    """Read clause by clause: a clause with "not", "don't", "no" in it says nothing the person does ("I don't contribute to
    assessing or planning"), nor does one about someone else ("our head of commissioning leads on SEND")."""
    none = next((o for o in options if o.level is None), None)
    if re.search(r"none of (?:these|them|those|the above)", text):
        return none
    clauses: list[str] = []
    for clause in (normalise_role(c) for c in _CLAUSES.split(typed[:MAX_ANSWER])):
        goes_on = _GOES_ON.match(clause) or (clauses and _NEGATION & set(clauses[-1].split()) and not _ME & set(clause.split())
                                              and not _FRESH.match(clause))  # "I don't assess, plan or intervene": nor plan
        if clauses and goes_on:  # "I don't hold a designated role, such as DHO": still not
            clauses[-1] += f" {clause}"
        elif clause:
            clauses.append(clause)
    own = [c for c in clauses if not _NEGATION & set(c.split()) and (_ME & set(c.split()) or not _someone_else(c))]
    rungs = [o for o in options if o.level]
    for option in rungs:  # highest first
        if any(_hits(c, words.get(option.value, ())) for c in own):
            return option
    if len(rungs) == 1 and re.match(YES + r"(?![\w'])", text) and not re.match(NO + r"(?![\w'])", text):
        return rungs[0]  # one description offered: a plain yes means it applies
    if re.match(NO + r"(?![\w'])", text) or any(_DENIED.search(c) or re.match(r"(?:nothing|none)(?![\w'])", c) for c in clauses):
        return none  # "i serve the dinners, nothing special for any kids": a clause that denies, none that does
    return None


def _someone_else(clause: str) -> bool:
    found = _SOMEONE_ELSE.search(clause)
    return bool(found) and not (found.group(0).split()[-1] in _SELF)


def tells_involvement(typed: str | None) -> bool:
    """Whether a statement says how the person works with CYP with SEND ("actually I do see children now
    and then"), in the words the involvement question reads; questions and commands never do."""
    if (typed or "").lstrip().startswith("/") or is_question(typed):
        return False
    return names_involvement(typed)


_BARE = {"children", "kids", "pupils", "young people"}  # who, not how: "the council for disabled children" tells no involvement


def names_involvement(typed: str | None, bare: bool = True) -> bool:
    """Whether a message names how someone works with CYP with SEND, in the words the involvement question reads,
    told or asked about ("what level for someone with occasional contact?"); ``bare``: "children" alone counts."""
    text = normalise_role(typed or "")[:MAX_ANSWER]
    return bool(text) and any(_hits(text, [w for w in words if bare or w not in _BARE])
                              for vocabulary in (INVOLVEMENT_WORDS, EDUCATING_WORDS) for words in vocabulary.values())


def sectors_named(typed: str, catalogue: RoleCatalogue | None) -> set[str]:
    """The workplaces an answer to "where do you work?" names: "NHS but in the school every day" names two."""
    text = normalise_role(typed)[:MAX_ANSWER]
    hint = catalogue.resolve(text).sector_hint if catalogue else None
    sectors = {s for s, pats in SECTOR_WORDS.items() if _hits(text, pats)} | ({hint} if hint else set())
    return sectors or ({"elsewhere"} if _hits(text, ELSEWHERE) else set())  # "i'm self employed"; "a private nursery" names its own


def _sector(options: Sequence[Option], text: str, catalogue: RoleCatalogue | None) -> Option | None:
    sectors = sectors_named(text, catalogue)
    if len(sectors) != 1:
        return None
    sector = sectors.pop()
    matching = [o for o in options if o.sets.get("sector") == sector]
    if len(matching) > 1:  # the SENCO's question: a school, newly appointed or not
        new, experienced = _hits(text, NEW), _hits(text, EXPERIENCED) or bool(re.search(r"\bnot new", text))
        if new == experienced:
            return None
        return next((o for o in matching if o.sets.get("new-senco") == ("yes" if new else "no")), None)
    return matching[0] if matching else None


QUESTION_START = ("what", "what's", "whats", "who", "who's", "whose", "how", "how's", "when", "when's", "where", "where's", "why",
                  "which", "can", "could", "do", "does", "is", "are", "should", "would", "will", "tell", "explain", "define", "list",
                  "show", "difference", "differences", "compare", "comparing",  # "difference between the SENCO and the head"
                  "summarise", "summarize", "outline", "describe",
                  "shoud", "shud", "wat", "wot", "wht", "hw")  # as typed on a phone
ASKS_AFTER = re.compile(rf"\b(?:{STANDS_FOR}|(?<!that )(?<!which )(?<!it )meaning|(?<![,;])(?<!know )(?<!sure )(?<!see )(?<!idea )(?<!remember )(?<!depends )(?<!depends on )(?<!matter )(?:when|where|who|how long|how many|how much))"
                        r"\s*[?.!]*\s*$", re.IGNORECASE)  # "senco stands for", "lincs platform commissioned when", not "not sure when"


QUOTED = re.compile(r"(?:^|\s)['\"\u2018\u201c](\w[\w\s-]{1,40}?)['\"\u2019\u201d](?=[\s?.!,]|$)")


def quoted(typed: str | None) -> str | None:
    """The word or phrase a message puts in quotes ("what does 'achievement' mean in the senco spec"): what it asks about."""
    found = QUOTED.search((typed or "")[:MAX_ANSWER])
    return found.group(1) if found else None


# A later clause asks only in a question's shape ("when do i ...", "is that ...", "do i need ..."), not "who works 1:1 ...".
ASKS = re.compile(r"\s*(?:(?:what|when|where|why|how|which|who)(?:'s|\s+(?:is|are|am|was|were|do|does|did|can|should|will|would|has|have|must)\b)"
                  r"|(?:what|which|how many|how much)\s+(?!(?:i|we|you|they|he|she|that|this|it|means)\b)(?:[\w'/-]+\s+){1,3}?"  # "what headings does it have"
                  r"(?:is|are|am|was|were|do|does|did|can|should|will|would|has|have|must)\s+(?:i|you|it|that|this|they|we|there|the|a|an|my|our)\b"
                  r"|(?:is|are|am|do|does|did|can|could|should|will|would|must|have)\s+(?:i|you|it|that|this|they|we|there|the|a|my|an)\b)",
                  re.IGNORECASE)
# "if a child has a TA who's accountable for their progress": a condition and what it asks, with no main clause of its own
IF_THEN_ASKS = re.compile(r"^\s*if\b(?!.*\b(?:i|i'm|im|me|my|we|we're|our|us)\b).*?\s(?:who(?:'s|\s+is|\s+are)|what(?:'s|\s+is|\s+are)|which|whose|how)\b", re.IGNORECASE)
AS_A = re.compile(r"^\s*as (?:a|an|the)\s+(?:\S+\s+){1,5}?(?=(?:is|are|am|do|does|can|could|should|will|would|must|have)\s)", re.IGNORECASE)
# A few words (a job, said without a comma) then a question's inverted verb and person: "experienced teacher can i skip
# the senco training", "newly qualified SLT can i count ..." (not "so can I", "as do we")
JOB_THEN_ASKS = re.compile(r"^\s*(?:[\w'-]+\s+){1,5}?(?<!\bso )(?<!\bas )(?<!\bnor )(?<!\bneither )"
                           r"(?:can|could|do|does|should|must|will|would|have)\s+(?:i|we)\s+[a-z]", re.IGNORECASE)  # (not "May I", "8 am I")
_RELATIVE = re.compile(r"\s*which\s+(?:is|was|are|were)\s+(?:\S+\s+)?\S+[.!]\s*$", re.IGNORECASE)  # "..., which is typical."
CLAUSE = re.compile(r"\s+[-\u2013\u2014]\s+|[:;]\s*")  # "new starter - when do i have to have done L1 by"


def is_question(typed: str | None) -> bool:
    """Whether a message reads as a question: a question mark, or a question word first in it or in a clause
    after a dash, colon, semicolon or comma ("exam access arrangements - is that the senco's job"), or a question passed
    on ("my manager wants to know whether ...")."""
    text = (typed or "").strip()
    if "?" in text:
        return True
    first, *later = re.split(rf"{CLAUSE.pattern}|,\s*", text[:MAX_ANSWER])  # "as a new teacher, what are my duties"
    words, said = first.casefold().split(), AS_A.match(first)  # "as a TA do i have to go to annual reviews"
    later = [c for c in later if not _RELATIVE.match(c)]  # ("..., which is typical.": no question)
    return bool(words and words[0].strip(",.!") in QUESTION_START) or any(ASKS.match(clause) for clause in later) \
        or bool(said and ASKS.match(first[said.end():])) or bool(IF_THEN_ASKS.match(text)) or bool(ASKS_AFTER.search(text)) \
        or bool(JOB_THEN_ASKS.match(first)) \
        or passed_on(text) is not None  # "a governor asked me if ofsted can inspect the courses"


_NO_DEPARTMENT = (r"(?:with|as|a|an|the|charge|partnership|reception|early|schools?|health|education|nurser(?:y|ies)|colleges?|nhs|social|"
                  r"two|class|touch|contact)\b")  # where or how someone works, not the department they work in
SAYS_ROLE = re.compile(r"\b(?:(?:i'?m|i am)(?: actually| now| really| (?:going|about|due|set) to (?:be|become))? (?:an?|the)|i work as|my (?:role|job|(?:job )?title) is|^work (?:as|in)(?! partnership)|"
                       r"i(?:'ve| have)? (?:just |recently )?(?:started|begun|joined) (?:work |(?:last|this) (?:week|month|term|year) )?as|"
                       # "I've put myself forward to be the SEND champion", "I was appointed as the ...", "I've just been made SENCO"
                       r"i(?:'ve| have)? (?:put myself forward|volunteered|applied|been asked|agreed) (?:to be|to become|as|for) (?:an?|the|our)|"
                       r"i(?:'ve| have)? (?:just )?(?:trained|qualified) as (?:an?|the)|"
                       r"i(?:'ve| have)? (?:just |recently )?(?:moved|switched|transferred|stepped down|gone) (?:(?:jobs?|roles?|posts?) )?(?:from\b[^.?!]{1,80}?\bto (?:be |become )?|to (?:be|become) )(?:an?|the|our|my)\b|"
                       r"i(?:'ve| have) been (?:an?|the) (?!bit\b|little\b|while\b|long\b|lot\b)|"  # "I've been a TA for three years"
                       r"i(?:'ve| have)? (?:just |recently )?(?:been|was) (?:made|appointed|named) (?!aware|redundant|to\b)(?:as )?(?:an?|the|our)?|"
                       rf"(?:i work|i'?m|i am) in (?:the |our )?(?:(?!{_NO_DEPARTMENT})[\w'&-]+\s+){{1,3}}(?:for|at|within) (?:a|an|the|our|my|this)\b|"
                       rf"i work in (?:(?!{_NO_DEPARTMENT})[\w'&-]+\s*){{1,3}}(?=[.,;!?]|$)|"  # "I work in IT support (for a hospital)."
                       r"i work (?:at|in|for) (?:[\w'&-]+\s+){1,4}?as (?:an?|the)\b|"  # "I work at the ICB as a commissioner"
                       r"i (?:teach|clean|cook|volunteer) (?:\w+\s+){0,3}?(?:at|in|for) (?:a|an|the|our|my)\b|"  # "I teach the sixth form at a special school"
                       r"(?:i work|i'?m|i am) (?:in|at|for) "
                       r"(?:the |our |a )?(?:(?!with\b|as\b|a\b|an\b|the\b)[\w'-]+\s+){1,3}(?:team|service|department|dept|unit|office|directorate|division)"
                       rf"|{IN_A_DEPARTMENT}"
                       r"|\b(?:has|have|had) (?:just )?(?:made|appointed|named) me (?:as )?(?:its|their|our|the))\b", re.IGNORECASE)  # "the trust has made me its SEND Champion"
# A role named as the thing asked about, not the person's job: "the senco's job", "senco training", "role of the head".
ROLE_THING = re.compile(r"\s*(?:(?:'s|\u2019s|s')\s+(?:role|job|remit|training|course|award|qualification|duties|responsibilit(?:y|ies))"
                        r"|\s+(?:training|course|courses|award|qualification|spec|specification|programmes?|duties|responsibilit(?:y|ies)"
                        r"|deployment|appointment|knowledge|skills|outcomes|standards)"  # "key questions about TA deployment"
                        r"|s?\s+(?:should|must|have to|has to|are expected to|is expected to)\s+(?!i\b|we\b)[a-z]+)\b",
                        re.IGNORECASE)  # "reasonable adjustments governors should look at": what the role does
# "early years senco role": a message that ends with the role and "role", not told as the person's own ("in a senco role")
ROLE_ENDS = re.compile(r"\s+(?:role|remit)\s*\??\s*$", re.IGNORECASE)
HELD_IN = re.compile(r"\b(?:in|into|to|as|a|an|my|our|their|interim|acting|deputy|assistant|trainee|newly appointed)\s+(?:[\w-]+\s+){0,3}$",
                     re.IGNORECASE)  # "in a senco role", "interim senco role", "appointed to the senco role"
# What someone asks for when they want to reach someone: "email address for the DHO", "website for the CDC e-learning".
CONTACT_DETAILS = r"e-?mail(?: address)?|(?:tele)?phone(?: number| no)?|contact(?: details| number)?|web ?site|web address|url|link|name"
ROLE_OF = re.compile(r"(?<!\bto the )(?<!\bon the )(?<!\bin the )(?<!\binto the )"  # not "new to the role of SENCO"
                     rf"\b(?:(?:role|roles|job|remit|duties|responsibilit(?:y|ies))\s+of|(?:{CONTACT_DETAILS})\s+(?:of|for))"
                     r"\s+(?:the\s+|a\s+|an\s+|our\s+|my\s+)?$", re.IGNORECASE)  # "email for the DHO"
REQUEST = re.compile(rf"\s*(?:the\s+|a\s+)?(?:{CONTACT_DETAILS})\s+(?:for|of|to)\b", re.IGNORECASE)  # not "link worker"
WH_WORD = re.compile(r"\b(?:who|what|when|where|why|how)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|me|my|mine|am i)\b", re.IGNORECASE)  # "i've" holds "i"
SHORT_ROLE = 6  # words: "school business manager" names a job; a long sentence ending in "manager" may not


def asks_about_a_role(typed: str | None, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether a role named at these places is what a message asks about rather than the person's job: "three purposes
    of the senco training spec", "exam access arrangements - is that the senco's job", "role of the headteacher in
    send". Someone telling their job says "I'm a ..." first, so that always tells."""
    text, spans = typed or "", list(spans)
    asking = is_question(text) or WH_WORD.search(text) is not None  # "after the senco course who sets my CPD objectives"
    if SAYS_ROLE.search(text) or (not asking and (FIRST_PERSON.search(text) or len(spans) > 1)):
        return False  # "I took on the role of SENCO", "teacher with SENCO responsibilities": they tell a job
    return any(ROLE_THING.match(text, end) or ROLE_OF.search(text[:start])
               or (ROLE_ENDS.fullmatch(text, end) and not HELD_IN.search(text[:start])) for start, end in spans)


NOT_A_JOB = {"staff", "worker", "workers", "employee", "employees", "colleague", "colleagues", "member", "members", "team", "people"}


def mentions_a_job(typed: str | None, job_words: Iterable[str]) -> bool:
    """Whether a question is about people in a job ("do receptionists need SEND training?", "does a porter need
    it?", "dinner ladies"): a word or two, without a plural ending, that is a job word other than "staff" and the like."""
    jobs = {w.casefold() for w in job_words} - NOT_A_JOB
    words = [_singular(w) for w in re.findall(r"[a-z][a-z'-]*", (typed or "")[:MAX_ANSWER].casefold())]
    return any(w in jobs for w in words) or any(f"{a} {b}" in jobs for a, b in zip(words, words[1:]))


def _singular(word: str) -> str:
    return re.sub(r"ies$", "y", word) if word.endswith("ies") else word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# What someone in a job is doing, after it ("comms officer writing the trust newsletter"): a verb in -ing with words after
# it, not a noun in -ing ("manager training", "SENCO funding for schools")
DOING = (r"(?!(?:training|learning|funding|safeguarding|planning|meeting|setting|teaching|nursing|housing|hearing|being|wellbeing|"
          r"parenting|commissioning|listening)\b)[a-z]{3,}ing(?=\s+[\w'-])")


def names_a_job(typed: str | None, job_words: Iterable[str], named: bool = False) -> bool:
    """Whether a statement tells a job role: it names one (``named``: the catalogue or the role ruler found
    one), says "I'm a ... / I work as ...", or is a short phrase ending in a job word ("midwife",
    "school business manager"), or starts with one before "who", "in", "at"... ("inclusion manager who...")."""
    text = " ".join((typed or "").split())[:MAX_ANSWER]
    if not text or text.startswith("/") or is_question(text):
        return False
    if named or SAYS_ROLE.search(text):
        return True
    words = re.findall(r"[\w'-]+", text.casefold())
    if words[-1:] == ["here"] and len(words) <= 4 and not {"no", "not", "don't", "dont", "there's", "theres", "we", "our", "the", "for", "new"} & set(words):
        words = words[:-1]  # "school business manager here", not "we don't have a SENCO here"
    jobs = {w.casefold() for w in job_words}
    starts = re.match(rf"^((?:[\w'-]+ ){{1,4}}?)(?:who|that|in|at|for|with|on|{DOING})\b", text.casefold())  # ("... writing the newsletter")
    head = starts.group(1).split() if starts else []  # "inclusion manager who ...", not "I advise staff on ..."
    denied = re.search(r"\b(?:not|never|isn'?t|aren'?t|no longer)\s+(?:[\w'-]+\s+){0,3}[\w'-]+$", text.casefold())  # "i'm not the SEND champion"
    return (0 < len(words) <= SHORT_ROLE and words[-1] in jobs and not denied) or bool(head and head[-1] in jobs - NOT_A_JOB
                                                                        and not FIRST_PERSON.search(" ".join(head)))
