"""What a question asks, read from its words: the short form asked among others it names, a list asked for by how many
items it has, a list led into by an unfinished line, a job told as a department, a question after a comma."""
from __future__ import annotations

import re

import pytest

from knowledge.short_forms import short_form_asked, term_asked
from knowledge.reading import is_question, names_a_job
from knowledge.search import ContentIndex

WHERE_WRITTEN = ["what does {t} stand for in the send framework", "sorry v basic q, what's {t} short for in all these send docs?",
                 "what is {t} in the east sussex competency framework?", "what does {t} mean in the senco spec"]


@pytest.mark.parametrize("asking", WHERE_WRITTEN)
def test_the_short_form_asked_is_read_whatever_else_the_question_names(kb, asking):
    """Every short form of the glossary, asked with where it is written ("in the send framework" names SEND too): the
    one asked, not a longer one the question names in passing."""
    for entry in kb.glossary:
        assert (term_asked(kb, asking.format(t=entry.term)) or "").casefold() == entry.term.casefold(), asking.format(t=entry.term)


@pytest.mark.parametrize("question", ["what is {t} in the ESCC competency framework?", "what does {t} stand for in the lincs report"])
def test_a_short_form_asked_with_where_it_is_written_is_asked_whole(kb, question):
    """(A short form with a figure, "KS4", is left to the glossary's own match: "what is L3?" asks a level, not a term.)"""
    for entry in (g for g in kb.glossary if not any(c.isdigit() for c in g.term)):
        assert (short_form_asked(kb, question.format(t=entry.term)) or "").casefold() == entry.term.casefold(), question.format(t=entry.term)


@pytest.mark.parametrize("question", ["governor here. we're told to use our best endeavours for send pupils, what does that actually mean?",
                                      "the send docs keep saying quality first teaching - what's that?"])
def test_what_that_means_of_a_phrase_beside_a_short_form_is_not_the_short_form(kb, question):
    assert term_asked(kb, question) is None


NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def test_a_list_asked_for_by_how_many_items_it_has_is_found(kb):
    """Each list of the documents (a lead-in and its items), asked for as "the N ..." in the last words of its lead-in:
    that list answers, whole, though other lists share those words."""
    index = ContentIndex(kb, sources=True)
    lists: dict = {}
    for p in index.passages:
        if p.heading:
            lists.setdefault((p.citation.section, p.heading), []).append(p.text)
    asked = [(lead_in, items) for (_, lead_in), items in lists.items() if 3 <= len(items) <= 8 and len(lead_in.split()) >= 6]
    assert len(asked) >= 10
    found = 0
    for lead_in, items in asked:
        words = " ".join(lead_in.rstrip(":").split()[-5:])
        answers = index.search(f"what are the {NUMBERS[len(items)]} {words}?", groups=1)
        found += bool(answers and answers[0].heading == lead_in and len(answers[0].passages) == len(items))
    assert found >= 0.9 * len(asked), (found, len(asked))


def test_a_line_left_unfinished_leads_into_the_bullets_beside_it(kb):
    """"- To understand key principles ... with a focus on" and the bullets at its own depth after it: its list, as the
    documents print it (000's Level 2 outcomes), the line ending with a colon as a lead-in does."""
    led = [p for p in kb.passages if p.lead_in and p.lead_in.endswith("with a focus on:")]
    assert led and len({p.lead_in for p in led}) == 1
    assert all(p.citation.section.endswith("Level 2") for p in led) and len(led) >= 3


@pytest.mark.parametrize("told", ["i work in the finance dept at the trust", "im in the estates department at the hospital",
                                  "I work in the payroll office"])
def test_a_job_told_as_the_department_one_works_in_is_a_job(told):
    assert names_a_job(told, ())


@pytest.mark.parametrize("told, tells", [("comms officer writing the trust newsletter", True), ("staff nurse working nights on paeds", True),
                                         ("manager training", False), ("manager training for new starters", False),
                                         ("nurse funding for the ward", False), ("training matrix building", False)])
def test_a_job_then_what_the_person_is_doing_tells_the_job_and_a_noun_in_ing_does_not(kb, told, tells):
    assert names_a_job(told, (*kb.wording.job_words, *kb.wording.job_nouns)) is tells


