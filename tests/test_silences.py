"""What the documents name without explaining: found by any name of it, asked about in the asker's words, from the
passage that names it; and the phrases around a thing's name that do not make a question about something else."""
from __future__ import annotations

import re

import pytest

from knowledge import named_only
from knowledge.passages import level_named


def _row_level(kb, entry):
    """The level whose table row names a thing (the row's first cell), or None when a plain passage names it."""
    row = next((p.text for p in kb.passages if entry.citation.quote in p.text and "\t" in p.text), None)
    return level_named(kb.levels, row.split("\t")[0]) if row else None


def test_a_thing_named_in_a_level_s_row_is_only_named_even_asked_with_that_level(kb, guide):
    """"The level 5 section mentions the role of the DMO / DCO. What do those roles involve?": the row that names it is the
    level's, so naming the level asks nothing more; where it is named is shown with the row's level."""
    rows = [(e, lv) for e in kb.named_only for lv in [_row_level(kb, e)] if lv is not None]
    assert rows
    for entry, level in rows:
        word = max(entry.words, key=len)
        for said in (level.name, f"L{level.name.split()[-1]}"):  # "the L5 section" is the Level 5 row too
            found = named_only.named_only(kb, f"the {said} section mentions the {word}. what does that involve?", guide.catalogue)
            assert found and found["name"] == entry.name, (entry.name, said)
        assert found["named"].startswith(level.name) and entry.citation.quote in found["named"]


def test_another_level_named_beside_a_thing_asks_what_that_level_says(kb, guide):
    """"what does Level 2 say about the DHO checklist?": the level named is not the row that names it, so its passages answer."""
    for entry in kb.named_only:
        own = _row_level(kb, entry)
        other = next(lv for lv in kb.levels if lv.framework == "health" and lv != own)
        assert named_only.named_only(kb, f"what does {other.name} say about the {entry.words[0]}?", guide.catalogue) is None, entry.name


def test_the_word_the_documents_put_before_a_name_is_theirs_not_a_question_about_more(kb, guide):
    """"What services are in the Ealing local offer?": "Ealing" is how 003 names the Local Offer, not something else asked."""
    for entry in kb.named_only:
        for word in entry.words:
            before = {m.group(1).casefold() for p in kb.passages
                      for m in re.finditer(rf"\b([A-Za-z]{{5,}})\s+{re.escape(word)}\b", p.text, re.IGNORECASE)}
            for qualifier in before - {"the", "their", "about", "understand"}:
                assert named_only.named_only(kb, f"what is included in the {qualifier} {word}?", guide.catalogue) is not None, (qualifier, word)
    assert named_only.named_only(kb, "who reviews the local offer?", guide.catalogue) is None


def test_how_a_document_describes_a_short_form_asks_its_meaning(kb, guide):
    """"How does the health framework describe SEND? I need a line for a briefing": what SEND is, in the documents'
    words; describing a role in more words is not a meaning asked."""
    from knowledge.search import ContentIndex
    from knowledge.short_forms import term_asked

    index = ContentIndex(kb, guide.catalogue)
    for entry in kb.glossary:
        asked = f"How does the health framework describe {entry.term}? I need a one-line explanation for a staff briefing."
        assert index.asks_meaning(asked) and (term_asked(kb, asked) or "").casefold() == entry.term.casefold(), entry.term
    assert not index.asks_meaning("how does the health framework describe the role of a GP in the annual review?")
    assert (term_asked(kb, "how does the health framework describe what SEND actually is?") or "").casefold() == "send"


def test_a_thing_named_only_asked_by_its_stages_or_by_the_section_that_names_it_is_still_only_named(kb, guide):
    """"What are the stages of the 20 week planning process the assessment section talks about?": its stages are what it
    is, and the section named is where the documents name it."""
    for entry in kb.named_only:
        section = entry.citation.section.split(">")[-1].strip().casefold()
        if level_named(kb.levels, section):  # (a level's section says more of it: "what does level 2 say about the local offer")
            continue
        for asked in (f"what are the stages of the {entry.words[0]}?", f"what are the steps in the {entry.words[0]} the {section} section mentions?"):
            found = named_only.named_only(kb, asked, guide.catalogue)
            assert found and found["name"] == entry.name, (asked, entry.name)


def test_a_definition_asked_for_in_a_sentence_asks_what_the_thing_is(kb):
    """"For my L4 portfolio I need the framework's definition of personal health budgets": the thing whose definition
    is asked, wherever in the sentence the asking starts."""
    from knowledge.defining import asked_term

    things = {e.expansion.casefold() for e in kb.glossary if e.expansion} | {e.name.casefold() for e in kb.named_only}
    plain = {thing: asked_term(f"what is {thing}?") for thing in things}
    assert sum(bool(found) for found in plain.values()) >= len(things) // 2
    for thing, found in plain.items():  # asked in a sentence, the same thing as asked plainly
        for asked in (f"For my portfolio I need the framework's definition of {thing} - what does it say?",
                      f"what is the definition of {thing}?", f"I need the meaning of {thing}"):
            assert asked_term(asked) == found, (asked, found)


