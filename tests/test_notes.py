"""What is said first when an answer cannot be all a question asked for, over REST: the words the documents never use,
that they give no figure for what is asked, and what a short form is where a document says so. Each case is checked
against the documents' own text, so the note is true of them."""
from __future__ import annotations

import re

import pytest

from knowledge.ranking import A_TIME
from knowledge.sources import seeds_dir
from tests.conversation import reply_text

pytestmark = pytest.mark.assistant


@pytest.fixture(scope="module")
def sentences() -> list:
    texts = " ".join(p.read_text(encoding="utf-8") for p in seeds_dir().glob("*.txt"))
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", texts) if s.strip()]


@pytest.mark.parametrize("word", ["makaton", "restraint", "hydrotherapy"])
def test_a_word_the_documents_never_use_is_said_to_be_unmentioned(assistant, sentences, word):
    assert not any(word in s.casefold() for s in sentences)
    text = reply_text(assistant.say(f"unmentioned-{word}", f"do we have to use {word} with pupils"))
    assert f"do not mention {word.capitalize()}" in text.splitlines()[0]


def test_a_sum_asked_for_is_answered_only_by_one_of_the_thing_asked_about(assistant, sentences):
    from actions.notes import NO_FIGURE

    assert any("pupil premium" in s.casefold() for s in sentences)
    assert not any("pupil premium" in s.casefold() and re.search(r"£\s?\d|%", s) for s in sentences)
    assert reply_text(assistant.say("premium", "how much pupil premium does a school get")).startswith(NO_FIGURE)
    sums = [s for s in sentences if "threshold per pupil" in s and re.search(r"£\s?\d", s)]
    assert sums  # the documents give this one
    text = reply_text(assistant.say("threshold", "how much is the nationally prescribed threshold per pupil per year"))
    assert not text.startswith(NO_FIGURE) and re.search(r"£\s?\d[\d,]*", sums[0]).group() in text


def test_a_figure_asked_of_a_named_document_is_one_of_its_own(assistant, kb):
    from actions.notes import NO_FIGURE_FOR

    east_sussex = next(d for d in kb.documents if "East Sussex" in d.title)
    assert not [lv for lv in kb.levels if lv.cohort.citation.document == east_sussex.file_name and lv.refresher]
    text = reply_text(assistant.say("named-hours", "how many hours of training does the east sussex framework require"))
    assert text.startswith(NO_FIGURE_FOR.format(figure="a number of hours"))  # what was counted, named


def test_a_count_of_a_thing_the_documents_never_name_is_not_given(assistant, sentences):
    """"how many words do the assignments have to be?": no document counts words, whatever numbers the answer holds."""
    assert not any(re.search(r"\bwords?\b", s, re.IGNORECASE) for s in sentences)
    text = reply_text(assistant.say("word-count", "how many words do the assignments on the senco course have to be?"))
    assert "do not give a number of words" in text.splitlines()[0]


def test_a_price_is_given_only_by_a_sum_in_a_line_about_what_is_priced(assistant, sentences):
    """"how much will each school login to the learning platform cost?": the threshold schools pay per pupil is a sum,
    but not the price of a login; "what is the cost threshold schools pay up to per pupil" is answered by it."""
    from actions.notes import NO_PRICE

    assert not any(re.search(r"£\s?\d", s) for s in sentences if re.search(r"\blogins?\b", s, re.IGNORECASE))
    assert any(re.search(r"\blogins?\b", s, re.IGNORECASE) for s in sentences)
    assert reply_text(assistant.say("login-price", "how much will each school login to the learning platform cost?")).startswith(NO_PRICE)
    sums = [s for s in sentences if "threshold per pupil" in s and re.search(r"£\s?\d", s)]
    text = reply_text(assistant.say("threshold-price", "what is the cost threshold schools pay up to for each pupil with SEND?"))
    assert not text.startswith(NO_PRICE) and re.search(r"£\s?\d[\d,]*", sums[0]).group() in text


