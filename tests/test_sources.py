"""Citations against the documents: every quote lies in the section it names."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.content_loader import ContentError, load_content, section_spans
from knowledge.sources import SEEDS_ENV, Document, SourceError, normalise, seeds_dir


def test_every_quote_is_in_its_cited_section(kb):
    texts = section_spans()
    missing = [c for c in kb.citations() if not texts[c.document][0].contains(c.quote, texts[c.document][1][c.section])]
    assert missing == []
    assert len(kb.citations()) > 400


def test_every_document_is_cited(kb):
    assert {c.document for c in kb.citations()} == {p.name for p in seeds_dir().glob("*.txt")}


def test_quote_from_another_section_does_not_count():
    texts = section_spans()
    doc, spans = texts["000_eebbad39d168c16b.txt"]
    quote = "To have awareness of what reasonable adjustments means for the CYP"
    assert doc.contains(quote, spans["Learning Outcomes > Level 1"])
    assert not doc.contains(quote, spans["Learning Outcomes > Level 2"])


def test_normalise_ignores_case_space_tags_and_typographic_quotes():
    assert normalise("<p>Children’s  \n CARE</p> **navigators**") == "children's care navigators"


def test_repeated_headings_are_found_in_order():
    doc = Document("x.txt", "Contents\n1. Area\n2. Other\n\n1. Area\nbody one\n2. Other\nbody two\n")
    first, second = doc.spans([("Contents", 1), ("1. Area", 2), ("2. Other", 1)])[1:]
    assert doc.text[first.start:first.end].startswith("1. Area\nbody one")
    assert "body two" in doc.text[second.start:second.end]


def test_missing_heading_is_an_error():
    with pytest.raises(SourceError, match="heading not found"):
        Document("x.txt", "just text\n").find_heading("Level 9")


def test_seeds_folder_comes_from_the_setting(monkeypatch, seeds_copy: Path):
    monkeypatch.setenv(SEEDS_ENV, str(seeds_copy))
    assert seeds_dir() == seeds_copy
    assert load_content().levels


def test_a_changed_document_fails_the_quotes_that_cite_it(monkeypatch, seeds_copy: Path):
    path = seeds_copy / "000_eebbad39d168c16b.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("minimum of 90 mins", "minimum of 95 mins"), encoding="utf-8")
    monkeypatch.setenv(SEEDS_ENV, str(seeds_copy))
    with pytest.raises(ContentError, match=r"levels\.yml: level-2 refresher: quote not found"):
        load_content()


def test_missing_seeds_folder_says_which_setting(monkeypatch, tmp_path: Path):
    monkeypatch.setenv(SEEDS_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(SourceError, match=SEEDS_ENV):
        load_content()


def test_every_quote_of_content_runs_to_the_end_of_its_sentence_or_is_marked_an_excerpt(kb):
    """A line of content stops where its sentence, bullet or table cell stops in the document, so nothing is
    cut short (by an unquoted comma in the YAML, say); a deliberate excerpt says so."""
    texts = section_spans()
    lines = [st for lv in kb.levels for st in (*lv.members, *lv.competencies, *lv.learning_outcomes, *lv.learning_areas, *lv.methods)]
    lines += [item for topic in kb.topics for item in topic.items]
    cut = [line.text for line in lines if not line.excerpt and not texts[line.citation.document][0].ends_where_its_sentence_ends(
        line.citation.quote, texts[line.citation.document][1][line.citation.section])]
    assert cut == []


def test_a_quote_cut_short_is_found():
    doc = Document("x.txt", "Intro\n- Ability to sign post parents, children and young people to the Local Offer.\n- Next bullet\n")
    span = doc.spans([("Intro", 1)])[0]
    assert doc.ends_where_its_sentence_ends("Ability to sign post parents, children and young people to the Local Offer", span)
    assert doc.ends_where_its_sentence_ends("- Next bullet", span)
    assert not doc.ends_where_its_sentence_ends("Ability to sign post parents", span)


def test_an_unquoted_comma_in_a_content_item_stops_the_load(content_copy: Path):
    path = content_copy / "competency_areas.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{text: "Ability to effectively sign post parents, children and young people to the Local Offer."',
                                 "{text: Ability to effectively sign post parents, children and young people to the Local Offer."),
                    encoding="utf-8")
    with pytest.raises(ContentError, match="unexpected .*quote text that holds a comma"):
        load_content(content_copy)


def test_every_source_passage_is_quoted_from_its_section(kb):
    from knowledge.content_loader import section_spans

    texts = section_spans()
    assert len(kb.passages) > 500 and {p.citation.document for p in kb.passages} == set(texts)
    for passage in kb.passages:
        source, spans = texts[passage.citation.document]
        assert source.contains(passage.text, spans[passage.citation.section]), passage.text


def test_every_line_whose_sentence_leads_into_sub_bullets_carries_them(kb):
    """"... and review their progress:" goes on into indented bullets; a line that stops at the colon is cut short."""
    texts = section_spans()
    lines = [st for lv in kb.levels for st in (*lv.members, *lv.competencies, *lv.learning_outcomes, *lv.learning_areas, *lv.methods)]
    lines += [item for topic in kb.topics for item in topic.items]
    short = []
    for line in lines:
        doc, spans = texts[line.citation.document]
        span = spans[line.citation.section]
        raw = [r for r in doc.text[span.start: span.end].splitlines() if r.strip()]
        quote = normalise(line.citation.quote).rstrip(":")
        for here, after in zip(raw, raw[1:]):
            leads = normalise(here).endswith(":") and quote in normalise(here) and after[:1].isspace() and after.strip().startswith("-")
            if leads and normalise(line.text).rstrip(":") == quote:
                short.append(line.text)
    assert short == []


def test_words_a_note_puts_in_quotes_are_the_documents_words(kb):
    """A note may read the documents, but what it quotes ("a specific cohort of school staff") they say."""
    import re

    texts = [normalise(p.read_text(encoding="utf-8")) for p in seeds_dir().glob("*.txt")]
    for tension in kb.tensions:
        for quoted in re.findall(r'"([^"]{8,})"', tension.statement):
            assert any(normalise(quoted) in t for t in texts), (tension.id, quoted)


def test_the_guide_s_own_readings_are_marked_as_its_readings(kb):
    assert all("each three-year" not in lv.refresher.text for lv in kb.levels if lv.refresher)  # they say "over a three-year period"
    designated = next(t for t in kb.tensions if t.id == "designated-professionals")
    assert "This guide's reading: designated roles for safeguarding are not SEND roles" in designated.statement
    for silence in (t for t in kb.tensions if t.id in ("college-no-level", "early-years-no-level")):
        assert '"a specific cohort of school staff"' in silence.statement
        assert any("a specific cohort of school staff" in c.quote for c in silence.citations)


def test_a_quote_is_shown_without_the_documents_stray_spaces_and_still_matches_them(kb):
    from knowledge.lookup import cite_dict
    from knowledge.sources import shown_quote

    assert shown_quote("Health Visitors , school nurses ,") == "Health Visitors, school nurses,"
    texts = section_spans()
    for citation in kb.citations():
        shown = shown_quote(cite_dict(citation)["quote"])
        assert " ," not in shown and "  " not in shown
        assert texts[citation.document][0].contains(citation.quote, texts[citation.document][1][citation.section])
    quotes = {r.name: r.citation.quote for r in kb.roles if r.citation}
    assert quotes["GP"] == "GP's" and quotes["Designated professional"].endswith("(DHO)")


def test_every_quote_runs_to_the_end_of_what_it_quotes_or_is_shown_as_an_excerpt(kb):
    """Roles, notes, the glossary, the questions and the named-only things as well as levels and topics."""
    from knowledge.lookup import cite_dict
    from knowledge.sources import shown_quote

    texts = section_spans()
    excerpts = 0
    for citation in kb.citations():
        doc, spans = texts[citation.document]
        assert citation.excerpt is not doc.ends_where_its_sentence_ends(citation.quote, spans[citation.section]), citation.quote
        shown = shown_quote(cite_dict(citation)["quote"], cite_dict(citation)["excerpt"])
        assert shown.endswith("\u2026") is citation.excerpt
        excerpts += citation.excerpt
    assert excerpts > 50  # the glossary's "Integrated Care Boards (ICBs)", a role named within a list


_SENTENCE = re.compile(r"(?<=[.!?)])\s+(?=[A-Z(\[])")
_REFERENCE = re.compile(r"^[(\[]|code of practice para", re.I)  # "(Paragraph 6.84 ...)", "[Read about ...](#)": a source named


def test_a_school_role_s_duties_leave_out_no_sentence_of_the_sections_they_cite(kb):
    """A role's topic is the answer to "can the GB delegate this to the head?": every sentence of the sections its lists
    cite is one of its items (or the words that lead into a list), not only the ones its lists were first written with."""
    roles_doc = next(d.file_name for d in kb.documents if d.id == "roles-responsibilities")
    topics = [t for t in kb.topics if {i.citation.document for i in t.items} == {roles_doc}]
    assert len(topics) >= 10

    def words(text):
        return " ".join(re.findall(r"[a-z0-9]+", normalise(text)))

    left_out = []
    for topic in topics:
        held = " ".join(words(part) for i in topic.items for part in (i.text, i.citation.quote, i.heading or ""))
        cited = {i.citation.section for i in topic.items}
        for passage in (p for p in kb.passages if p.citation.document == roles_doc and p.citation.section in cited):
            for sentence in _SENTENCE.split(passage.text):
                if len(words(sentence)) > 25 and not sentence.rstrip().endswith(":") and not _REFERENCE.search(sentence) \
                        and words(sentence) not in held:
                    left_out.append((topic.id, sentence))
    assert left_out == []