@pytest.mark.parametrize("question", ["my appraiser wants me to use the reflection record, what headings does it have",
                                      "i see kids now and then, what training does a porter need",
                                      "class teacher, what am i responsible for with my send pupils"])
def test_a_question_after_a_statement_and_a_comma_is_a_question(question):
    assert is_question(question)


def test_a_statement_about_what_one_does_is_not_a_question():
    assert not is_question("im a TA, what i do is support reading")


@pytest.mark.parametrize("job, sector", [("finance manager", "health"), ("school nurse", None), ("school office manager", "school"),
                                         ("GP", None)])
def test_none_of_these_says_the_level_it_leaves_the_person_at(kb, guide, job, sector):
    """Each option of the involvement question names the level it leads to, "None of these" too: the level the person
    has already reached (a named role's), else the first of their framework's, which is for everyone working there."""
    from knowledge.answers import to_dict
    from knowledge.rules import NextQuestion, Profile

    outcome = guide.decide(Profile(job, {"sector": sector} if sector else {}))
    assert isinstance(outcome, NextQuestion) and outcome.question.asks == "involvement"
    placed = guide.catalogue.resolve(job).role
    expected = kb.level(placed.level).name if placed and placed.level else kb.levels_of(outcome.question.framework)[0].name
    none = [o for o in to_dict(outcome)["options"] if not o.get("level")]
    assert [o["leads_to"] for o in none] == [expected]


def test_what_a_role_must_be_is_every_line_that_says_so_once(kb, guide):
    """"Can we appoint our HLTA as SENCO?": the lines of the documents saying what a SENCO must be, each said once."""
    from knowledge import lookup

    senco = guide.catalogue.resolve("SENCO").role
    lines = lookup.must_be(kb, senco)
    said = [" ".join(i.text.casefold().split()) for t in kb.topics for i in t.items
            if "must be a qualified teacher" in i.text.casefold() or i.text.casefold().startswith("be a qualified teacher")]
    assert said and {" ".join(x["text"].casefold().split()) for x in lines} >= set(said)
    assert len(lines) == len({" ".join(x["text"].casefold().split()) for x in lines})


@pytest.mark.parametrize("question", ["what are the steps in the {t} the roles doc mentions?", "how does the {t} actually work?",
                                      "what are the stages of the {t}?"])
def test_a_thing_only_named_asked_by_its_parts_or_workings_is_said_to_be_only_named(kb, question):
    """Things the documents name but never say what they are (checked here against the passages themselves), asked how
    they work or what their steps are: only named."""
    from knowledge.defining import asked_term, phrase, what_of

    for term in ("graduated approach", "structured conversation approach", "structured conversation"):
        assert any(phrase(term).search(p.text) for p in kb.passages)
        asked = asked_term(question.format(t=term))
        found = what_of(asked, kb.passages, lambda t: False) if asked else None
        assert found is not None and found.kind == "named", (question, asked)


def test_a_term_followed_by_the_noun_it_names_and_what_that_is_is_described(kb):
    """"High needs block funding is high-need, low-incidence SEND that ...": said what it is, so never "only named"."""
    from knowledge.defining import what_of

    assert any("high needs block funding is" in p.text.casefold() for p in kb.passages)
    assert what_of("high needs block", kb.passages, lambda t: False) is None


def test_a_quoted_phrase_holding_a_short_form_is_the_phrase_asked(kb):
    assert term_asked(kb, "governor q - what does 'notional SEND budget' actually mean?") is None
    assert term_asked(kb, "what does EHC plan mean") == "EHC"


def test_what_that_means_said_after_a_phrase_is_not_a_short_form_s_meaning(kb):
    index = ContentIndex(kb)
    assert not index.asks_meaning("we're told to use our best endeavours for send pupils, what does that mean?")
    assert index.asks_meaning("SEND - what does that mean?") and index.asks_meaning("what does SEND mean")


@pytest.mark.parametrize("text, role", [("key questions about TA deployment", "TA"), ("senco knowledge and understanding outcomes", "senco"),
                                        ("examples of reasonable adjustments governors should look at", "governors")])
def test_a_role_named_as_what_is_asked_about_is_not_the_person_s_job(text, role):
    from knowledge.reading import asks_about_a_role

    start = text.index(role)
    assert asks_about_a_role(text, [(start, start + len(role))])


