""""What is X?": a term the documents only name is said to be named and not defined, with where; one they never
mention is said to be unmentioned; one they may describe is left to the search. Checked over the documents'
own words rather than a list of answers."""
from __future__ import annotations

import random
import re

import pytest

from knowledge.defining import asked_term, phrase, what_of
from knowledge.passages import shown_text
from knowledge.sources import normalise, seeds_dir
from knowledge.words import IGNORED

ASKING = ["what is {t}", "what's the {t}?", "whats a {t}", "{t} - what is it exactly", "{t} explained pls", "explain the {t}",
          "what are {t}", "what does {t} mean", "{t}: what is that?", "what counts as {t}", "define {t}", "what do {t} mean",
          "the outcomes say use {t} - what is {t}?", "{t} - what are they exactly? never come across them",
          "does the framework actually define '{t}' or just name it?", "is '{t}' defined anywhere?", "is there a definition of {t}?",
          "does the roles and responsibilities page actually define {t}?"]
NOT_ASKING = ["what are the {t}", "what level is a {t}", "how do i get {t}", "do i need {t}", "who pays for {t}", "what does {t} look like",
              "what hours does {t} need", "what is my {t}", "what's the {t} like"]


def _never(term: str) -> bool:
    return False


@pytest.fixture(scope="module")
def texts():
    return " ".join(p.read_text(encoding="utf-8") for p in seeds_dir().glob("*.txt"))


@pytest.mark.parametrize("term", ["local offer", "lego therapy", "personal health budgets", "co-production", "zorblax"])
@pytest.mark.parametrize("asking", ASKING)
def test_a_term_asked_about_in_any_of_the_usual_ways_is_read_as_itself(term, asking):
    assert asked_term(asking.format(t=term)) == term


@pytest.mark.parametrize("term", ["local offer", "senco award"])
@pytest.mark.parametrize("asking", NOT_ASKING)
def test_a_question_about_something_else_is_not_read_as_asking_what_a_term_is(term, asking):
    assert asked_term(asking.format(t=term)) is None


def test_words_of_the_documents_are_never_said_to_be_unmentioned(kb):
    """Every pair of neighbouring words the documents use, asked about: named, or left to the search; never absent."""
    rng = random.Random(7)
    pairs = {f"{a} {b}".casefold() for p in kb.passages for a, b in zip(p.text.split(), p.text.split()[1:])
             if re.fullmatch(r"[A-Za-z]{4,}", a) and re.fullmatch(r"[A-Za-z]{4,}", b) and not {a.casefold(), b.casefold()} & IGNORED}
    for term in rng.sample(sorted(pairs), 300):
        found = what_of(term, kb.passages, _never)
        assert found is None or found.kind == "named", term


def test_a_term_only_named_is_shown_where_it_is_named_and_nowhere_said_what_it_is(kb, texts):
    """The documents' short list items ("Lego therapy", "Annual reviews") asked about: each passage shown holds the
    term, is the documents' own text, and no sentence of theirs says "<term> is/are/means"."""
    items = {p.text.strip().casefold() for p in kb.passages if re.fullmatch(r"[A-Za-z][A-Za-z -]{6,40}", p.text.strip())}
    named = 0
    for term in sorted(items):
        found = what_of(term, kb.passages, _never)
        assert found is None or found.kind == "named", term
        if found:
            named += 1
            assert all(phrase(term).search(p.text) and normalise(p.text)[:60] in normalise(texts) for p in found.passages)
            assert not re.search(rf"{phrase(term).pattern}\s+(?:is|are|means)\b", texts, re.IGNORECASE), term
    assert named >= 3


def test_a_term_the_documents_say_what_it_is_is_left_to_the_search(kb, texts):
    """"High needs block funding is ...": every sentence of the documents that begins "<Name of two to four words> is"."""
    defined = {m.group(1).casefold() for m in re.finditer(r"(?:^|[.:]\s+|\n|\t)([A-Z][a-z]+(?: [a-z]+){1,3}) (?:is|are|means) ", texts)
               if m.group(1).split()[0].casefold() not in IGNORED}
    assert len(defined) >= 2
    for term in defined:
        assert what_of(term, kb.passages, _never) is None, term