def test_a_price_asked_of_a_document_named_by_its_short_form_is_one_of_its_own(assistant, kb):
    from actions.notes import NO_PRICE
    from knowledge.passages import named_document
    from knowledge.words import SHORT_FORMS

    short = next(w for w, whole in SHORT_FORMS.items() if any(whole.capitalize() in d.title for d in kb.documents))  # "lincs"
    document = next(d for d in kb.documents if SHORT_FORMS[short].capitalize() in d.title)
    question = f"what does the {short} report say the platform costs per school?"
    assert named_document(kb.documents, question, frozenset({SHORT_FORMS[short]}))[0] is document
    assert not any(re.search(r"£\s?\d", p.text) for p in kb.passages if p.citation.document == document.file_name)
    assert any(re.search(r"£\s?\d", p.text) for p in kb.passages)  # another document gives a sum
    assert reply_text(assistant.say("named-price", question)).startswith(NO_PRICE)


def test_a_time_limit_is_answered_only_by_a_time(assistant, sentences, kb):
    from actions.notes import NO_FIGURE, NO_FIGURE_OF

    near = re.compile(rf"tribunal.{{0,120}}(?:{A_TIME.pattern})|(?:{A_TIME.pattern}).{{0,120}}tribunal", re.IGNORECASE)  # (a table row
    # holds both, far apart)
    assert not any(near.search(s) for s in sentences)
    first = reply_text(assistant.say("tribunal", "whats the time limit for appealing to the send tribunal")).splitlines()[0]
    assert first == NO_FIGURE or first.endswith(NO_FIGURE_OF.split("}")[-1])  # (with the words they never use, if any)
    induction = kb.levels_of("health")[0].induction.text
    assert A_TIME.search(induction)  # the induction has one
    assert not reply_text(assistant.say("deadline", "whats the deadline for the level 1 induction")).startswith(NO_FIGURE)


def test_a_short_form_a_document_describes_is_answered_with_that_description(assistant, kb):
    described = [(g.term, p.text) for g in kb.glossary for p in kb.passages
                 if re.search(rf"\({re.escape(g.term)}\) (?:is used to describe|means|is defined as)", p.text)]
    assert described
    for term, passage in described:
        text = reply_text(assistant.say(f"described-{term}", f"how do the documents define {term}"))
        assert " ".join(passage.split()) in " ".join(text.split()), term


def test_how_often_is_answered_only_by_a_frequency_and_how_many_only_by_a_number_of_the_thing_counted(assistant, kb):
    from actions.notes import NO_FIGURE, NO_FIGURE_FOR
    from knowledge.figures import OFTEN

    reviewed = [p.text for p in kb.passages if "deployment of TAs" in p.text]
    assert reviewed and not any(OFTEN.search(t) or A_TIME.search(t) for t in reviewed)  # "reviewed regularly": no frequency
    first = reply_text(assistant.say("often", "how often should TA deployment be reviewed - termly?")).splitlines()[0]
    assert first == NO_FIGURE
    counted = re.compile(r"\b(?:\d+|one|two|three|four|five|six)\s+(?:\w+\s+){0,2}assignments?\b", re.IGNORECASE)
    assert not any(counted.search(p.text) for p in kb.passages)
    first = reply_text(assistant.say("assignments", "how many assignments are there on the senco award")).splitlines()[0]
    assert first == NO_FIGURE_FOR.format(figure="a number of assignments")  # the thing counted, named


def test_a_date_or_contact_details_asked_for_are_answered_only_by_one(assistant, sentences):
    from actions.notes import NO_CONTACT, NO_DATE
    from knowledge.figures import REACHED_BY

    health = (seeds_dir() / next(p.name for p in seeds_dir().glob("000_*.txt"))).read_text(encoding="utf-8")
    assert "publish" not in health.casefold()  # the health framework gives no date it was published
    assert reply_text(assistant.say("dated", "when was the SEND training assurance framework for health published")).startswith(NO_DATE)
    law = [s for s in sentences if "became law" in s and re.search(r"\b20\d\d\b", s)]
    assert law  # the documents date this one
    text = reply_text(assistant.say("law", "when did part 3 of the children and families act become law"))
    assert not text.startswith(NO_DATE) and re.search(r"\b20\d\d\b", law[0]).group() in text
    assert not any(REACHED_BY.search(s) for s in sentences if re.search(r"designated health officer|\bDHO\b", s))
    assert reply_text(assistant.say("reach", "phone number for the designated health officer")).startswith(NO_CONTACT)


def test_what_something_pays_for_asks_what_it_funds_not_a_price(assistant, sentences):
    from actions.notes import NO_FIGURE

    funds = [s for s in sentences if "Early Years Pupil Premium can be used" in s]
    assert funds  # what the documents say it is for
    text = reply_text(assistant.say("funds", "what does the early years pupil premium pay for"))
    assert not text.startswith(NO_FIGURE) and " ".join(funds[0].split()) in " ".join(text.split())


