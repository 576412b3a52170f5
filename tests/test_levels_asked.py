""""Which levels cover X?": every level whose own lists say X is named with the line that says it, and no other.
Generated from the levels' own lists: words only one level's lists use, and words several use."""
from __future__ import annotations

import re

import pytest

from knowledge.defining import asked_of_the_levels
from knowledge.search import ContentIndex
from knowledge.words import IGNORED, tokens
from tests.conversation import reply_text


def _lines(level) -> list:
    return [s.text for s in (*level.competencies, *level.learning_outcomes, *level.learning_areas)]


@pytest.fixture(scope="module")
def words_by_level(kb) -> dict:
    """Each long word of the levels' lists, and the levels whose lists hold it."""
    found: dict = {}
    for level in kb.levels:
        for word in {w for line in _lines(level) for w in re.findall(r"[a-z]{8,}", line.casefold()) if w not in IGNORED}:
            found.setdefault(word, set()).add(level.id)
    return found


@pytest.mark.parametrize("asking", ["which levels cover {w}", "at what level do staff learn about {w}", "what tiers mention {w}?"])
def test_what_is_asked_of_the_levels_is_the_rest_of_the_question(asking):
    assert asked_of_the_levels(asking.format(w="annual reviews")) == "annual reviews"


@pytest.mark.parametrize("question", ["what level do i need", "which tier am i", "what levels are there", "which level should i do",
                                      "what level of training do i need", "which level is right for me", "what level needs 8 hours",
                                      "what level is required for office staff", "which tier is a lunchtime supervisor"])
def test_a_question_about_my_own_level_or_all_of_them_asks_nothing_of_them(question):
    assert asked_of_the_levels(question) is None


def test_each_level_whose_lists_hold_a_word_is_named_with_a_line_that_holds_it(kb, words_by_level):
    index = ContentIndex(kb)
    checked = 0
    for word, levels in sorted(words_by_level.items())[::7]:  # a spread of the documents' words
        found = index.by_level(word)
        assert {lv.id for lv, _ in found} >= levels, word
        for level, passage in found:  # the line shown holds the word, and is the level's own
            assert set(tokens(word)) <= set(tokens(passage.text)) and passage.group.startswith(f"{level.id}/"), (word, passage.text)
        checked += 1
    assert checked > 20


@pytest.mark.assistant
def test_asked_which_levels_say_something_the_reply_names_each_with_its_line(assistant, kb, words_by_level):
    from actions.levels_asked import WHICH_TITLE

    shared = sorted(w for w, levels in words_by_level.items() if len(levels) >= 2)[:3]
    for word in shared:
        text = reply_text(assistant.say(f"which-{word}", f"which levels cover {word}?"))
        assert text.startswith(WHICH_TITLE), (word, text[:200])
        for level_id in words_by_level[word]:
            assert f"\u2022 {kb.level(level_id).name}: " in text, (word, level_id)