@pytest.mark.parametrize("term", ["zorblax therapy", "quantum hopscotch", "makerspace voucher"])
def test_a_term_none_of_whose_words_the_documents_use_together_is_unmentioned(kb, term):
    found = what_of(term, kb.passages, _never)
    assert found is not None and found.kind == "absent" and not found.passages


def test_a_term_answered_elsewhere_is_left_alone(kb):
    assert what_of("zorblax therapy", kb.passages, lambda t: True) is None


@pytest.mark.parametrize("term", ["6000 pound rule", "ten percent rule"])
def test_a_figure_the_documents_may_write_otherwise_is_never_said_to_be_unmentioned(kb, term):
    assert what_of(term, kb.passages, _never) is None


@pytest.mark.parametrize("question, named", [("does l3 cover safeguarding", "Level 3"), ("is tier 1 for TAs", "Tier 1"),
                                             ("what's in the induction tier", "Introductory"), ("difference between L2 and L3", None),
                                             ("what does the senco do", None)])
def test_the_one_level_a_question_names_is_found_however_it_is_written(kb, question, named):
    from knowledge.passages import level_named

    found = level_named(kb.levels, question)
    assert (found.name if found else None) == named


def test_a_levels_own_passages_are_those_its_section_or_table_row_or_lead_in_names(kb):
    from knowledge.passages import of_level

    for lv in kb.levels_of("health"):
        own = [p for p in kb.passages if of_level(lv, p.citation.section, p.text, p.lead_in)]
        assert own and all(lv.name in f"{p.citation.section} {p.text[:24]} {p.lead_in or ''}" for p in own)
        assert any(p.citation.section.endswith(f"> {lv.name}") for p in own)  # its learning outcomes


def test_a_levels_list_is_ordered_by_what_the_question_asks_the_documents_order_kept_otherwise():
    from knowledge.ranking import by_question

    items = [{"text": "alpha beta"}, {"text": "gamma safeguarding"}, {"text": "delta"}]
    assert by_question(items, lambda t: float("safeguarding" in t))[0]["text"] == "gamma safeguarding"
    assert by_question(items, lambda t: 0.0) == items


def test_a_thing_the_documents_name_alone_is_found_when_asked_about_as_a_module_or_course(kb):
    """"what is the neurotypical child module about": the documents name "The neurotypical child" in a list."""
    items = {p.text.strip().casefold() for p in kb.passages if p.lead_in and re.fullmatch(r"[A-Za-z][A-Za-z ]{6,30}", p.text.strip())}
    checked = 0
    for item in sorted(items):
        term = asked_term(f"what is the {item} module about")
        plain = what_of(item, kb.passages, _never)
        if plain is None or term is None:
            continue
        found = what_of(term, kb.passages, _never)
        assert found is not None and found.term == item and found.kind == "named", item
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("question, asked", [("does L2 include the tribunal process", "tribunal process"),
                                             ("is safeguarding part of level 4", "safeguarding"),
                                             ("anything in level 5 about investment?", "investment"),
                                             ("are personal health budgets part of the level 3 competencies?", "personal health budgets"),
                                             ("what are the level 2 outcomes", None), ("does level 3", None)])
def test_what_a_yes_no_question_asks_a_level_to_hold(question, asked):
    from knowledge.defining import asked_of_a_level

    assert asked_of_a_level(question) == asked


def test_what_a_level_holds_is_told_from_its_own_lists_word_for_word(kb):
    """Every learning outcome of every level holds its own longest word; an invented word is held by none."""
    from knowledge.defining import held_by
    from knowledge.words import tokens

    for lv in kb.levels:
        texts = [o.text for o in lv.learning_outcomes]
        for text in texts:
            word = max(re.findall(r"[A-Za-z]{6,}", text), key=len, default=None)
            if word:
                assert text in held_by(word, texts, tokens)
        assert held_by("zorblax", texts, tokens) == []


