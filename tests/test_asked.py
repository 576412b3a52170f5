"""What a question asks, read from its words: the short form asked among others it names, a list asked for by how many
items it has, a list led into by an unfinished line, a job told as a department, a question after a comma."""
from __future__ import annotations

import pytest

from knowledge.defining import short_form_asked, term_asked
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


@pytest.mark.parametrize("question", ["my appraiser wants me to use the reflection record, what headings does it have",
                                      "i see kids now and then, what training does a porter need"])
def test_a_question_after_a_statement_and_a_comma_is_a_question(question):
    assert is_question(question)


def test_a_statement_about_what_one_does_is_not_a_question():
    assert not is_question("im a TA, what i do is support reading")