def test_two_short_forms_asked_together_are_not_read_as_a_phrase(kb):
    assert term_asked(kb, "level 5 mentions the role of the DMO / DCO - what do DMO and DCO stand for?") in ("DMO", "DCO")


@pytest.mark.parametrize("said", ["pre-school", "pre-schools", "preschool", "pre school", "early years", "early-years"])
def test_a_pre_school_is_an_early_years_setting_to_the_search_not_a_school(said):
    from knowledge.words import phrased

    assert "earlyyears" in phrased(f"do {said} get funding") and "school" not in phrased(f"do {said} get funding").split()


@pytest.mark.parametrize("question", ["how does the head make sure the SENCO has enough time?", "what decisions are made by the headteacher and the SENCO?",
                                      "can an experienced teacher skip the training and just be assessed for the senco qualification?"])
def test_a_role_named_beside_a_verb_is_not_asking_who_may_be_it(question):
    from actions.roles_asked import BECOMING

    assert BECOMING.search(question) is None


def test_what_a_role_must_be_takes_its_own_list_s_be_lines_and_others_that_name_it(kb, guide):
    from knowledge import lookup

    governor = guide.catalogue.resolve("governor").role
    names = [n.casefold() for n in (governor.name, *governor.aliases)]
    assert all(x["text"].casefold().startswith(("be a ", "be an ")) or any(n in x["text"].casefold() for n in names)
               for x in lookup.must_be(kb, governor))


@pytest.mark.parametrize("question, order", [("does level 2 follow on from level 1?", True), ("does level 3 build on level 2?", True),
                                             ("do I have to complete level 1 before starting level 2?", True),
                                             ("does the introductory level cover lego therapy?", False)])
def test_a_question_about_the_order_of_the_levels_is_told_from_one_about_what_a_level_holds(question, order):
    from knowledge.asking import asks_order

    assert asks_order(question) is order


@pytest.mark.parametrize("question", ["what is CPD for the SENCO", "what are the parts of an EHCP?", "how does the LA work with schools?"])
def test_more_than_what_the_letters_stand_for_is_not_a_short_form_asked(kb, question):
    assert short_form_asked(kb, question) is None


def test_a_team_one_works_beside_is_not_a_job_told():
    assert not names_a_job("I'm in a team with the SENCO", ())


def test_what_a_job_means_said_after_it_is_not_a_question():
    assert not is_question("HLTA, which means I have a class some afternoons")


def test_who_does_something_with_a_thing_only_named_is_asked_of_the_documents(kb, guide):
    from knowledge import named_only

    assert named_only.named_only(kb, "who reviews the local offer?", guide.catalogue) is None
    assert named_only.named_only(kb, "what is the local offer?", guide.catalogue) is not None


def test_a_period_in_years_is_no_count_of_a_list():
    import numpy as np

    from knowledge.ranking import asks_for_a_list, counted

    assert counted("total hours needed in the 3 yr period?", np.array([3, 0])) == 1.0
    assert not asks_for_a_list("level 4 send training - total hours needed in the 3 yr period?")
    assert asks_for_a_list("what are the six areas") and list(counted("what are the six areas", np.array([6, 3]))) == [1.3, 1.0]


def test_early_year_s_as_the_documents_write_it_is_early_years_to_the_search():
    from knowledge.words import phrased

    assert phrased("All early year's providers") == phrased("all early years providers")


def test_a_level_said_to_be_the_askers_own_is_read_so():
    from knowledge.asking import OWN_LEVEL

    for said in ("What topics should my level 4 SEND training cover?", "im working at L4 now - do i still need L1-3?",
                 "I'm at level 3, what are the outcomes?", "what are my L2 competencies"):
        assert OWN_LEVEL.search(said), said
    for said in ("is level 3 enough for a GP?", "what does level 4 cover?", "my team are level 2 and 3",
                 "I work on level 2 of the hospital, what should my SEND training cover?", "we are on level 5"):
        assert not OWN_LEVEL.search(said), said