def test_a_phrase_the_documents_write_with_need_or_level_in_it_is_a_term_not_a_need_asked_about(kb):
    """"what is the high needs transformation?": the documents write the phrase, so it is asked about as a thing; said
    without a phrase of theirs, "needs" still makes it a question about needing something."""
    texts = [p.text for p in kb.passages]
    phrases = {m.group().casefold() for t in texts for m in re.finditer(r"(?<![\w-])[A-Za-z]{5,} needs(?: [A-Za-z]{5,})?\b", t)}
    phrases = {p for p in phrases if not set(p.split()) - {"needs"} & IGNORED}
    assert len(phrases) >= 5, phrases

    def written(term: str) -> bool:
        return any(phrase(term).search(t) for t in texts)
    for found in sorted(phrases):
        assert asked_term(f"what is {found}", written) == found
        assert asked_term(f"what is {found}") is None


@pytest.mark.parametrize("term", ["local offer", "lego therapy", "personal health budgets", "pupil passports"])
def test_a_phrase_asked_alone_with_a_question_mark_asks_what_it_is(term):
    assert asked_term(f"{term}?") == term
    assert asked_term(f"{term} - what goes in them") == term


@pytest.mark.parametrize("text", ["safeguarding?", "is it free?", "tier 2?", "level 3 for physios?", "local offer"])
def test_one_word_a_question_or_no_question_mark_is_not_a_bare_term(text):
    assert asked_term(text) is None


@pytest.mark.parametrize("term", ["local offer", "lego therapy", "single route of redress"])
@pytest.mark.parametrize("asking", ["what actually is {t}? it's on the tier 1 list", "level 4 mentions '{t}' - what does that mean?",
                                    "I saw \"{t}\" in the framework: what does it mean", "what exactly is {t}? Asking for our team."])
def test_a_term_asked_with_words_around_it_is_read_as_itself(term, asking):
    """The sentence that asks, and a term quoted before "what does that mean", whatever is said beside them."""
    assert asked_term(asking.format(t=term)) == term


@pytest.mark.parametrize("question, framework", [
    ("I work in a lincolnshire school - what are the different tiers of SEND training and who are they for?", "schools"),
    ("new to the NHS: what levels are there", "health"),
    ("what are the tiers?", "schools"),
    ("I work in a school - how many hours are the tiers?", None),
    ("what level do I need", None),
])
def test_the_levels_asked_for_in_a_clause_after_what_is_said_first(question, framework):
    from knowledge.defining import the_levels_asked

    assert the_levels_asked(question) == framework


def test_a_term_the_documents_say_how_to_take_is_never_said_to_be_undefined(kb):
    """"Throughout this document the 'achievement' of children ... should be taken to include ...": each term a passage
    quotes and says how to take is left to the search, which finds that passage."""
    taken = {m.group(1).casefold() for p in kb.passages
             for m in re.finditer(r"['\u2018]([A-Za-z][A-Za-z -]{2,40})['\u2019][^.]{0,60}\b(?:taken|read|understood) (?:to|as)\b", p.text)}
    assert taken
    for term in taken:
        assert what_of(term, kb.passages, _never) is None, term


def test_a_yes_no_question_whose_answer_denies_it_reads_no_and_one_that_turns_or_widens_it_has_no_reading(kb):
    """Every sentence of the documents' that denies its own verb ("This is not a ring-fenced amount"), asked back as a
    yes/no question, reads as no from that sentence; asked with "only" or against a "not" about someone, it has none."""
    from knowledge.yes_no import DENIED, reads_no

    denials = {s for p in kb.passages for s in re.split(r"(?<=[.!?])\s+", p.text) if DENIED.search(s) and len(s.split()) <= 30}
    plain = 0
    for sentence in denials:
        asked = "is it true that " + DENIED.sub(lambda m: m.group().split()[0] if " " in m.group() else "", sentence, count=1)
        clause = re.split(r"[.;:!?,()|]", sentence[DENIED.search(sentence).end():])[0]  # what the sentence denies
        widened = re.search(r"\b(?:only|just|all|every|any|always|never|no|none|without|or)\b", asked, re.IGNORECASE) or \
            re.search(r"\b(?:full|fully|all|only|entire|entirely|always|every|more|most|solely|just|whole)\b", clause, re.IGNORECASE)
        # (a question so widened, or a sentence that denies a part of a thing, has no reading)
        assert reads_no(asked, [sentence]) == (None if widened else sentence), asked
        assert reads_no(asked.replace("is it true that ", "is it true that only "), [sentence]) is None
        plain += not widened
    assert plain >= 5
    assert reads_no("do I need the award if I was the SENCO for 12 months?",
                    ["A SENCO who has not previously been the SENCO for more than twelve months must achieve the award"]) is None
    assert reads_no("what is the notional SEND budget?", ["This is not a ring-fenced amount"]) is None
    assert reads_no("could you explain the notional SEND budget?", ["This is not a ring-fenced amount"]) is None  # a request
    part = next(s for p in kb.passages for s in re.split(r"(?<=[.!?])\s+", p.text) if re.search(r"\bnot expected to meet the full\b", s))
    assert reads_no("do schools have to fund SEN support from their own budget?", [part]) is None  # a part denied, not the whole
    silent = next(n.statement for n in kb.tensions if re.search(r"\bdoes not say\b", n.statement))  # a silence, not a denial
    assert reads_no("do I still need the lower levels' competencies at this level?", [silent]) is None
    row = next(p.text for p in kb.passages if "|" in shown_text(p.text) and "not exhaustive" in p.text)  # a table row's "not"
    assert reads_no("can a SALT count a level 2 course toward their level 3 hours?", [shown_text(row)]) is None