@pytest.mark.parametrize("question, denial", [("is the notional SEND budget ring fenced?", r"\bnot a ring-fenced\b"),
                                              ("does this training framework replace the contract between commissioners and providers?",
                                               r"\bdoes not replace\b")])
def test_a_yes_no_question_the_documents_deny_is_read_as_no_from_their_sentence_and_not_when_it_says_only(assistant, kb, question, denial):
    from actions.notes import READS_NO

    said = [s for p in kb.passages for s in re.split(r"(?<=[.!?])\s+", p.text) if re.search(denial, s)]
    assert len(said) == 1  # the documents' own sentence, which the reading quotes
    assert reply_text(assistant.say(f"no-{len(question)}", question)).startswith(READS_NO.format(sentence=said[0]))
    only = question.replace("is the", "is only the").replace("does this", "does only this")
    assert not reply_text(assistant.say(f"no-only-{len(question)}", only)).startswith(READS_NO.split("{")[0])


def test_a_question_with_a_term_the_documents_never_use_is_answered_from_the_rest_of_it(assistant, sentences):
    """"SENCO exemption ... how long must they have been a SENCO elsewhere? whats the cut off": the documents never say "cut
    off", but they answer the rest of the question, after the note that says so; so do they "the platform will link to other
    things"; a question that is only such a term gets the note alone, with no passage."""
    from actions.meanings import NOT_MENTIONED
    from actions.notes import NOT_MENTIONED_NEAREST

    def unsaid(words):
        return not any(re.search(rf"\b{words}\b", s, re.IGNORECASE) for s in sentences)

    exemption = [s for s in sentences if "previously been the SENCO" in s]
    assert unsaid("cut[- ]?off") and exemption and "twelve months" in exemption[0]
    text = reply_text(assistant.say("cut-off", "SENCO exemption from the national award - how long must they have already been a SENCO "
                                               "elsewhere? whats the cut off"))
    assert text.startswith(NOT_MENTIONED_NEAREST.format(words="Cut off")) and "twelve months" in text
    assert unsaid("things") and any("V-SEND" in s for s in sentences) and any("Ask SALL" in s for s in sentences)
    text = reply_text(assistant.say("things", "the platform will link to other things - what are they?"))
    assert "Ask SALL" in text and "V-SEND" in text
    for term, question in (("Makaton", "what is makaton?"), ("ELKLAN", "Our speech and language therapist mentioned ELKLAN. what is elklan?"),
                           ("Refund policy", "what is the refund policy for the senco award?"),
                           ("Makaton", "What is Makaton? How much does it cost?")):  # what is said around it asks nothing, or of it
        assert unsaid(term)
        text = reply_text(assistant.say(f"alone-{len(question)}", question))
        assert text.startswith(NOT_MENTIONED.format(words=term)) and "Sources:" not in text, text


def test_a_word_of_the_askers_job_title_or_of_the_answers_form_is_not_said_to_be_unmentioned(assistant, sentences, kb):
    """"lunchtime supervisor here": the guide places a job the documents do not name; "for a slide", "few bullets": the form
    the answer is wanted in. Neither is a subject the documents are asked to speak of, though they never use the words; a
    job asked about is ("what do the documents say about volunteers in schools?")."""
    from actions.notes import NOT_MENTIONED_NEAREST

    assert not any(re.search(r"\b(lunchtime|slides?|bullets?|volunteers?)\b", s, re.IGNORECASE) for s in sentences)
    assert "supervisor" in kb.wording.job_words and "volunteer" in kb.wording.job_words
    text = reply_text(assistant.say("volunteers", "what do the documents say about volunteers in schools?"))
    assert text.startswith(NOT_MENTIONED_NEAREST.format(words="Volunteers"))
    for question, answered in (("lunchtime supervisor here - is the introductory level for all staff in the school?", "ntroductory"),
                               ("for a slide: what does the Children and Families Act do according to the health framework? few bullets",
                                "Children and Families Act")):
        text = reply_text(assistant.say(f"form-{len(question)}", question))
        assert not text.startswith(NOT_MENTIONED_NEAREST.split("{")[0]) and answered in text, text