def test_a_choice_between_a_lower_level_as_well_or_just_ones_own_asks_if_the_lower_is_needed(kb):
    """"do I still need the L1-3 competencies as well or just L4?": the framework's "builds on" answers it, for every level
    that builds on others."""
    from knowledge.yes_no import asks_if_lower_needed

    health = kb.levels_of("health")
    for level in health[1:]:
        number = level.name.split()[-1]
        lower = [lv.name for lv in health if lv.rank < level.rank]
        asked = f"im working at L{number} now - do i still need the {lower[0]} competencies as well or just L{number}?"
        assert asks_if_lower_needed(asked, level.name, lower), asked
        assert not asks_if_lower_needed(f"do i only need {lower[0]}?", level.name, lower)


def test_the_steps_of_a_thing_asked_with_an_asking_word_between_are_its_parts():
    from knowledge.defining import PARTS_OF

    for said in ("what are the actual steps of a structured conversation?", "what are the main stages in the 20 week process",
                 "what are the steps in the structured conversation approach"):
        assert PARTS_OF.search(said), said


def test_a_list_asked_for_in_other_words_is_a_list_asked_for():
    from knowledge.ranking import asks_for_a_list

    for said in ("in what ways are the other adults in the room supposed to support learning?",
                 "Which parts of a SENCO training programme have to go through quality assurance?", "what topics does tier 1 cover"):
        assert asks_for_a_list(said), said
    assert not asks_for_a_list("who approves SENCO training providers?")


def test_a_list_asked_for_is_shown_whole(kb, guide):
    """Each of the documents' lists of 9 to 12 items in the curated content, asked for in other words than its own, is shown
    whole, not its best eight."""
    from collections import Counter

    index = ContentIndex(kb, guide.catalogue)
    sizes = Counter((p.group, p.heading) for p in index.passages if p.heading)
    lists = [(group, heading) for (group, heading), n in sizes.items() if 9 <= n <= 12 and not group.startswith("source")]
    assert lists
    for group, heading in lists:
        items = [p.text for p in index.passages if (p.group, p.heading) == (group, heading)]
        found = index.search(f"in what ways: {heading.rstrip(':')}", groups=1)
        shown = [p.text for a in found for p in a.passages]
        assert not found or found[0].heading != heading or set(items) <= set(shown), heading


def test_asking_words_are_never_words_the_documents_lack(kb, guide):
    index = ContentIndex(kb, guide.catalogue, sources=True)
    assert index.unknown_words("what local services am I meant to keep up to date with?") == []


def test_a_role_set_against_the_askers_own_is_not_theirs(guide):
    """"I'm a lunchtime supervisor ... is the introductory level meant for people like me too, or just teachers?": the
    teachers are those the person is set against; for every role the catalogue names."""
    for role in dict.fromkeys(guide.catalogue.by_alias.values()):
        asked = f"I'm a lunchtime supervisor - is this meant for people like me too, or just {role.name}?"
        assert role not in guide.catalogue.resolve(asked).roles, role.name
    assert guide.catalogue.resolve("I'm just a TA").roles
    assert len(guide.catalogue.resolve("is the induction for the SENCO or just the headteacher?").roles) == 2  # both asked of


def test_a_role_someone_was_made_or_appointed_to_is_told():
    from knowledge.reading import SAYS_ROLE

    for said in ("Our community trust has made me its SEND Champion on top of my day job.", "I've just been made SENCO at our primary",
                 "I've put myself forward to be the SEND champion for our ward", "I'm about to become the SENCO",
                 "hi, I started last month as a receptionist at a GP practice", "I was appointed as the ICB Executive Lead for SEND",
                 "I've just trained as an ELSA", "I've been a teaching assistant for about three years"):
        assert SAYS_ROLE.search(said), said
    for said in ("can we appoint her as SENCO?", "The framework made me a bit confused - what level do HCAs need?",
                 "Who appointed me as the DSL?", "I manage the SEND team at a primary school - what level do my TAs need?",
                 "I've been made aware that the SENCO needs the award", "I've been asked to find out about the award",
                 "I've been a bit confused by the tiers"):
        assert not SAYS_ROLE.search(said), said


def test_means_as_a_verb_is_no_meaning_asked(kb, guide):
    index = ContentIndex(kb, guide.catalogue)
    assert not index.asks_meaning("How much time as a SENCO elsewhere means you're not counted as newly appointed?")
    assert index.asks_meaning("what SENCO means")