def test_a_thing_asked_in_its_words_in_another_order_is_still_the_thing(kb, guide):
    """"what modules will be in Tier 2?" uses the words of "tier 2 modules" in its own order."""
    asked = 0
    for entry in kb.named_only:
        for word in entry.words:
            named = re.fullmatch(r"((?:tier|level|appendix) \w+|east sussex|lincolnshire) ([a-z]{4,})", word)  # a name, then a thing
            if named:
                question = f"what {named.group(2)} will be in {named.group(1)}?"
                found = named_only.named_only(kb, question, guide.catalogue)
                assert found and found["name"] == entry.name, question
                asked += 1
    assert asked >= 5


def test_a_role_the_naming_passage_names_is_no_other_subject(kb, guide):
    """"which universities run the SENCO award?": the SENCO is named where the providers are, so the question is about them."""
    from knowledge.words import tokens

    asked = 0
    for entry in kb.named_only:
        naming = " ".join(p.text for p in kb.passages if entry.citation.quote in p.text)
        roles = [r for r in guide.catalogue.resolve(naming).roles if r.topic and set(tokens(r.name)) <= set(tokens(naming))]
        for role in roles[:1]:
            asked += 1
            question = f"{entry.words[0]} for the {role.name}?"
            found = named_only.named_only(kb, question, guide.catalogue)
            assert found and found["name"] == entry.name, question
    assert asked


def test_a_thing_s_words_in_another_order_never_catch_a_question_its_naming_passage_answers(kb, guide):
    """"how long is a provider approved for?" is answered where the providers are named: no entry's words, taken apart,
    are only the words of a question about something else."""
    assert any("provider" in " ".join(e.words) for e in kb.named_only)
    assert named_only.named_only(kb, "how long is a provider approved for?", guide.catalogue) is None
    assert named_only.named_only(kb, "how long are approved providers approved for?", guide.catalogue) is None
    assert named_only.named_only(kb, "what does the council offer locally?", guide.catalogue) is None  # not the Local Offer


def test_a_thing_a_line_only_names_is_said_to_be_named_only_when_its_contents_are_asked(kb):
    """"Understand basic coaching techniques.": asked which techniques, the guide says the documents name them without
    saying what they are, for every such line of the documents that no passage says more of; asked what the documents
    say of it, or of a thing a line lists ("including attachment and resilience"), it says nothing of the kind."""
    from knowledge.named_only import only_named

    naming = re.compile(r"^(?:Understand|Basic awareness of|A basic understanding of|Know about)\s+(?:the\s+)?(.+?)\.?$")
    lines = [p.text.strip() for p in kb.passages if naming.match(p.text.strip())]
    things = [naming.match(line).group(1) for line in lines]
    plain = [t for t in things if len(t) <= 60 and not re.search(r"\b(?:what|how|why|which|when|where|this|these|own|importance|impact|benefits|"
                                                                 r"including|such as)\b|\b(?:on|of|with|to|for|in)$", t)
             and not any(re.search(re.escape(t) + r"\s*(?::|\(|including|such as)", p.text) for p in kb.passages)]
    assert len(plain) >= 5  # the East Sussex framework names many
    for thing in plain:
        assert only_named(kb, f"which specific {thing} does the framework mean exactly?", lines) == thing, thing
        assert only_named(kb, f"which {thing} does e sussex want staff to use", lines) == thing, thing  # "which" before the thing
        assert only_named(kb, f"The framework asks staff to understand {thing}. For our induction pack, what are those?", lines) == thing, thing
        assert only_named(kb, f"e sussex says understand {thing} - wat r the {thing.split()[-1]}", lines) == thing, thing  # as typed
        assert only_named(kb, f"what does the framework say about {thing}?", lines) is None, thing
    assert only_named(kb, f"which section covers {plain[0]}?", lines) is None  # where it is, not what it holds
    listed = [t for t in things if " including " in t]
    assert listed and all(only_named(kb, f"which specific {t} exactly?", lines) is None for t in listed)


def test_a_numbered_level_no_framework_sets_is_found_and_one_they_set_is_not(kb):
    """"is there a tier 3 for school staff?": every numbered level one past each framework's last is set by none."""
    from knowledge.defining import a_level_not_set

    names = [n for lv in kb.levels for n in (lv.name, *lv.also_called)]
    for framework, kind in (("schools", "Tier"), ("health", "Level")):
        numbers = [int(lv.name.split()[-1]) for lv in kb.levels_of(framework) if lv.name.split()[-1].isdigit()]
        past = f"{kind} {max(numbers) + 1}"
        assert a_level_not_set(f"is there a {past.lower()} for our staff?", names) == (past, framework)
        assert all(a_level_not_set(f"what does {kind.lower()} {n} cover?", names) is None for n in numbers)
    assert a_level_not_set("how many hours is level 2? 12 hours?", names) is None


@pytest.mark.assistant
def test_a_level_no_framework_sets_is_answered_with_the_levels_they_set(assistant, kb):
    from tests.conversation import reply_text

    past = f"Tier {max(int(lv.name.split()[-1]) for lv in kb.levels_of('schools') if lv.name.split()[-1].isdigit()) + 1}"
    for n, asked in enumerate((f"is there a {past.lower()} for school staff?", f"is there a {past.lower()} for senior leaders?",
                               f"is there also a {past.lower()} for SENCOs?")):
        text = reply_text(assistant.say(f"no-such-tier-{n}", asked))  # whoever it is asked for
        assert text.startswith(f"The documents set no {past}.") and all(lv.name in text for lv in kb.levels_of("schools")), asked