def test_a_yes_no_question_naming_a_level_then_one_below_it_is_answered_by_builds_on(kb):
    """Every level that builds on others, asked whether it needs each of them, reads yes; asked the other way round, or
    whether it needs a level above it, or "only", it has no reading."""
    from knowledge import lookup
    from knowledge.yes_no import asks_if_lower_needed

    built = [(lv, lookup.cohort(kb, lv.id)["builds_on"]) for lv in kb.levels]
    built = [(lv, lower) for lv, lower in built if lower]
    assert len(built) >= 4
    for lv, lower in built:
        for below in lower:
            assert asks_if_lower_needed(f"I'm at {lv.name} - do I still need {below} as well?", lv.name, lower), (lv.name, below)
            assert not asks_if_lower_needed(f"does {below} need {lv.name}?", lv.name, lower)
            assert not asks_if_lower_needed(f"I'm at {lv.name} - do I only need {below}?", lv.name, lower)


def test_the_sentence_that_asks_a_meaning_is_where_the_term_asked_about_is():
    """"How does the guidance define high needs block funding? Our LA contact uses the term loosely.": the meaning asked
    is in the first sentence, not the short form of the aside; "does that mean we're off the hook?" asks no meaning."""
    from knowledge.defining import ASKS_MEANING, meaning_asked_in

    asked = "How does the guidance define high needs block funding, and who gets it?"
    assert meaning_asked_in(f"School bursar. Our budget report. {asked} Our LA contact uses the term loosely.") == f"Our budget report. {asked}"
    assert meaning_asked_in("what does SENCO stand for?") == "what does SENCO stand for?"
    pointing = "the level 3 outcomes mention CeTR, CTR and LeDR. what do those stand for?"  # the sentence it points back at too
    assert meaning_asked_in(f"Nurse here. {pointing}") == pointing
    assert not ASKS_MEANING.search("Can the board delegate SEND oversight, and does that mean we're off the hook?")
    assert ASKS_MEANING.search("SEND - what does that mean?")


def test_a_short_form_with_the_askers_guess_at_its_meaning_asks_what_it_stands_for(kb):
    """"V-SEND = Virtual SEND?": every short form of the glossary, with a guess after "=" or "stands for"."""
    from knowledge.short_forms import short_form_guessed

    short = [g.term for g in kb.glossary if " " not in g.term and g.expansion]
    assert len(short) >= 10
    for term in short:
        assert (short_form_guessed(kb, f"{term} = something made up?") or "").casefold() == term.casefold()
        assert (short_form_guessed(kb, f"{term.lower()} stands for something else??") or "").casefold() == term.casefold()
    assert short_form_guessed(kb, "level 2 = 90 mins?") is None and short_form_guessed(kb, "what does V-SEND stand for") is None
    assert not any(short_form_guessed(kb, q) for q in ("TA = level 2?", "SENCO means I need level 4?", "EHCP means the council pays for it?"))