def test_a_denial_is_read_in_the_documents_other_words():
    """"Is it true that most children with SEND will end up needing an EHCP?" is denied by "will not require"."""
    from knowledge.yes_no import reads_no

    line = "Most children and young people with SEND will not require an Education Health and Care Plan (EHCP)."
    assert reads_no("Is it true that most children with SEND will end up needing an EHCP?", [line]) == line


def test_a_denial_answers_only_when_its_own_sentence_or_the_one_before_holds_what_is_asked():
    """"Does the senco course include work in a school?" is not denied by a paragraph about the course whose denial is of a
    candidate's criminal background; "is the notional SEND budget ring fenced?" is, by "This is not a ring-fenced amount"
    after the sentence that names the budget."""
    from knowledge.sources import seeds_dir
    from knowledge.yes_no import reads_no

    text = " ".join(p.read_text(encoding="utf-8") for p in seeds_dir().glob("*.txt"))
    paragraph = next(line.strip("- ") for line in text.splitlines() if "criminal background" in line)
    assert re.search(r"\bcourses?\b", paragraph) and "school" in paragraph  # the question's words are the paragraph's
    assert reads_no("does the senco course include work in a school", [paragraph]) is None
    budget = next(line for line in text.splitlines() if "ring-fenced" in line)
    assert reads_no("is the notional SEND budget ring fenced?", [budget]).startswith("This is not a ring-fenced amount")


def test_a_question_about_everyone_is_denied_only_by_what_most_or_some_do_not_do():
    """"Does every child with SEND need an EHCP?": "Most ... will not require" answers no; a plain denial does not answer
    a question about all of them ("do all staff need level 1?" is not denied by "staff do not need to repeat it")."""
    from knowledge.yes_no import reads_no

    from knowledge.sources import seeds_dir

    sentences = [s for p in seeds_dir().glob("*.txt") for s in re.split(r"(?<=[.!?])\s+|\n+", p.read_text(encoding="utf-8"))]
    most = [s.strip("- ") for s in sentences if re.match(r"\W*(?:Most|Many|Some) ", s) and re.search(r"\b(?:will|do|does|are|is) not\b", s)]
    assert most
    for line in most:
        subject = re.match(r"\w+ ((?:\w+ ){1,6}?)(?:will|do|does|are|is) not (\w+)", line)
        question = f"Do all {subject.group(1)}{subject.group(2)} that?"
        assert reads_no(question, [line]) == line, question
        assert reads_no(f"Do all {subject.group(1)}{subject.group(2)} that?", [line[line.index(" ") + 1:]]) is None
    line = next(s for s in most if "EHCP" in s)
    assert reads_no("Does every child with an EHCP need an annual review?", [line]) is None  # (the line says too little of it)


@pytest.mark.parametrize("text, theirs", [
    ("practice manager here - our receptionists come under L2. how much refresher do they need and over what period", True),
    ("my HCAs fall under level 2, what outcomes should they have?", True),
    ("our HCAs sit at level 2 - what outcomes should they have by the end of their first year?", True),
    ("our TAs sit at tier 2 and we're the teachers above them, what level do we need?", False),
    ("I'm a practice manager, what level do I need?", False),
    ("our receptionists come under L2 - what level am I?", False),
    ("My manager is at level 4 and she says I need level 3 too. How many hours do I need?", False),
    ("The DSL is at level 3. What about the receptionists - what do they need?", False),
])
def test_a_level_told_as_other_people_s_then_asked_about_them_is_read_so(text, theirs):
    from knowledge.asking import asks_their_level

    assert asks_their_level(text) is theirs


@pytest.mark.parametrize("text, tells", [
    ("I work in estates at an NHS trust", True), ("I'm on reception at the surgery", True), ("I'm based in payroll at the council", True),
    ("I work in reception", False), ("I'm in Reception this year", False), ("I am in reception class", False),  # a school's year group
])
def test_a_department_tells_a_job_but_a_school_s_reception_class_does_not(kb, text, tells):
    assert names_a_job(text, (*kb.wording.job_words, *kb.wording.job_nouns)) is tells


@pytest.mark.parametrize("text", ["Does the framework's definition of disability include ADHD?", "Has the definition of SEN changed since 2014?"])
def test_a_yes_no_question_about_a_definition_asks_no_meaning(text):
    from knowledge.defining import asked_term

    assert asked_term(text) is None


