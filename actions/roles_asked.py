"""Questions about what people in a role do, or whether they need training: the role's duties in the documents'
words (its topic, the part asked about first), the least a named role needs, and what such a question asks beside the job."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional, Text, Tuple

from actions import documents, replies
from actions.knowledge_base import guide
from knowledge import lookup
from knowledge.answer_words import TRAINING_ASKED
from knowledge.answers import to_dict
from knowledge.enough import ENOUGH, against
from knowledge.passages import level_named
from knowledge.rules import Determination, NextQuestion, Profile, sector_label
from knowledge.asking import CLAUSES, LEVEL_ASKED, place_named, questions_only
from knowledge.reading import FIRST_PERSON, is_question, names_involvement
from knowledge.words import tokens

LEVEL_WORDS = re.compile(r"\b(?:level|tier|hours?|minimum|how (?:much|many|long)|mandatory|required|need)\b", re.IGNORECASE)


def chat_beside_a_job(text: Text) -> bool:
    """"who won the football last night? I'm a teacher": a question holding no word of the documents', said beside the
    asker's job; not "social model of disability - what is it?", "senco time off timetable" or "I'm a TA. is it online?"."""
    parts = [p for p in CLAUSES.split(text) if p.strip()]  # ("I'm a teacher, tell me a joke")
    question = " ".join(p for p in parts if is_question(p) or not documents.mentions_job(p))
    return bool(question) and len(question) < len(" ".join(parts)) and not documents.mentions_job(question) \
        and not LEVEL_WORDS.search(question) and documents.asks_nothing_of_theirs(question)


def topics_named(text: Text) -> Tuple[Text, ...]:
    """The topics of the roles a message names, the most specific role's first."""
    return tuple(dict.fromkeys(r.topic for r in guide().catalogue.resolve(text).roles if r.topic))


def in_one_place(text: Text) -> bool:
    """"New SENCo in a pre-school - what does the role involve?": a role whose duties the documents set place by place,
    asked of one of those places other than a school (where the documents set them first, and a question naming schools
    may ask about anything: "do schools decide what goes into SENCO course content?")."""
    topics, wording = topics_named(text), guide().kb.wording
    place = place_named(text, wording.job_words + wording.job_nouns) if len(topics) == 1 else None
    return place in lookup.sectors_of(guide().kb.topic(topics[0])) - {"school"} if place else False


ASKS_NEED = re.compile(r"\b(?:need|needs|have to|has to|must|required?|trained|training|level|tier)\b", re.IGNORECASE)  # "do porters need it"
def only_asks_if_needed(text: Text) -> bool:
    """"do dinner ladies need this?", "does a hospital cleaner need SEND training?": whether people in a job need it, and
    nothing more ("do managers need supervision skills in the East Sussex framework?" asks about the skills)."""
    return is_question(text) and bool(ASKS_NEED.search(text)) and not FIRST_PERSON.search(text) and not beside_a_job(text) \
        and not _ASKS_WHO.search(questions_only(text))  # "who might heads of sixth form need to work with": not whether they need it


def beside_a_job(text: Text) -> set:
    """What a question asks about beside a job, its place and needing training ("supervision" in "what skills do line
    managers need for supervision"), less the words no document uses ("laws" is theirs)."""
    unknown = set(tokens(" ".join(documents.source_index().unknown_words(text))))
    asked = questions_only(text, pointing_back=True)
    clauses = _CLAUSES.split(text)  # those describing the work ("the odd bit of contact, very brief"), not the question's own
    described = [c for c in clauses if names_involvement(c, bare=False) and asked != text and c.strip() not in asked]  # ("do TAs
    # working with children with autism need training?")
    rest = " ".join(c for c in clauses if c not in described)
    return set(documents.index().asked_words(rest)) - _words_beside_a_job() - unknown - set(tokens(" ".join(described)))


