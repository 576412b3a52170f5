"""The parts of a message that ask: its sentences or clauses that are questions, those without what is said of the
asker or what the answer is for ("need it for our training matrix"), and what in them is asked beyond a topic's names."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from knowledge.answer_words import SECTOR_WORDS
from knowledge.defining import asked_of_a_level
from knowledge.passages import level_named
from knowledge.reading import DOING, FIRST_PERSON, is_question, mentions_a_job, names_a_job, names_involvement, sectors_named
from knowledge.schema import KnowledgeBase
from knowledge.roles import RoleCatalogue, normalise_role
from knowledge.words import A_LEVEL, CONTENT_ASKED, GENERIC, tokens, written_out

# What is said of the asker or what an answer is for, around a question: "new head here", "need it for our matrix", "procurement asked"
_ME = r"i|i'm|im|me|my|we|we're|our|us"
ABOUT_THE_ASKER = re.compile(rf"\b(?:{_ME}|here|asked|need(?:ed)?|for (?:a|an|the|our|my))\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(rf"\b(?:{_ME})\b", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|we're|us)\b", re.IGNORECASE)  # the asker's team, beside "our" (which names whose they are)
_ASKED_BY = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+){1,2}(?:wants?|asked|has asked|needs?|told)\s+(?:me|us)\b", re.IGNORECASE)  # who asked
_STARTED = re.compile(r"\W*(?:just |recently |newly )?(?:started|joined|began|appointed|new)\b",
                      re.IGNORECASE)  # "just started as learning support assistant there": the asker, who says no "I"
_IN_PARTICULAR = re.compile(r"\b(?:especially|in particular|particularly|mainly|mostly|only|too|as well)\b", re.IGNORECASE)  # "new
# SENCOs in particular": whom the question is about
_A_LEVEL = re.compile(rf"\b{A_LEVEL}|\b(?:introductory|induction) (?:level|tier)\b", re.IGNORECASE)
_OF_A_ROLE = re.compile(r"\b(?:role|roles|responsib\w*|duty|duties|job|jobs|supposed|expected of)\b", re.IGNORECASE)  # "TA here - what is the role?"
_REFERS = r"\b(?:it|that|this|they|them|those|these|one|ones)\b"
BACK_REFERENCE = re.compile(_REFERS + r"(?![?!.\s]*$)|(?<!n't )" + _REFERS + r"[?!.\s]*$",  # "X - is that the SENCO's job?", not the tag
                            re.IGNORECASE)  # of "the threshold is £10k, isn't it?"


_HEAD = re.compile(r"([^,:;?.!\u2013\u2014]{3,80}?)(?:\s*[,:]|\s+[-\u2013\u2014])\s+(?=\S)")  # a clause before the first comma, colon
# or dash: "Programme leader: what ...", "School business manager here - the threshold is ..."
SUBJECT_WORDS = 2  # words of its own a question after a job needs to be about something else than that job
_KIND_WORDS = frozenset(tokens("level levels tier tiers hours hour training need needed needs outcomes learning competencies refresher "
                               "induction minimum course required"))
_DOING_FIRST = re.compile(rf"^{DOING}[^?]*?\s[-\u2013\u2014]\s+(?=\S)", re.IGNORECASE)  # "sorting the contracts file - ..."
PARTS = re.compile(r"(?<=[?!.])\s+|\s[-\u2013\u2014]\s")  # sentences, and clauses after a dash
CLAUSES = re.compile(r"(?<=[?!.])\s+|\s[-\u2013\u2014]\s|,\s+")  # and after a comma ("I'm a lunchtime supervisor, what ...")


def _asking(typed: str) -> tuple[list[str], list[str]] | None:
    """A message's parts and those that are questions; None when it is read whole: none or every part asks, or one
    points back at what was said ("exam access arrangements - is that the senco's job")."""
    parts = [p for p in PARTS.split(typed.strip()) if p.strip()]
    asking = [p for p in parts if is_question(p)]
    return None if not asking or len(asking) == len(parts) or any(BACK_REFERENCE.search(p) for p in asking) else (parts, asking)


def questions_only(typed: str, pointing_back: bool = False) -> str:
    """The sentences or clauses of a message that are questions ("roughly what % of LA areas fail?" without "putting
    together a business case for more training -"); the whole message when it is read whole. ``pointing_back``: even a
    question that points back at what was said ("... the East Sussex framework. What are the areas in it?")."""
    if pointing_back:
        return " ".join(p for p in PARTS.split(typed.strip()) if p.strip() and is_question(p)) or typed
    split = _asking(typed)
    return " ".join(split[1]) if split else typed


def last_question(typed: str) -> str:
    """The last sentence of a message that ends in a question mark ("I'm a trainer making a form. what headings are on
    the record?"); the whole message when none does."""
    return (re.findall(r"[^.?!]*\?", typed) or [typed])[-1]


def asking_part(typed: str) -> str:
    """The sentences or clauses of a message that ask, without what it says of the asker or what the answer is for
    ("what are the refresher requirements?" without "Need it for our matrix", "new head here -"); the whole message when
    it is read whole. A clause that names a subject stays ("annual reviews - what's my role?")."""
    split = _asking(typed)
    if split is None:
        return typed
    parts, asking = split
    kept = [p for p in parts if p in asking or not ABOUT_THE_ASKER.search(p)]
    return typed if len(kept) == len(parts) else " ".join(kept)


_GUESS = re.compile(r"^(?P<asked>\s*(?:who|which|whose)\b[^?\u2013\u2014]{8,}?)\s+[-\u2013\u2014]\s+(?P<guess>[^?]{1,60})\?\s*$",
                    re.IGNORECASE)
_NOT_A_GUESS = re.compile(r"\s*(?:in|at|for|on|of|to|with|from|within|by|and|or|also|plus|is|are|does|do|did|can|could|should|what|who|how|"
                          r"which|when|where|why|if|or)\b", re.IGNORECASE)  # a qualifier ("- for new starters?") or more asked
GUESS_WORDS = 6


def without_a_guess(typed: str) -> str:
    """"who designates the SENCO in a school - the local authority?", "who is the lead agency - Bishop Grosseteste Uni?": the
    asker's guess at who, after a dash, is no part of what is asked, so it does not pull the search towards itself; a level,
    a qualifier or a choice there stays ("who needs level 3 - level 3?", "- for new starters?", "- governors or head?"), and
    after any other question it is what is asked about ("what are the duties of the SENCO - pre-school?")."""
    m = _GUESS.match(typed)
    guess = m.group("guess") if m else ""
    if m and len(guess.split()) <= GUESS_WORDS and not _NOT_A_GUESS.match(guess) and not _A_LEVEL.search(guess) \
            and not _FIRST_PERSON.search(guess) and not re.search(r"\b(?:or|vs|versus|and)\b", guess, re.IGNORECASE):
        return m.group("asked").strip() + "?"
    return typed


def without_the_asker(typed: str, job_words: Sequence[str]) -> str:
    """A question without the job its asker names and what they say after it of themselves, when the question does not
    ask about the asker ("Careers adviser at a secondary. What outcomes did the DfE develop?", "what is the framework
    for? my manager wants me to use it in supervision"): who asks and why, not what about. It stays when the question asks of the asker ("TA here -
    what's my role in annual reviews?") or points back at it, and where it names a kind of place ("I work in early years")."""
    typed = without_a_guess(typed)
    head = _HEAD.match(typed.strip())
    if head and names_a_job(head.group(1), job_words) and not (is_question(head.group(1)) or _A_LEVEL.search(head.group(1))):
        rest = typed.strip()[head.end():]  # "special school HLTA, who is the lead agency for the SEND Alliance?"
        split = _asking(rest)
        own = set(tokens(rest)) - GENERIC - _KIND_WORDS  # a question naming its own subject, not "what are the learning outcomes?"
        if is_question(rest) and len(own) >= SUBJECT_WORDS and not any(_FIRST_PERSON.search(p) or _OF_A_ROLE.search(p) or BACK_REFERENCE.search(p)
                                                                        for p in (split[1] if split else [rest])):
            return without_the_asker(_DOING_FIRST.sub("", rest), job_words)  # (and what they are doing: "sorting the contracts file -")
    typed = _without_asides(typed, job_words)
    split = _asking(typed)
    if split is None or any(ABOUT_THE_ASKER.search(p) or _OF_A_ROLE.search(p) for p in split[1]):
        return typed
    parts, asking = split
    first = parts.index(asking[0])  # a job told before the question is who asks; after it, it may be who is asked about
    kept = [p for n, p in enumerate(parts) if p in asking or not (n < first and names_a_job(p, job_words) or n > first and _why_asked(p, job_words))]
    return " ".join(kept) if len(kept) < len(parts) else typed


_AND_ALSO = re.compile(r"\W*(?:and|or|also|plus|&)\b", re.IGNORECASE)
ASIDE_WORDS = 4  # words of a sentence after the last question that, naming no level, job or place, is an aside


def _without_asides(typed: str, job_words: Sequence[str]) -> str:
    """A message without the sentences after its last question that name no level, job or place: asides ("I've tried
    the switchboard twice and got nowhere.", "the office is freezing today btw"), not who it asks about ("Asked because
    of the Level 2 HCAs."), a short qualifier ("for new starters") nor more asked ("and the avg views per video")."""
    parts = [p for p in PARTS.split(typed.strip()) if p.strip()]
    asks = [n for n, p in enumerate(parts) if is_question(p)]
    if not asks or asks[-1] == len(parts) - 1:
        return typed
    after = parts[asks[-1] + 1:]
    kept = [p for p in after if len(p.split()) < ASIDE_WORDS or _A_LEVEL.search(p) or sectors_named(p, None) or mentions_a_job(p, job_words)
            or _AND_ALSO.match(p)]  # ("and the avg views per video": more asked)
    if len(kept) == len(after):
        return typed
    text = typed.strip()
    end = text.rfind(parts[asks[-1]]) + len(parts[asks[-1]])  # up to the last question as written, then what else stays
    return " ".join([text[:end], *kept])


def _why_asked(part: str, job_words: Sequence[str]) -> bool:
    """What the asker says after the question of why they ask ("my manager wants me to use it in supervision"), naming
    no level, job or place that the question may be about ("asked because of the Level 2 HCAs"), or the job they have
    just started ("just started as learning support assistant there")."""
    return bool(_STARTED.match(part) and not _A_LEVEL.search(part) and not _IN_PARTICULAR.search(part)) or bool(_FIRST_PERSON.search(part)) and not (
        _A_LEVEL.search(part) or sectors_named(part, None) or mentions_a_job(part, job_words) and not _ASKED_BY.search(part))


def asks_about(question: str, catalogue: RoleCatalogue, title: str) -> bool:
    """Whether a question about a topic asks about something in it ("what should TAs be trained to do?"),
    not just the topic ("what does a TA do?"): words beyond its role names and title."""
    return bool(particular(question, catalogue, title))


_TENURE = frozenset(tokens("new newly just recently acting interim start starting started joined joining appointed here this next last "
                           "term year month week january february march april may june july august september sept october november "
                           "december jan feb mar apr jun jul aug sep oct nov dec spring summer autumn"))


def particular(question: str, catalogue: RoleCatalogue, title: str) -> set[str]:
    """The question's words that are not its role's names, the topic's title or words for duties in general, in the
    part of it that asks ("new head here - what are my responsibilities? quick list" asks nothing in particular)."""
    question = asking_part(question)
    head = _HEAD.match(question.strip())  # "new head starting in Sept, whats the headteacher's role?": who asks and since when,
    if head and names_a_job(head.group(1), catalogue.job_words) and is_question(question.strip()[head.end():]) \
            and set(tokens(head.group(1))) - set(tokens(" ".join(catalogue.job_words))) <= _TENURE:  # not "SENCO working with parents"
        question = question.strip()[head.end():]
    asked = set(tokens(normalise_role(question)))
    said = set(asked)
    for role in catalogue.resolve(question).roles:  # the names said ("TAs"), not every alias ("learning support assistant")
        said -= {w for name in (role.name, *role.aliases) for named in [set(tokens(name))] if named <= asked for w in named}
    return said - set(tokens(title)) - GENERIC


# The word "level" or "tier" alone. Kin of roles_asked.LEVEL_WORDS (which also takes hours and "need": a question about
# training owed), roles_asked.ASKS_NEED (whether someone needs it at all) and lookup._LEVEL_NAMED (one level by its
# number): each asks something different, so they are kept apart on purpose.
LEVEL_ASKED = re.compile(r"\b(?:levels?|tiers?)\b", re.IGNORECASE)


def asks_level_for_involvement(question: str, kb: KnowledgeBase, catalogue: RoleCatalogue) -> bool:
    """"What's the minimum level for someone with occasional contact?": a level asked of how someone works with CYP with
    SEND, with no job, no workplace and no level named, so no level of anyone's can be given; who each is for answers."""
    return is_question(question) and bool(LEVEL_ASKED.search(question)) and names_involvement(question, bare=False) \
        and level_named(kb.levels, question) is None and not catalogue.resolve(question).roles \
        and not mentions_a_job(question, (*kb.wording.job_words, *kb.wording.job_nouns)) and not sectors_named(question, catalogue)


# A list of people to check: "can you check my team?", "can i send you a csv of roles", not "which standards? can you list them"
STAFF_WORDS = re.compile(r"\b(?:titles?|staff|roles|team|department|ward|rota|csv|excel|spreadsheet|upload|paste|lists? of)\b", re.IGNORECASE)
ASKED_OF_ME = re.compile(r"\b(?:you|u|list|lists)\b", re.IGNORECASE)
THEIR_LIST = re.compile(r"\blist (?:them|those|these|it)\b", re.IGNORECASE)


def about_a_staff_list(question: str) -> bool:
    """Whether a message asks to check people's jobs (the words of staff lists, or asking "you" to) rather than asking
    the documents for a list of theirs ("can you list them")."""
    return bool(STAFF_WORDS.search(question)) or bool(ASKED_OF_ME.search(question)) and not THEIR_LIST.search(question)


def place_named(question: str, job_words: Sequence[str]) -> str | None:
    """The one workplace a question asks about someone in: "SENCo in a pre-school", "at a college", "nursery SENCO"; not
    a place named for anything else ("help students get ready for college"). None for none, or more than one."""
    text = normalise_role(question)
    places = {sector for sector, (at, before_job) in _place_patterns(tuple(job_words)).items()
              if at.search(text) or before_job.search(text)}
    return places.pop() if len(places) == 1 else None


@lru_cache(maxsize=4)
def _place_patterns(job_words: tuple[str, ...]) -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Per sector, the two ways a question names a workplace: after in/at/within, or just before a job word. Built once
    per job-word list, since the list is the knowledge base's and does not change while it is loaded."""
    jobs = "|".join(re.escape(w.casefold()) for w in sorted(job_words, key=len, reverse=True))
    return {sector: (re.compile(rf"\b(?:in|at|within)\s+(?:[\w'-]+\s+){{0,3}}?(?:{'|'.join(words)})(?![\w'])"),
                     re.compile(rf"(?<![\w'])(?:{'|'.join(words)})\s+(?:[\w'-]+\s+)?(?:{jobs})\b"))
            for sector, words in SECTOR_WORDS.items()}


# What asks about the order of the levels: "does L3 build on L2?", "is L1 needed before L2?", "does level 2 follow on from 1?"
ORDER_ASKED = re.compile(r"\b(?:build|builds|built|before|after|first|preceding|precedes?|comes?|follows?|following|complete|completed|"
                         r"need|needs|needed|requires?|required|prerequisites?|order|previous|prior|next|above|below|higher|lower)\b",
                         re.IGNORECASE)


def asks_order(question: str) -> bool:
    """Whether a yes/no question to a level asks about the order of the levels rather than what the level holds ("does
    the introductory level cover lego therapy?"); a question whose asked part cannot be read is taken to."""
    asked = asked_of_a_level(question)
    return asked is None or bool(ORDER_ASKED.search(asked))


# A level the person says is theirs ("my level 4 training", "I'm at L4 now"): what they ask is about that level, not which.
OWN_LEVEL = re.compile(rf"\b(?:my|our)\s+(?:own\s+)?{A_LEVEL}\s+(?:send\s+)?(?:training|competenc|outcomes|course|hours)"
                       rf"|\b(?:i'?m|i am|working)\s+(?:now\s+)?at\s+{A_LEVEL}", re.IGNORECASE)  # (not "on level 2 of the hospital")
# A level told as other people's, then asked about them: "our receptionists come under L2. how much refresher do they need".
_THEIR_LEVEL = re.compile(rf"\b(?:come|fall|sit|are)\s+(?:under|in|at)\s+{A_LEVEL}[^?]*?\b(?:they|them|their)\b", re.IGNORECASE)


def asks_their_level(text: str) -> bool:
    """Whether a message tells other people's level and asks about them, not about the asker ("... what level am I?")."""
    told = _THEIR_LEVEL.search(text)
    rest = text[told.start():] if told else ""  # "our receptionists ... they": other people, but not "... what level do we need?"
    return bool(told) and not (FIRST_PERSON.search(rest) or _WE.search(rest))


# What each kind of a level's answer answers, beyond the words it shows: a question's words that these hold are answered
# by its kind ("refresher hrs" by the hours, "who is it for" by the cohort).
TRAINING_WORDS = "level training train"  # every level answer is about a level's training
ANY_KIND = "learning staff cover covers"  # words of more than one kind's answer ("what e-learning do all staff need")
ANSWERS_TO = {kind: f"{TRAINING_WORDS} {words}" for kind, words in {
    "cohort": "who for apply applies cover covers cohort staff named aim aimed target targets",
    "hours": "hours refresher induction how long often time minutes",
    "outcomes": "learning outcomes cover covers know understand", "competencies": "competencies competences skills cover",
    "training": "course method methods suggested way where run runs source sources",
    "builds_on": "before preceding builds build first", "induction": "induction new starter weeks session",
}.items()}
KIND_WORDS = {kind: frozenset(tokens(words)) - frozenset(tokens(f"{TRAINING_WORDS} {ANY_KIND}")) for kind, words in ANSWERS_TO.items()}


def names_kind(kind: str, text: str) -> bool:
    """Whether a question names a kind of a level's answer ("outcomes" for its learning outcomes, "refresher" for its
    hours), beyond the words every kind shares ("training", "cover")."""
    return bool(KIND_WORDS.get(kind, frozenset()) & set(tokens(text)))


def kind_named(text: str) -> str | None:
    """The one kind of a level's answer a question names; of several, the one it names by name ("the areas of
    understanding (competencies)": the competencies); None when it names none, or several alike."""
    text = written_out(text)  # "hrs"
    named = [k for k in KIND_WORDS if names_kind(k, text)]
    by_name = [k for k in named if set(tokens(k.replace("_", " "))) & set(tokens(text))]
    return named[0] if len(named) == 1 else by_name[0] if len(by_name) == 1 else None


# A level told as where people work ("service lead at level 4", "they sit at level 3", "working to Level 4") and a
# question asked: a level's answer, of the kind the question names, is what is asked
_AT_A_LEVEL = re.compile(rf"\b(?:at|to|under|on|in|(?:to do|to take|down for|onto|on to) (?:the )?)\s*(?:{A_LEVEL}|introductory(?: level| tier)?\b)", re.IGNORECASE)
_ASKS = re.compile(r"\b(?:what|whats|what's|wat|how|which|would like to know|tell me|list)\b", re.IGNORECASE)
# A level's kinds by their own names, as a question that tells a level asks one ("minimum hrs", "the competencies")
_KIND_NAMED = {"hours": re.compile(r"\b(?:hours?|hrs?|refresher|minutes|mins)\b", re.I), "competencies": re.compile(r"\bcompeten", re.I),
               "outcomes": re.compile(r"\boutcomes?\b", re.I)}
# The asker's own level asked, or whether they need one: the level questions, not a level's answer
_NEED_ASKED = re.compile(r"\b(?:what|which)\s+(?:send\s+)?(?:training\s+)?(?:level|tier)\b|\b(?:do|does|should|must|would)\s+"
                         r"(?:i|we|they|he|she)\s+(?:\w+\s+){0,2}(?:need|have to|go up)\b|\bif\s+(?:i|we)\s+need\b", re.IGNORECASE)


def level_kind_asked(text: str) -> str | None:
    """"service lead at level 4, whats the minimum hrs i need over 3 years": the kind of a level's answer, named by name,
    asked of a level the message says someone works at; None otherwise, and when it asks which level someone needs or
    whether they need one ("trained to level 1, what level do I need for my new role")."""
    if not (_AT_A_LEVEL.search(text) and _ASKS.search(text)) or _NEED_ASKED.search(text):
        return None
    named = [kind for kind, words in _KIND_NAMED.items() if words.search(text)] or \
        (["outcomes"] if CONTENT_ASKED.search(text) else [])  # "I've been put on Tier 1. What will the training cover?"
    return named[0] if len(named) == 1 else None