def test_a_short_form_asked_with_a_word_of_its_own_name_after_it_asks_its_meaning(kb):
    """"what is the V-SEND toolkit in the Lincolnshire report?": "toolkit" is part of what V-SEND stands for."""
    from knowledge.short_forms import named_with_its_own_words

    checked = 0
    for entry in kb.glossary:
        last = (entry.expansion or "").split()[-1:] if entry.expansion else []
        if last and last[0].isalpha() and last[0].casefold() not in entry.term.casefold():
            assert (named_with_its_own_words(kb, f"what is the {entry.term} {last[0].casefold()}?") or "").casefold() == entry.term.casefold(), entry.term
            checked += 1
    assert checked >= 10
    assert named_with_its_own_words(kb, "what is the V-SEND training budget?") is None  # words not its own: something else


def test_a_short_form_with_the_word_a_longer_one_adds_asks_the_longer_one(kb):
    """"what is the EHC plan?": EHC stands for Education, Health and Care, and EHCP for the Plan of that name."""
    from knowledge.short_forms import named_with_its_own_words

    pairs = [(short, whole) for short in kb.glossary for whole in kb.glossary
             if short.expansion and whole.expansion and whole.expansion.casefold().startswith(short.expansion.casefold() + " ")]
    assert pairs
    for short, whole in pairs:
        added = whole.expansion[len(short.expansion):].strip().casefold()
        assert named_with_its_own_words(kb, f"What is the {short.term} {added}?") == whole.term


def test_what_it_stands_for_asks_the_short_form_named_last_before_it(kb):
    """"SENCO in Lincolnshire, V-SEND keeps coming up in the report. what does it stand for": the job told first is not it."""
    spelt = [g for g in kb.glossary if g.expansion]
    for job, term in zip(spelt, reversed(spelt)):
        if job.term != term.term and job.term.casefold() not in term.term.casefold() and term.term.casefold() not in job.term.casefold():
            asked = term_asked(kb, f"{job.term} in Lincolnshire, {term.term} keeps coming up in the report. what does it stand for")
            assert asked.casefold() == term.term.casefold(), (job.term, term.term)
    assert term_asked(kb, "what does it stand for, SEMH?") == "SEMH"
    unknown = "APDR"  # a short form the glossary does not have, named last: not the one before it
    assert unknown.casefold() not in {g.term.casefold() for g in kb.glossary}
    assert term_asked(kb, f"SENCO here. the LA sent a letter about the EHCP and mentions {unknown}, what does it stand for?") is None


def test_each_kind_of_a_levels_answer_is_named_by_its_own_words_and_asked_by_an_intent():
    """A question names the kind of answer whose words it uses, and only that kind ("outcomes", not "hours"); the
    words every kind shares ("training", "cover") name none. Each kind is an intent of the assistant's domain."""
    import yaml

    from knowledge.asking import ANSWERS_TO, KIND_WORDS, names_kind
    from tests.conftest import ROOT

    intents = set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"])
    assert {f"ask_{kind}" for kind in ANSWERS_TO} <= intents
    from knowledge.words import tokens

    for kind, words in KIND_WORDS.items():
        assert words, kind
        for word in (w for w in ANSWERS_TO[kind].split() if set(tokens(w)) & words):
            assert names_kind(kind, f"what about the level 3 {word}?"), (kind, word)
    assert not any(names_kind(kind, "what level 2 training covers staff") for kind in ANSWERS_TO)
    named = [k for k in ANSWERS_TO if names_kind(k, "L1 learning outcomes pls - need them for the pack")]
    assert named == ["outcomes"]


@pytest.mark.parametrize("text, kind", [
    ("what's the minimum number of hours they need over a three year period?", "hours"), ("refresher hrs?", "hours"),
    ("what are the areas of understanding (competencies) at level 4?", "competencies"), ("which learning outcomes apply", "outcomes"),
    ("who is level 2 aimed at", "cohort"), ("what level do I need?", None), ("tell me about level 3", None),
])
def test_the_one_kind_of_a_level_s_answer_a_question_names_is_read_by_its_words_or_its_name(text, kind):
    from knowledge.asking import kind_named

    assert kind_named(text) == kind