_ASKS_WHO = re.compile(r"(?:^|[,;:.?!]|\s[-\u2013]\s)\s*(?:who|whom|whose)\b", re.IGNORECASE)  # a clause asking who
_CLAUSES = re.compile(r"[,;:()?!]|(?<=\w)\.(?:\s|$)|\s[-\u2013\u2014]\s|\bbut\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _words_beside_a_job() -> frozenset:
    """The words of jobs, workplaces and needing training, gathered once rather than on every question."""
    wording = guide().kb.wording
    return frozenset(tokens(" ".join((*wording.job_words, *wording.job_nouns, *(w for ws in wording.settings.values() for w in ws),
                                      "need needs have has must require required trained training train level tier send sen this it "
                                      "skills competencies outcomes hours refresher induction minimum least framework table "
                                      # how much they see of whom, and what kind of job: the job described, not another subject
                                      "contact see seeing work working with child young people adult patient never rarely non "
                                      "clinical new 1 2 3 4 5"))))


COMPARED = re.compile(r"\b(?:difference|differences|differ|compare|compared|comparing|versus|vs)\b", re.IGNORECASE)
MUST_BE = "What the documents say a {role} must be:"
BECOMING = re.compile(r"\b(?:be|become|act as|take on the role of|(?:appoint(?:ed)?|designate[ds]?)\s+(?:her|him|them|me|us|someone|"
                      r"somebody|[\w'-]+(?:\s+[\w'-]+)?)(?:\s+as)?|(?:make|made|name|named)\s+(?!sure\b)(?:her|him|them|me|us|someone|"
                      r"somebody|(?:our|the|a|an)\s+[\w'-]+)(?:\s+as)?)\s+(?:the\s+|a\s+|an\s+|our\s+|(?![a-z]+(?:ed|ing)\b|(?:able|"
                      r"allowed|for|to|in|on|at|with|part|of|given|done|seen|taken|involved)\b))(.{2,60})",
                      re.IGNORECASE)  # "can a TA be the SENCo?", "can we appoint her as SENCO?"; not "be assessed for the senco award"


def becoming(text: Text, topics: Tuple[Text, ...]) -> Tuple[Optional[Any], Optional[replies.Message]]:
    """"Can we appoint our HLTA as SENCO?", "does the SENCO have to be a qualified teacher?": the role someone would become,
    of two or more named, and what the documents say it must be (None when they say nothing of it); (None, None) else."""
    found = BECOMING.search(text)  # "can a TA be the SENCo?": what the SENCO must be
    becomes = re.split(r"\s+(?:when|if|because|while|and|or|who|that|so|but|instead|to|for)\b|[,?.!;]", found.group(1))[0] if found else ""
    wanted = guide().catalogue.resolve(becomes).role if found and len(topics) > 1 else None  # (the role it names first)
    if not wanted or wanted.topic not in topics:
        return None, None
    before = guide().catalogue.resolve(text[: found.start()]).roles  # "does the SENCO have to be a qualified teacher?"
    named = [wanted, *(r for r in before if r.topic in topics and r.id != wanted.id)]
    must, role = next(((m, r) for r in named for m in [lookup.must_be(guide().kb, r)] if m), ([], wanted))
    return wanted, ({**replies.cited_items(MUST_BE.format(role=role.name), must, becoming=role.id),
                     "buttons": [documents.whole_topic(role.topic)]} if must else None)


def role_topic(text: Text) -> Optional[replies.Message]:
    """A question about a named role's duties ("what should TAs be trained to do?"): that role's topic, the
    part the question asks about first (or the documents' better answer elsewhere); None for a level question."""
    topics = topics_named(text)
    if not topics or (LEVEL_ASKED if in_one_place(text) else LEVEL_WORDS).search(text):  # ("does a pre-school SENCO need to
        return None  # be a teacher?" asks the place's duties, not a level)
    wanted, must = becoming(text, topics)
    if wanted:
        return must or documents.topic(wanted.topic, text, asked=True)
    if len(topics) == 2 and COMPARED.search(text):  # "difference between the SENCO and the head": each one's duties
        return documents.side_by_side(topics)
    return documents.topic(topics[0], text) if len(topics) == 1 else documents.among(topics, text)


def role_level(role_text: Text, unnamed: bool = True) -> Optional[replies.Message]:
    """What a role named in a question needs ("what's the minimum SEND training for a GP?"): its answer when
    the documents settle it, else the least it needs and what would raise it; None when the role is unknown, or (without
    ``unnamed``) when the documents do not name it ("what skills do line managers need for supervision" asks more).
    A level the question names is weighed against it first ("GP who leads on SEND, is level 3 enough?")."""
    outcome = guide().decide(Profile(role_text))
    if isinstance(outcome, Determination) and not outcome.role.roles and not (documents.mentions_job(role_text) or
                                                                            TRAINING_ASKED.search(questions_only(role_text))):
        return None  # "what % of LA areas fail their inspection?": a place named, but no one's training asked about
    placed = guide().where_placed(Profile(role_text), outcome) if ENOUGH.search(role_text) else None  # a level checked against a role
    # placed in one workplace, none said ("our admin who manages SEND correspondence only needs level 1?"): the answer there, said so
    where, outcome = (placed[0], placed[1]) if placed else (None, outcome)
    if isinstance(outcome, Determination):
        answer = replies.determination(to_dict(outcome))
    elif isinstance(outcome, NextQuestion) and outcome.floor:
        answer = replies.minimum(to_dict(outcome))
    else:
        return unnamed_job(role_text, outcome) if unnamed else None
    asked = level_named(guide().kb.levels, role_text) if ENOUGH.search(role_text) else None  # "is level 3 enough?"
    verdict = against(asked, outcome) if asked else None
    answer = replies.judged(verdict[0], asked.name, verdict[1].name, answer) if verdict else answer
    return replies.placed_in(sector_label(guide().kb, where), answer) if where else answer


def unnamed_job(text: Text, outcome: Any = None) -> Optional[replies.Message]:
    """A question about people in a job the documents do not name ("do dinner ladies need this?"): the least the
    documents set for everyone where they work, and what would raise it; None for a named role or no job."""
    outcome = outcome or guide().decide(Profile(text))
    if isinstance(outcome, NextQuestion) and not outcome.role.roles and documents.mentions_job(text):
        framework = next((lv.framework for lv in outcome.levels.values()), None)  # known when the workplace is
        return replies.everyone(lookup.least_for_everyone(guide().kb, framework), to_dict(outcome))
    return None
