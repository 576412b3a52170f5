"""A generated population: self-descriptions composed from parts whose facts are known.

Each person is a job title (one the catalogue names, or one it does not), perhaps a qualifier
(adult, paediatric, lead, deputy, trainee, bank, volunteer, ex-...), perhaps a workplace, and
perhaps clauses about their work: who they work for or with (another role, named in passing),
how often they see children, a stray word ("I send out letters"). Typos and short forms are
mixed in. Every part says what it makes true of the person, and a part that states nothing
leaves the facts free, so the composed facts are always consistent with the words.

The expected answer comes from the documents' cohort descriptions applied to those facts, never
from the code under test:
- health services (000, Levels 1-5): everyone Level 1; contact with CYP with SEND "however small",
  or handling their confidential information, Level 2; contributing to assessing, planning,
  intervening or evaluating, Level 3; leading on SEND (a SEND champion, a service lead within CYP
  services, a children's commissioner), Level 4; a designated role (DHO, deputy DHO), Level 5.
- schools (002/003, the learning platform's tiers): every member of school staff Introductory;
  more specific interaction with pupils with SEND, Tier 1; continuous and direct involvement in
  educating them, Tier 2. Governors and trustees are given no tier (002 names the Introductory
  tier for "all school staff"; governors' duties are set out in 004 without a training level).
- early years settings, colleges and local authorities: no level or tier is set.

A title the documents place in a level implies that level's cohort description (a GP, in 000's
Level 3 row, contributes to assessing needs), unless a qualifier or a clause says it does not
hold for this person ("adult physio", "I never see anyone under 30").
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Iterator, Mapping

LEVELS = {"designated_send": "Level 5", "lead": "Level 4", "assess": "Level 3"}


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]  # ways people write it, short forms included
    workplaces: tuple[str, ...]
    implies: Mapping[str, object] = field(default_factory=dict)  # the cohort description of the level it is placed in
    known: bool = False  # named by the documents (in the catalogue)
    governor: bool = False
    based_in: tuple[str, ...] = ()  # other workplaces where a health professional is based ("at a special school")


# Titles the documents name, with the facts their placement implies (000's level rows; 002/003).
NAMED = (
    Title(("GP", "general practitioner", "family doctor"), ("health",), {"assess": True}, True),
    Title(("school nurse",), ("health",), {"assess": True, "contact": "regular"}, True, based_in=("school",)),
    Title(("health visitor", "HV"), ("health",), {"assess": True, "contact": "regular"}, True, based_in=("early-years",)),
    Title(("continuing care assessor",), ("health",), {"assess": True}, True),
    Title(("commissioner", "commissioning manager"), ("health",), {"assess": True}, True),
    Title(("physiotherapist", "physio"), ("health",), {"contact": "regular"}, True, based_in=("school",)),
    Title(("occupational therapist", "OT"), ("health",), {"contact": "regular"}, True, based_in=("school",)),
    Title(("speech and language therapist", "SALT", "speech therapist"), ("health",), {"contact": "regular"}, True,
          based_in=("school", "early-years")),
    Title(("children's commissioner",), ("health",), {"lead": True}, True),
    Title(("SEND champion",), ("health",), {"lead": True, "contact": "some"}, True),
    Title(("CYP service lead", "service lead within CYP services"), ("health",), {"lead": True}, True),
    Title(("Designated Health Officer", "DHO"), ("health",), {"designated_send": True, "lead": True}, True),
    Title(("deputy DHO",), ("health",), {"designated_send": True}, True),
    Title(("SEND administrator", "SEND secretary"), ("health",), {"confidential": True}, True),
    Title(("practice manager",), ("health",), {}, True),
    Title(("care navigator",), ("health",), {}, True),
    Title(("senior manager",), ("health",), {}, True),
    Title(("teacher", "class teacher"), ("school",), {"contact": "regular"}, True),
    Title(("teaching assistant", "TA", "LSA", "learning support assistant", "HLTA"), ("school",), {"contact": "regular"}, True),
    Title(("SENCO", "SENDCo"), ("school",), {"assess": True, "contact": "regular"}, True),
    Title(("headteacher", "head teacher"), ("school",), {}, True),
    Title(("school governor", "governor", "trustee"), ("school",), {"contact": "none", "assess": False}, True, governor=True),
    Title(("nursery practitioner", "childminder"), ("early-years",), {"contact": "regular"}, True),
    Title(("SEND caseworker", "EHCP coordinator"), ("local-authority",), {}, True),
)

# Titles the catalogue does not know: their facts are whatever the person's work is.
UNNAMED = (
    Title(("midwife",), ("health",)), Title(("porter", "hospital porter"), ("health",)),
    Title(("receptionist",), ("health", "school")), Title(("ward clerk",), ("health",)),
    Title(("domestic", "cleaner"), ("health", "school")), Title(("interpreter",), ("health",)),
    Title(("orthotist",), ("health",)), Title(("audiologist",), ("health",)), Title(("dietitian",), ("health",)),
    Title(("pharmacist",), ("health",)), Title(("phlebotomist",), ("health",)), Title(("radiographer",), ("health",)),
    Title(("paramedic",), ("health",)), Title(("healthcare assistant", "HCA"), ("health",)),
    Title(("staff nurse",), ("health",)), Title(("clinical psychologist",), ("health",)),
    Title(("medical secretary",), ("health",)), Title(("podiatrist",), ("health",)),
    Title(("estates electrician",), ("health",)), Title(("IT support analyst",), ("health", "school")),
    Title(("security officer",), ("health",)), Title(("catering assistant",), ("health", "school")),
    Title(("lunchtime supervisor", "midday supervisor"), ("school",)), Title(("caretaker", "site manager"), ("school",)),
    Title(("exams officer",), ("school",)), Title(("cover supervisor",), ("school",)),
    Title(("school business manager",), ("school",)), Title(("learning mentor",), ("school",)),
    Title(("librarian",), ("school",)), Title(("data manager",), ("school",)), Title(("PE coach",), ("school",)),
    Title(("attendance officer",), ("school",)), Title(("head of year",), ("school",)),
    Title(("deputy head",), ("school",)), Title(("head of maths",), ("school",)),
    Title(("room leader", "playworker"), ("early-years",)), Title(("lecturer",), ("college",)),
    Title(("bus escort",), ("local-authority",)),
    # Short forms and words with two meanings: HV (high voltage), SLT (the senior leadership team), head, principal.
    Title(("estates electrician (HV authorised)", "HV electrician"), ("health",)),
    Title(("assistant head, part of SLT", "member of SLT"), ("school",)), Title(("head nurse", "head of nursing"), ("health",)),
    Title(("principal clinical psychologist", "principal pharmacist"), ("health",)), Title(("head chef",), ("school", "health")), Title(("educational psychologist",), ("local-authority",)),
)

PLACES = {
    "health": ("at an NHS trust", "in a GP surgery", "on the paeds ward", "at the community health trust", "in the hospital"),
    "school": ("at a primary school", "in a secondary school", "at a special school", "in an academy"),
    "early-years": ("in a day nursery", "at a pre-school"),
    "college": ("at a sixth form college", "at an FE college"),
    "local-authority": ("for the county council", "at the local authority"),
}
BASED = {"school": "based at a special school", "early-years": "based in a day nursery"}
# Roles named in passing as someone the person works for or with: they settle nothing.
OTHERS = ("I book appointments for the GPs", "I support the SEND lead", "I liaise with the SENCO about a few pupils",
          "I work for the DHO", "I cover for the school nurse", "I report to the headteacher", "part of the DHO's team",
          "I take referrals for the physios", "I work with the OTs", "I help the SEND champion with rotas")
STRAY = ("I send the post every morning", "I see the kids every day",
         "ex-TA", "I used to be a teacher", "my wife is a SENCO")
NO_CONTACT = ("I never see children", "I don't work with children", "I never see anyone under 30",
              "I only work with adults")
CONTACT = {"regular": "I work with children with SEND every day", "some": "I see children with additional needs now and then"}
POSTS = ("SENCO", "SENDCo", "headteacher", "head teacher", "practice manager", "care navigator", "teacher", "class teacher")
QUALIFIERS = ("lead", "senior", "trainee", "student", "bank", "locum", "volunteer", "deputy")


@dataclass(frozen=True)
class Person:
    say: str
    truth: Mapping[str, object]  # in the challenge set's terms (../shared/challenge/README.md)
    expect: str  # a level or tier, or "none"


def expected(truth: Mapping[str, object], governor: bool = False) -> str:
    """The documents' cohort rules applied to what is true of the person."""
    if truth["workplace"] == "health":
        for fact, level in LEVELS.items():
            if truth[fact]:
                return level
        return "Level 2" if truth["contact"] != "none" or truth["confidential"] else "Level 1"
    if truth["workplace"] == "school" and not governor:
        return "Tier 2" if truth["assess"] else "Tier 1" if truth["contact"] != "none" else "Introductory"
    return "none"


