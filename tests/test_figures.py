"""knowledge.figures on its own: whether lines the documents hold give the figure, date or contact details asked for.
The lines are the documents' own passages, chosen by what they say, so each expectation follows from the documents."""
import re

import pytest

from knowledge.figures import A_FIGURE, A_PRICE, SUM_OR_SHARE, figure_words, missing_contact, missing_date, missing_figure
from knowledge.ranking import A_DATE, A_TIME
from knowledge.search import ContentIndex


@pytest.fixture(scope="module")
def index(kb) -> ContentIndex:
    return ContentIndex(kb, sources=True)


def _lines(kb, pattern: str) -> list[str]:
    found = [p.text for p in kb.passages if re.search(pattern, p.text, re.IGNORECASE)]
    assert found, pattern  # the documents say it
    return found


def test_a_price_is_given_only_by_a_sum_in_a_line_about_what_is_priced(kb, index):
    threshold = _lines(kb, r"threshold per pupil")
    assert any(SUM_OR_SHARE.search(line) for line in threshold)
    assert missing_figure("how much is the nationally prescribed threshold per pupil?", threshold, index) == ""
    award = _lines(kb, r"National Award in SEN Co-ordination")
    assert not any(SUM_OR_SHARE.search(line) for line in award)  # the documents price no SENCO award
    assert missing_figure("how much does the national award in SEN co-ordination cost?", award, index) == A_PRICE
    assert missing_figure("how much does the national award in SEN co-ordination cost?", award + threshold, index) == A_PRICE


def test_a_time_is_given_by_a_length_of_time_in_a_line_about_what_is_asked(kb, index):
    hours = _lines(kb, r"minimum of 12 hours")
    assert any(A_TIME.search(line) for line in hours)
    assert missing_figure("how long is the level 4 training over three years?", hours, index) == ""
    untimed = [p.text for p in kb.passages if "deployment of TAs" in p.text]
    assert untimed and not any(A_TIME.search(t) for t in untimed)
    assert missing_figure("how long should the TA deployment review take?", untimed, index) == A_FIGURE


def test_a_count_of_a_thing_the_documents_never_name_is_not_given(kb, index):
    award = _lines(kb, r"National Award in SEN Co-ordination")
    assert missing_figure("how many zorblets does the award have?", award, index) == "a number of zorblets"


def test_a_date_and_contact_details_are_asked_for_only_by_their_words(kb, index):
    dated = [line for line in _lines(kb, r"became law") if A_DATE.search(line)]
    assert dated and not missing_date("when did part 3 of the children and families act become law", dated, index)
    undated = [line for line in _lines(kb, r"National Award in SEN Co-ordination") if not A_DATE.search(line)]
    assert missing_date("when was the national award in SEN co-ordination introduced", undated, index)
    assert not missing_date("what does the national award cover", undated, index)  # no date asked
    assert missing_contact("phone number for the designated health officer", "see https://example.org")  # a link is no number
    assert not missing_contact("website for the council for disabled children", "see https://example.org")
    assert not missing_contact("what does the designated health officer do", "")


def test_the_words_asking_for_a_figure_are_not_what_is_asked_about():
    assert figure_words("what's the time limit and how much does it cost for Wales") == {"time", "limit", "cost"}
