"""The documents' own passages as the search shows them: a numbered paragraph that leads into a list keeps its items,
and a footnote mark brings its note. Checked over the seed documents' own lines."""
from __future__ import annotations

import re

import pytest

from knowledge.passages import FOOTNOTE_MARK, footnotes
from knowledge.sources import SUPERSCRIPT, seeds_dir
from tests.conversation import reply_text


def test_a_numbered_paragraph_printed_as_a_bullet_leads_into_the_bullets_below_it(kb):
    """"- 24** Providers will need to show ... including:" then "- recruitment and selection": each bullet up to the next
    paragraph is an item of that paragraph's list, however short ("evaluation.")."""
    checked = 0
    for path in seeds_dir().glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            lead = re.match(r"^- (\d{1,2}\*\* .*:)$", line)
            if not lead:
                continue
            items = []
            for later in lines[n + 1:]:
                if not re.match(r"^\s*- ", later) or re.match(r"^- \d{1,2}\*\*", later):
                    break
                items.append(re.sub(r"^\s*- ", "", later).strip())
            held = [p.text for p in kb.passages if p.citation.document == path.name and p.lead_in == lead.group(1)]
            assert items and held == items, (lead.group(1), items, held)
            checked += 1
    assert checked


def test_a_line_a_page_broke_is_read_on_from_the_line_before_it_past_the_footnotes_between(kb):
    """"... evaluate the effect on" / "¹ Every Child Matters ..." / "their practice, and develop ...": one passage that reads
    on, found by the words of both parts; every line of the documents that starts in lower case is such a rest."""
    checked = 0
    for path in seeds_dir().glob("*.txt"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for n, line in enumerate(lines):
            if not re.match(r"^[a-z](?!\))", line):
                continue
            before = next(b for b in reversed(lines[:n]) if not re.match(rf"^[{SUPERSCRIPT}]", b))
            before = re.sub(r"^\s*- ", "", before).strip()
            joined = f"{before} {line.strip()}"
            assert any(p.citation.document == path.name and joined in p.text for p in kb.passages), joined[-120:]
            checked += 1
    assert checked >= 4


def test_every_footnote_mark_in_a_document_has_its_note(kb):
    notes = footnotes(kb.passages)
    marked = {(p.citation.document, m) for p in kb.passages for m in FOOTNOTE_MARK.findall(p.text)}
    assert marked and marked <= set(notes), marked - set(notes)


@pytest.mark.assistant
def test_a_passage_shown_with_a_footnote_mark_is_followed_by_its_note(assistant, kb):
    notes = footnotes(kb.passages)
    marked = [p for p in kb.passages if FOOTNOTE_MARK.search(p.text) and not p.text.startswith(tuple("\u00b9\u00b2\u00b3"))]
    shown = 0
    for p in marked:
        text = " ".join(reply_text(assistant.say(f"footnote-{p.text[:20]}", " ".join(p.text.split()[:12]))).split())
        if " ".join(p.text.split()) in text:
            shown += 1
            for mark in FOOTNOTE_MARK.findall(p.text):
                assert " ".join(notes[(p.citation.document, mark)].text.split()) in text, (p.text, mark)
    assert shown


def test_a_paragraph_s_own_number_is_not_searched_as_a_word_of_it(kb):
    """"what happens in phase 1": the paragraph about phase 1, not every paragraph numbered 1.x."""
    from knowledge.search import ContentIndex

    index = ContentIndex(kb, sources=True)
    phases = sorted({m.group(1) for p in kb.passages for m in re.finditer(r"\bPhase (\d)\b", p.text, re.IGNORECASE)})
    assert len(phases) >= 2
    for phase in phases:
        shown = [p.text for a in index.search(f"what happens in phase {phase} of the lincs platform", groups=1) for p in a.passages]
        assert any(re.search(rf"\bphase {phase}\b", t, re.IGNORECASE) for t in shown), (phase, shown)


@pytest.mark.assistant
def test_a_question_the_documents_own_paragraph_holds_far_more_of_is_answered_from_it(assistant, kb):
    """Below the share of a question that usually answers it, a paragraph holding much more of it than any curated list
    is still the answer: "when did the strategy start and how long is it running" is answered by when it commenced."""
    started = next(p.text for p in kb.passages if re.search(r"commenced in \w+ \d{4}", p.text))
    text = reply_text(assistant.say("strategy-start", "when did the lincs specialist provision strategy start and how long is it running"))
    assert " ".join(started.split())[:120] in " ".join(text.split())


def test_a_table_row_is_shown_with_its_cells_apart_and_without_markup(kb):
    from knowledge.passages import shown_text

    rows = [p.text for p in kb.passages if "\t" in p.text or "<p>" in p.text]
    assert rows
    for row in rows:
        shown = shown_text(row)
        assert not re.search(r"</?\w+>|\t", shown)
        assert re.findall(r"[A-Za-z]+", re.sub(r"<[^>]+>", " ", row)) == re.findall(r"[A-Za-z]+", shown)  # every word, in order