def _free_facts(rng: random.Random, workplace: str) -> dict[str, object]:
    contact = rng.choice(("none", "none", "some", "regular"))
    return {"workplace": workplace, "contact": contact, "assess": contact != "none" and rng.random() < 0.3,
            "lead": rng.random() < 0.06, "designated_send": rng.random() < 0.02, "designated_other": rng.random() < 0.04,
            "confidential": rng.random() < 0.3, "new_senco": False}


def _typo(rng: random.Random, text: str) -> str:
    """Two neighbouring letters swapped in one long word: "phsyiotherapist"."""
    words = text.split(" ")
    long = [n for n, w in enumerate(words) if len(w) >= 8 and w.isalpha()]
    if not long:
        return text
    n = rng.choice(long)
    w = words[n]
    i = rng.randrange(1, len(w) - 2)
    words[n] = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return " ".join(words)


def compose(rng: random.Random) -> Person:
    title = rng.choice(NAMED if rng.random() < 0.45 else UNNAMED)
    workplace = rng.choice(title.workplaces)
    truth = _free_facts(rng, workplace)
    words = rng.choice(title.words)
    holds = True  # whether the title's placement describes this person
    qualifier = "" if title.governor or "designated_send" in title.implies else rng.choice(QUALIFIERS + ("",) * 8)
    if qualifier == "deputy" and title.known:
        qualifier = "deputy" if words in POSTS else ""
        holds = not qualifier  # a deputy SENCO is not the SENCO (a deputy DHO is a title of its own)
    if "health" in title.workplaces and not ({"lead", "designated_send"} & set(title.implies)) and rng.random() < 0.12:
        qualifier, holds = "adult", False  # "adult physio": the title's placement is for work with CYP
    if qualifier and not words.lower().startswith(qualifier):
        words = f"{qualifier} {words}"
    if holds:
        truth.update(title.implies)
        if truth["contact"] == "none" and (truth["assess"] or title.implies.get("contact")):
            truth["contact"] = "some"
    if title.governor:
        truth.update(contact="none", assess=False)
    if qualifier == "adult":
        truth.update(contact="none", assess=False, lead=False, designated_send=False)
    if title.words[0] == "SENCO" and holds:
        truth["new_senco"] = rng.random() < 0.5
    clauses = []
    if truth["contact"] == "none" and not truth["assess"] and rng.random() < 0.4 and workplace == "health":
        clauses.append(rng.choice(NO_CONTACT))
    elif truth["contact"] in CONTACT and rng.random() < 0.25:
        clauses.append(CONTACT[str(truth["contact"])])
    if truth["lead"] and workplace == "health" and rng.random() < 0.5:
        clauses.append("I lead on SEND for the service")
    if rng.random() < 0.35:
        clauses.append(rng.choice(OTHERS))
    if rng.random() < 0.15:
        stray = [s for s in STRAY if not (clauses and clauses[0] in NO_CONTACT and "see" in s)]
        clauses.append(rng.choice(stray + ["I send out clinic letters daily"] * (workplace == "health")))
    rng.shuffle(clauses)
    if rng.random() < 0.15:
        words = _typo(rng, words)
    place = ""
    if title.based_in and holds and words in title.words and rng.random() < 0.2:
        place = BASED[rng.choice(title.based_in)]
    elif rng.random() < 0.5:
        place = rng.choice(PLACES[workplace])
    if rng.random() < 0.08 and not title.known:
        words = f"ex-{rng.choice(NAMED).words[0]}, now a {words}"
    text = " ".join(p for p in (words, place) if p)
    if clauses:
        text += rng.choice((", ", " - ", ". ")) + ", ".join(clauses)
    text = rng.choice(("{}", "{}", "I'm a {}", "I work as a {}")).format(text)
    return Person(text, truth, expected(truth, title.governor))


def population(size: int, seed: int = 2026) -> Iterator[Person]:
    rng = random.Random(seed)
    for _ in range(size):
        yield compose(rng)