@pytest.mark.parametrize("text, asks", [
    ("I've only got a printed copy with half the pages missing, which is typical.", False), ("GP here, which is the right level for me", True),
    ("nurse, who is responsible", True), ("SENCO, which is right?", True)])
def test_a_relative_clause_after_a_comma_asks_nothing(text, asks):
    from knowledge.reading import is_question

    assert is_question(text) is asks


@pytest.mark.parametrize("text, asks", [
    ("lincs platform commissioned when", True), ("experienced teacher can i skip the senco training", True),
    ("contact but no idea how much", False), ("I see them in class, it depends who", False), ("can't remember when", False),
    ("in May I started seeing children on the ward", False), ("at 8 am I start", False)])
def test_a_question_word_last_or_an_inverted_verb_after_a_job_asks_but_an_answer_that_ends_so_does_not(text, asks):
    from knowledge.reading import is_question

    assert is_question(text) is asks


@pytest.mark.parametrize("typed, asked", [
    ("who designates the SENCO in a school - the local authority?", "who designates the SENCO in a school?"),
    ("who is the lead agency for the SEND Alliance - Bishop Grosseteste Uni?", "who is the lead agency for the SEND Alliance?"),
    ("how many hours is the refresher - level 3?", None),  # a level after the dash is what is asked about
    ("what are the refresher hours - for new starters?", None),  # so is a qualifier
    ("what is the induction - is it 60 mins?", None),  # and more asked
    ("what are the duties of the SENCO - pre-school?", None), ("what is the deadline - newly appointed SENCOs?", None),  # what is asked of
    ("who has to do it - governors or head?", None),  # a choice
])
def test_the_askers_guess_after_a_dash_is_no_part_of_what_is_asked(typed, asked):
    from knowledge.asking import without_a_guess

    assert without_a_guess(typed) == (asked or typed)


def test_the_department_someone_works_in_for_a_workplace_is_told():
    """"I work in IT support for a hospital": the department, then where it is; not "I work in partnership with ..."."""
    from knowledge.reading import SAYS_ROLE

    for said in ("I work in IT support for a hospital.", "i work in estates at the hospital", "I'm in payroll for the trust"):
        assert SAYS_ROLE.search(said), said
    for said in ("I work in partnership with the school", "I'm in charge of the budget at the school"):
        assert not SAYS_ROLE.search(said), said


@pytest.mark.parametrize("text, kind", [("I'm a midday supervisor and I've been put on Tier 1. What will the training cover?", "outcomes"),
                                        ("School cleaner here, I've been told to do the introductory level. What's in it?", "outcomes"),
                                        ("service lead at level 4, whats the minimum hrs i need over 3 years", "hours"),
                                        ("I've been put on Tier 1. Which tier do I need?", None),
                                        ("I'm on level 2. How do I arrange supply cover?", None)])
def test_a_level_told_as_ones_own_then_what_it_covers_asks_its_content(text, kind):
    from knowledge.asking import level_kind_asked

    assert level_kind_asked(text) == kind


@pytest.mark.parametrize("text, own", [("where do i actually do the training?", True), ("where should I go for training", True),
                                       ("Medical secretary. What level do I need and where do I train?", True),
                                       ("where can I sign up for the training?", True), ("where can I do my SEND training online?", True),
                                       ("where can I get the training for our TAs", False), ("where do i train my staff", False),
                                       ("how do I train our TAs", False), ("where should i go for the course dates", False),
                                       ("where can I do my level 3 training?", True), ("where do I sign up?", True),
                                       ("how do I train TAs?", False), ("how do I train as a SENCO?", False),
                                       ("how can I get the training paid for?", False), ("how can I train up my TA?", False),
                                       ("where can I do my level 2 refresher?", True), ("how do I access the SEND e-learning for level 1?", True),
                                       ("how do I book onto the level 2 course?", True), ("where can I get trained in SEND?", True)])
def test_where_to_do_ones_own_training_is_told_apart_from_training_others(text, own):
    """Where to do one's own training, which the person's level answers, not where to train others or a course's dates."""
    from knowledge.answer_words import WHERE_TO_TRAIN

    assert bool(WHERE_TO_TRAIN.search(text)) is own
