"""Search over the cited content: what no intent handles is answered in the documents' words, or not at all."""
from __future__ import annotations

import re

import pytest

from knowledge.asking import asks_about
from knowledge.search import ContentIndex
from tests.test_challenge import QUESTIONS


@pytest.fixture(scope="module")
def index(guide) -> ContentIndex:
    return ContentIndex(guide.kb, guide.catalogue)


def _shown(answers) -> str:
    return " ".join(" ".join(filter(None, (a.title, a.heading, *(p.text for p in a.passages)))) for a in answers)


@pytest.mark.parametrize("question, expected", [
    ("what should staff be trained to understand about a pupil?", "Communicate instructions"),
    ("what does EHCP stand for?", "Education, Health and Care Plan"),
    ("what are the preparing for adulthood outcomes?", "Independent living"),
    ("what are the six areas of the East Sussex competency framework?", "SEND Reforms Competency Framework"),
    ("what does the East Sussex framework say about safeguarding?", "Safeguarding"),
    ("tell me about personl helth budgets", "Personal health budgets"),
    ("what's the 6000 pound rule?", "nationally prescribed threshold"),
    ("who approves SENCO training providers?", "Secretary of State"),
    ("how do I record my learning?", "reflection record"),
    ("How long do new SENCOs have?", "within three years of appointment"),  # by when, not how long the course takes
    ("how long does the national award take?", "one year part time"),
    ("do sencos get time off timetable?", "time away from teaching"),  # the documents' words for it
])
def test_questions_in_peoples_words_find_the_documents_answer(index, question, expected):
    answers = index.search(question)
    assert answers and expected.casefold() in _shown(answers).casefold()
    assert all(p.citation.quote for a in answers for p in a.passages)


@pytest.mark.parametrize("question", ["what's the weather like", "who won the football", "how do I bake bread",
                                      "can I park at the hospital", "", "🙂", "x" * 5000])
def test_what_the_documents_do_not_cover_finds_nothing(index, question):
    assert index.search(question) == []


def test_a_long_topic_shows_the_part_asked_about(index):
    [answer] = index.search("what should TAs be trained to do?", groups=1, within="adults-in-the-classroom")
    assert answer.heading.startswith("Staff should be trained") and len(answer.passages) == 5


def test_a_question_about_a_role_in_general_is_not_about_one_part(guide):
    assert not asks_about("what does a TA do?", guide.catalogue, "Teaching assistants and adults in the classroom")
    assert asks_about("what should TAs be trained to do?", guide.catalogue, "Teaching assistants and adults in the classroom")
    assert not asks_about("teachers responsibilities for send kids", guide.catalogue, guide.kb.topic("teachers").title)
    assert not asks_about("what must a teacher do for pupils with SEND?", guide.catalogue, guide.kb.topic("teachers").title)
    # who asks, told before the question, and the form of the answer asked for are nothing in particular
    head = guide.kb.topic("headteacher").title
    assert not asks_about("new head starting in Sept, whats the headteacher's role on SEND in a nutshell?", guide.catalogue, head)
    assert asks_about("new head starting in Sept, whats the headteacher's role on SEND data?", guide.catalogue, head)
    assert asks_about("SENCO working with parents and carers, what should I do?", guide.catalogue, guide.kb.topic("senco").title)


@pytest.mark.parametrize("case", [q for q in QUESTIONS if not q["say"].startswith(("what's a PCN", "what's the minimum", "what are governors"))],
                         ids=lambda c: c["say"])
def test_the_challenge_questions_find_their_answer_in_the_documents(index, case):
    """Most of the challenge set's questions are answered by search alone; the chat also has intents for them."""
    text = _shown(index.search(case["say"]))
    assert all(re.search(p, text, re.IGNORECASE) for p in case["expect"]), (case["say"], text[:300])


@pytest.mark.parametrize("question, line", [("RAS?", "RAS: Resource Allocations System"), ("uncrc", "UNCRC: UN Convention"),
                                            ("CeTR?", "CeTR: not spelled out in the documents")])
def test_a_term_asked_alone_gets_what_the_documents_say_it_means(kb, question, line):
    from knowledge.search import ContentIndex

    answers = ContentIndex(kb).search(question)
    assert answers and answers[0].passages[0].text.startswith(line)


def test_something_named_but_never_included_is_said_so_with_where_it_is_named(kb):
    """Every entry of named_only.yml is found by each of its words, and says what the documents leave out."""
    from knowledge import named_only

    assert kb.named_only
    for entry in kb.named_only:
        for word in entry.words:
            found = named_only.named_only(kb, f"what is {word}?")
            assert named_only.named_only(kb, f"where can I see the {word} in the {kb.documents[0].title}?") == found
            assert found and found["name"] == entry.name and found["cite"]["quote"] == entry.citation.quote, (word, found)
            assert re.search(r"\bnot (?:included|listed|defined|explained)\b", found["statement"])


def test_something_named_but_never_included_is_said_so_when_asked_with_the_words_of_the_passage_that_names_it(kb):
    """"What are the four categories of SEND that the learning areas are aligned with?": the question's other words are
    the naming passage's own, so it asks about the thing, not beyond it; and its phone number is not given either."""
    from knowledge import named_only

    for entry in kb.named_only:
        naming = next(p.text for p in kb.passages if entry.citation.quote in p.text)
        beside = [w for w in re.findall(r"[a-z]{5,}", naming.casefold()) if not any(w in x for x in entry.words)
                  and not re.match(r"levels?|tiers?$", w)][:3]  # (a level named asks about the level)
        for question in (f"what is {entry.words[0]}, the one {' '.join(beside)} mention?", f"whats {entry.words[0]} and whats its phone number",
                         f"the report says {' '.join(beside)} - what is {entry.words[0]}?"):
            found = named_only.named_only(kb, question)
            assert found and found["name"] == entry.name, question


@pytest.mark.parametrize("question", ["what does level 2 say about the local offer", "what must governors do about the local offer",
                                      "what are the level 3 learning outcomes", "who is tier 1 for",
                                      "is signposting to the local offer one of the competences"])
def test_a_question_about_a_level_a_role_s_duties_or_more_than_the_thing_is_not_taken_for_a_silence(kb, guide, question):
    from knowledge import named_only

    assert named_only.named_only(kb, question, guide.catalogue) is None


@pytest.mark.parametrize("question, first", [("who approves SENCO training providers?", "secretary of state"),
                                             ("how many credits is the award worth", "60 credits")])
def test_within_a_topic_the_line_that_answers_comes_first(kb, question, first):
    from knowledge.search import ContentIndex

    answers = ContentIndex(kb).search(question, groups=1, within="senco-award")
    assert answers and first in answers[0].passages[0].text.casefold(), [p.text for p in answers[0].passages]


@pytest.mark.parametrize("short, phrase", [("ELSA", "Emotional Literacy Support Assistants"), ("EYPP", "Early Years Pupil Premium"),
                                           ("LSCP", "Lincolnshire Safeguarding Children Partnership")])
def test_a_short_form_never_spelt_out_is_matched_to_a_named_phrase_of_the_documents(kb, short, phrase):
    from knowledge.initials import spelled_by_initials

    texts = [p.citation.quote for p in kb.passages]
    found = spelled_by_initials(short, texts)
    assert found and found[0] == phrase and phrase in texts[found[1]]


@pytest.mark.parametrize("short", ["ABC", "HE", "NDTi", "communication"])
def test_no_phrase_is_made_up_from_lower_case_words_or_long_words(kb, short):
    from knowledge.initials import spelled_by_initials

    assert spelled_by_initials(short, [p.citation.quote for p in kb.passages]) is None


def test_the_longest_abbreviation_named_is_the_one_asked_about(kb):
    from knowledge import lookup

    assert lookup.term_in(kb, "v-send?") == "V-SEND" and lookup.term_in(kb, "what does SEND mean") == "SEND"


def test_a_list_of_the_documents_is_shown_whole_when_its_lead_in_answers(kb):
    """Every list in the documents (a lead-in and its bullets), asked for in its lead-in's words, comes back whole."""
    from knowledge.sections import LIST_LINES

    index = ContentIndex(kb, sources=True)
    lists: dict = {}
    for p in index.passages:
        if p.heading:
            lists.setdefault((p.citation.section, p.heading), []).append(p.text)
    asked = [(key, items) for key, items in lists.items() if 2 <= len(items) <= LIST_LINES and len(key[1].split()) >= 4]
    assert len(asked) >= 10
    for (section, lead_in), items in asked:
        answers = index.search(lead_in, groups=1)
        assert answers and answers[0].heading == lead_in and [p.text for p in answers[0].passages] == items, (section, lead_in)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_every_short_form_the_documents_use_is_shown_where_they_use_it_in_their_own_words(kb):
    from knowledge.passages import ELLIPSIS, used_in

    shown_for = {}
    for term in {g.term for g in kb.glossary}:
        found = used_in(term, kb.passages)
        if found is None:
            assert not any(re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", p.text) for p in kb.passages)
            continue
        passage, shown = found
        shown_for[term] = shown
        assert term in shown and len(shown) < 600, (term, shown)
        assert all(" ".join(part.split()) in _plain(passage.text) for part in shown.split(ELLIPSIS) if part.strip()), (term, shown)
    assert len(shown_for) >= len(kb.glossary) // 2
    assert shown_for["DCO"].startswith("Level 5 ") and "social care" in shown_for["RAS"].casefold()


def test_a_short_form_is_shown_first_where_a_document_spells_it_out_before_it_in_brackets(kb):
    """"What's a SENCO, according to the draft specification?": the sentence that introduces "(SENCO)" says what one is."""
    from knowledge.passages import used_in

    for term in {g.term for g in kb.glossary}:
        introducing = [p for p in kb.passages if f"({term})" in p.text and "\t" not in p.text and len(p.text.split()) >= 12]
        if introducing:
            assert used_in(term, kb.passages)[0] == introducing[0], term


def test_a_bullet_under_a_bullet_that_leads_into_a_list_keeps_that_lead_in(kb):
    elsa = next(p for p in kb.passages if p.text == "Emotional Literacy Support Assistants programme")
    assert elsa.lead_in and elsa.lead_in.startswith("2.7 In development of Tier 1 learning") and elsa.lead_in.endswith(":")
    after = next(p for p in kb.passages if p.text.startswith("2.8 Deployment agreements"))
    assert after.lead_in is None  # the next bullet beside the lead-in ends its list


def test_a_numbered_paragraph_printed_as_a_bullet_is_no_item_of_the_list_before_it(kb):
    """The Lincolnshire report prints "1.11. The platform will ..." as bullets after the aims' list: paragraphs of their own."""
    from knowledge.sources import seeds_dir

    numbered = re.compile(r"^\s*-\s+(\d+\.\d+\.\s+[A-Z].*)$", re.MULTILINE)
    lines = [m.group(1).strip() for f in seeds_dir().glob("*.txt") for m in numbered.finditer(f.read_text(encoding="utf-8"))]
    assert len(lines) >= 10
    for line in lines:
        passage = next(p for p in kb.passages if p.text == line)
        assert passage.lead_in is None, line


def test_every_bullet_of_a_flat_list_keeps_its_lead_in_even_after_an_item_that_ends_with_a_colon(kb):
    """"... must publish information about their SEN provision, including:" and its three bullets, the first of which
    ends "para 6.79:" with nothing under it: all three are items of the list."""
    from knowledge.sources import seeds_dir

    checked = 0
    for f in seeds_dir().glob("*.txt"):
        lines = f.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if not line.strip().endswith(":") or line.lstrip().startswith(("-", "\u2022")) or len(line.strip()) < 25:
                continue
            items = []
            for after in lines[n + 1:]:
                if not after.strip() and not items:
                    continue
                if not after.startswith("- ") or re.match(r"- \d+\.\d+\. [A-Z]", after):
                    break
                items.append(after[2:].strip())
            if len(items) >= 2 and any(i.endswith(":") for i in items[:-1]):
                for item in items:
                    passage = next(p for p in kb.passages if p.text == item)
                    assert passage.lead_in == line.strip(), item
                checked += 1
    assert checked >= 1


@pytest.mark.parametrize("question, answer, fits", [
    ("how long does the senco course take", "• 12 Courses should have the maximum possible impact", False),
    ("how long does the senco course take", "• around one year part time to complete the course", True),
    ("how many hours for level 2", "• 2.3 in exceptional circumstances", False),
    ("how many hours for level 2", "at least 90 minutes", True),
    ("how many hours for level 2", "\u2022 90 minutes over a three-year period", True),  # a number first is not a paragraph's
    ("how long does the senco course take", "3 years from appointment", True),
    ("when do new starters have to do level 1 by", "within six weeks of taking up post", True),
    ("when was the report presented", "• 1.26. Appendix B shows the areas", False),
    ("lincs learning platform commissioned date", "commissioned via an agreement", False),  # a search box's "date" or "year"
    ("lincs learning platform commissioned date", "commissioned on 10 February 2022", True),
    ("lamb inquiry year", "The Lamb Inquiry (2009) concluded", True), ("which year was the lamb inquiry", "The Lamb Inquiry concluded", False),
    ("how much is the threshold per pupil per year", "normally £6000", True),  # "per year" asks for no date
])
def test_an_answer_of_the_kind_asked_for_is_one_that_holds_it_beyond_its_paragraph_number(question, answer, fits):
    from knowledge.ranking import fits as holds_the_kind

    assert holds_the_kind(question, answer) is fits


def test_a_list_the_documents_lead_into_is_shown_whole_short_items_included_and_nothing_else_counted(guide):
    sources = ContentIndex(guide.kb, guide.catalogue, sources=True)
    lead_in = next(p.text for p in guide.kb.passages if p.text.startswith("2.9 Video resources"))
    items = [p.text for p in guide.kb.passages if p.lead_in == lead_in]
    assert "Fragile X Syndrome" in items and "Cerebral Palsy" in items  # shorter than a passage, kept as items of a list
    answer = sources.search("what taster videos were made")[0]
    assert answer.heading == lead_in and [p.text for p in answer.passages] == items and answer.more == 0


def test_a_quoted_word_is_what_a_meaning_question_asks_about_not_the_short_forms_beside_it(index):
    assert "coordinator" in index.expand("what does SENCO mean in the spec")
    assert "coordinator" not in index.expand("what does 'achievement' mean in the senco spec")


def test_a_short_form_in_capitals_the_documents_never_use_is_searched_as_the_phrase_its_initials_spell(index):
    assert "Early Years Pupil Premium" in index.expand("can EYPP be used for children with SEND?")
    assert "Early Years Pupil Premium" not in index.expand("can eypp be used for children with SEND?")  # capitals only


def test_a_section_of_a_few_short_lines_is_shown_whole_in_the_documents_order(guide):
    sources = ContentIndex(guide.kb, guide.catalogue, sources=True)
    block = [p.text for p in guide.kb.passages if p.citation.section == "For more information, please contact"]
    assert 2 < len(block) <= 12
    answer = sources.search("who do i contact about the east sussex send competency framework")[0]
    assert [p.text for p in answer.passages] == block and answer.more == 0


def _contents_lines(document_file: str) -> list:
    """The lines under a document's "Contents" heading, read from the document itself (up to the first blank run)."""
    from knowledge.sources import seeds_dir

    lines = (seeds_dir() / document_file).read_text(encoding="utf-8").splitlines()
    start = lines.index("Contents") + 1
    found = []
    for line in lines[start:]:
        if found and not line.strip() and found[-1] == "":
            break
        found.append(line.strip())
    return [re.sub(r"^\d+[.)]\s+", "", x) for x in found if x]  # "1. Family centred ..." as a list item


def test_a_question_for_the_parts_of_a_named_document_gets_its_contents_list(kb):
    from knowledge.passages import contents

    with_contents = [d for d in kb.documents if any(s.path == "Contents" for s in d.sections)]
    assert with_contents
    others = {w for d in kb.documents for w in re.findall(r"[A-Za-z]{4,}", d.title.casefold())}
    for document in with_contents:
        own = [w for w in re.findall(r"[A-Za-z]{4,}", document.title) if not any(
            w.casefold() in re.findall(r"[a-z]{4,}", d.title.casefold()) for d in kb.documents if d is not document)]
        assert len(own) >= 2 and others
        for asked in (f"what are the sections of the {' '.join(own[:2])}", f"how many parts does the {own[0]} {own[1]} have",
                      f"6 sections in {own[0].casefold()} {own[1].casefold()} document?",
                      f"summarise the sections in the {own[0]} {own[1]} document for a staff meeting",  # (what it is for)
                      f"could you list the areas the {own[0]} {own[1]} document is organised into?"):
            found, listed = contents(kb.documents, kb.passages, asked)
            assert found is document
            shown = [p.text for p in listed]
            assert shown and all(any(x.startswith(line) or line.startswith(x) for line in _contents_lines(document.file_name))
                                 for x in shown), shown
            assert not any(x.casefold().startswith(" ".join(document.title.casefold().split()[:3])) for x in shown)  # no title
    for asked in ("what areas does a senco need to cover", "what are the areas of learning for tier 1",
                  "what is the east sussex framework for", "what sections does it have",
                  "how many hours is the senco specification part-time course", "what are the four areas of need in the senco specification",
                  "what are the parts of the ehc plan process in the east sussex framework"):
        assert contents(kb.documents, kb.passages, asked) is None, asked


@pytest.mark.assistant
def test_a_document_named_before_a_question_about_its_parts_gets_its_contents_list(assistant, kb):
    from tests.conversation import reply_text

    document = next(d for d in kb.documents if any(s.path == "Contents" for s in d.sections))
    asked = f"I'm mapping our courses against the {document.title}. What are the sections in it? I need them as column headings."
    assert reply_text(assistant.say("contents-it", asked)).startswith(f"The {document.title} lists")
    assert "in its contents" not in reply_text(assistant.say("contents-none", "I'm mapping our courses. What are the sections in it?"))


def test_a_document_s_front_page_is_searched_and_a_short_line_with_a_date_kept(kb):
    front = [p for p in kb.passages if p.citation.section.startswith("Open Report on behalf of")]
    assert any("Scrutiny Committee" in p.text for p in front) and any("17 June 2022" in p.text for p in front)


def test_a_list_the_documents_print_without_a_heading_keeps_its_first_item(kb):
    """The content finds such a list by its first item and cites it by another name ("Key questions"): every item
    of each such list the document prints is a passage of one section, the first included."""
    from knowledge.sources import seeds_dir

    for document in kb.documents:
        lines = (seeds_dir() / document.file_name).read_text(encoding="utf-8").splitlines()
        for section in (s for s in document.sections if s.path.endswith("Key questions")):
            held = [p.text for p in kb.passages if p.citation.document == document.file_name and p.citation.section == section.path]
            start = next(n for n, line in enumerate(lines) if line.startswith("- ") and line[2:].strip() == held[0])
            while start and lines[start - 1].startswith("- "):  # back to the list's first item, as the document prints it
                start -= 1
            block = []
            for line in lines[start:]:
                if not line.startswith("- "):
                    break
                block.append(line[2:].strip())
            assert held[:len(block)] == block and len(block) >= 2, (section.path, held[:2])
    assert any(p.text.startswith("How does the SEND governor in your school hold leaders to account") for p in kb.passages)


@pytest.mark.parametrize("question", ["address for the east sussex workforce team", "phone number for the east sussex team",
                                      "email for the east sussex workforce team"])
def test_a_question_for_an_address_phone_or_email_is_covered_by_an_answer_that_holds_one(guide, question):
    from knowledge.ranking import COVERS

    idx = ContentIndex(guide.kb, guide.catalogue, sources=True)
    contact = "\n".join(p.text for p in guide.kb.passages if p.citation.document.startswith("001") and "please contact" in p.citation.section)
    about = "\n".join(p.text for p in guide.kb.passages if p.citation.document.startswith("001") and p.citation.section.startswith("About"))
    assert "County Hall" in contact and idx.covers(question, contact) >= COVERS and idx.covers(question, contact) > idx.covers(question, about)


def test_a_question_that_names_a_document_is_answered_from_it(guide):
    """For every document a question can name by two words of its own title, one of them a place's name (a word the
    documents only ever write capitalised), and words its passages share with another document's, the documents'
    own passages that answer come from the one named."""
    from knowledge.passages import named_document

    idx = ContentIndex(guide.kb, guide.catalogue, sources=True)
    titles = {d.file_name: set(re.findall(r"[a-z]{4,}", d.title.casefold())) for d in guide.kb.documents}
    text = " ".join(re.sub(r"\S+[@.]\S+", " ", p.text) for p in guide.kb.passages)
    asked = 0
    for document in guide.kb.documents:
        own = sorted(titles[document.file_name] - set().union(*(v for k, v in titles.items() if k != document.file_name)),
                     key=lambda w: bool(re.search(rf"\b{w}\b", text)))  # a place's name first: never written in lower case
        if len(own) < 2 or re.search(rf"\b{own[0]}\b", text) or not re.search(rf"\b{own[0].capitalize()}\b", text):
            continue
        words = {d.file_name: {w for p in guide.kb.passages if p.citation.document == d.file_name
                               for w in re.findall(r"[a-z]{7,}", p.text.casefold())} for d in guide.kb.documents}
        shared = sorted(w for w in words[document.file_name] if any(w in v for k, v in words.items() if k != document.file_name)
                        and w not in titles[document.file_name])
        for word in shared[::max(1, len(shared) // 6)][:6]:
            question = f"what does the {own[0]} {own[1]} document say about {word}"
            assert named_document(guide.kb.documents, question)[0] is document
            for answer in idx.search(question):
                asked += 1
                assert all(p.citation.document == document.file_name for p in answer.passages), (question, answer.title)
    assert asked >= 5


def test_the_kind_of_thing_asked_for_counts_only_when_it_is_asked_for_and_held():
    from knowledge.ranking import kind_named

    assert kind_named("what is the address of the east sussex team", "St Anne's Crescent, County Hall, Lewes BN7 1UE") == "address"
    assert kind_named("what is the e-mail for the team", "Email: team@example.org") == "e-mail"
    assert kind_named("is my senco training up to date", "The SENCO must be a qualified teacher.") == ""  # no date asked for
    assert kind_named("what is the address of the east sussex team", "The SENCO must be a qualified teacher.") == ""


def test_an_organisation_s_own_passages_are_found_when_a_question_names_one_of_the_five(kb, guide):
    """The organisation's index holds none of the five documents' passages: naming one must not empty it."""
    import dataclasses

    from knowledge.schema import Citation, SourcePassage

    line = "Teaching assistants in East Sussex attend the Riverside SEND workshop each spring."
    local = dataclasses.replace(kb, passages=(SourcePassage(Citation("local/1", "Workshops", line, "Your organisation's document")),))
    idx = ContentIndex(local, guide.catalogue, sources=True)
    [answer] = idx.search("what workshop does the east sussex framework say teaching assistants attend", groups=1)
    assert answer.passages[0].text == line


@pytest.mark.parametrize("text, same", [("the learning outcomes", "learning outcomes"), ("make sure the SENCO is designated", "ensure SENCO designated"),
                                        ("can I do e-learning", "elearning"), ("there’s a need", "there's a need"),
                                        ("we don't, can't", "do can")])
def test_phrases_contractions_and_apostrophes_are_read_as_whole_words(text, same):
    from knowledge.words import tokens

    assert tokens(text) == tokens(same)


def test_an_item_of_a_list_asked_about_in_its_own_words_is_shown_first_its_list_after_it(guide):
    from knowledge.sections import ITEM_LEADS

    sources = ContentIndex(guide.kb, guide.catalogue, sources=True)
    lists: dict = {}
    for p in sources.passages:
        if p.heading:
            lists.setdefault((p.group, p.heading), []).append(p.text)
    checked = 0
    for (group, lead_in), items in lists.items():
        if len(items) < 4 or len(items[-1].split()) < 6:
            continue
        answers, question = sources.search(items[-1]), items[-1]
        if not answers or answers[0].heading != lead_in:
            continue
        scores = sources._in_named(sources.expand(question), question)
        own = {p.text: scores[n] for n, p in enumerate(sources.passages) if p.group == group and p.heading == lead_in}
        shown = [p.text for p in answers[0].passages]
        assert question in shown or len(own) > 12, question
        if own[question] > ITEM_LEADS * max(s for text, s in own.items() if text != question):
            assert shown[0] == question
            checked += 1
    assert checked >= 3


def test_a_line_that_refers_to_the_line_before_is_shown_after_it(guide):
    """"This is not a ring-fenced amount": shown with the line that says what "this" is, before it."""
    sources = ContentIndex(guide.kb, guide.catalogue, sources=True)
    checked = 0
    for n, p in enumerate(sources.passages):
        before = sources.passages[n - 1] if n else None
        if not re.match(r"(?:This|These|In these cases)\b", p.text) or p.heading or before is None or before.group != p.group:
            continue
        for answer in sources.search(p.text):
            shown = [x.text for x in answer.passages]
            if p.text in shown and answer.heading is None:
                assert before.text in shown and shown.index(before.text) < shown.index(p.text), p.text
                checked += 1
    assert checked >= 3


_ROLE_TOPICS = {"governors": "governing-boards", "the head": "headteacher", "the SENCO": "senco", "teachers": "teachers",
                "TAs": "adults-in-the-classroom"}


def _only_in(kb, topic_id, others):
    """Items of a topic with two words of six letters or more that no other item of these topics, nor their titles, uses:
    what only that role is given, in the documents' words."""
    topics = [kb.topic(t) for t in (topic_id, *others)]
    items = [i for t in topics for i in t.items]
    titles = " ".join(t.title.casefold() for t in topics)
    for item in kb.topic(topic_id).items:
        rest = " ".join(i.text.casefold() for i in items if i is not item)
        words = [w for w in dict.fromkeys(re.findall(r"[a-z]{6,}", item.text.casefold())) if w not in rest and w not in titles]
        if len(words) >= 2 and item.kind != "key-question":
            yield item, " ".join(words[:2])


@pytest.mark.parametrize("ours, theirs", [("governors", "the head"), ("the head", "governors"), ("the SENCO", "teachers"),
                                          ("TAs", "the SENCO")])
def test_a_question_naming_two_roles_finds_whose_duty_it_asks_about(guide, index, ours, theirs):
    """ "Who is responsible for X, governors or the head?": the list that holds X, whichever role is named first."""
    topic, other = _ROLE_TOPICS[ours], _ROLE_TOPICS[theirs]
    cases = list(_only_in(guide.kb, topic, [other]))[:4]
    assert cases
    for item, phrase in cases:
        for question in (f"who is responsible for {phrase}, {ours} or {theirs}?", f"is {phrase} for {theirs} or {ours}?"):
            [first, *_] = index.search(question, groups=2, within=(other, topic))
            assert first.passages[0].citation.quote == item.citation.quote or item.text in [p.text for p in first.passages], \
                (question, first.passages[0].text)


@pytest.mark.parametrize("question, words, not_asked", [
    ("new senco - how long have i got to get the award", {"senco", "award"}, {"long", "got"}),
    ("how often is the level 2 refresher", {"refresher"}, {"often"}),
    ("how long are the arms of the law", {"arm", "law"}, {"long"}),
])
def test_the_words_asking_for_a_length_of_time_are_not_what_a_question_is_about(index, question, words, not_asked):
    asked = index.asked_words(question)
    assert words <= asked and not asked & not_asked


def test_answers_are_weighed_by_the_documents_words_so_one_the_curated_lists_never_use_still_counts(kb, index):
    sources = ContentIndex(kb, sources=True)
    only_theirs = sorted(w for w in sources.coverage.idf if w not in index.coverage.idf and w.isalpha() and len(w) >= 6)
    assert only_theirs
    word, shared = only_theirs[0], "training"
    question, holding, not_holding = f"{word} {shared}", f"{word} here", f"{shared} here"
    assert index.hits(question, not_holding) >= index.hits(question, holding)  # the curated lists' weights cannot tell them apart
    assert sources.hits(question, holding) > sources.hits(question, not_holding)


def test_within_a_topic_a_list_is_found_by_the_question_s_words_in_order_and_an_alias_not_said_removes_none(kb, index):
    topic = next(t for t in kb.topics if any((i.heading or "").startswith("Adults support learning") for i in t.items))
    items = [i.text for i in topic.items if (i.heading or "").startswith("Adults support learning")]
    found = index.search("how do TAs support learning in class", groups=1, within=topic.id, whole=len(items))
    assert found and found[0].heading.startswith("Adults support learning")  # "learning support assistant" is a TA's alias
    assert [p.text for p in found[0].passages] == items


def test_a_short_form_in_capitals_the_documents_never_use_or_spell_out_is_unknown(kb):
    sources = ContentIndex(kb, sources=True)
    used = sorted({m for p in kb.passages for m in re.findall(r"\b[A-Z]{3,5}\b", p.citation.quote)})
    assert used and not any(set(sources.unknown_words(f"is {short} needed")) & {short} for short in used)
    never = [s for s in ("NPQ", "PECS", "DLA", "QZX") if s.casefold() not in sources.words]
    assert never and all(s in sources.unknown_words(f"is the {s} needed for this") for s in never)
    assert "EYPP" not in sources.unknown_words("can EYPP be used for SEND")  # its initials spell the documents' phrase


def test_within_a_topic_a_word_the_stemmer_would_shorten_twice_still_finds_its_lines(kb, index):
    """"how long does the senco course take": "course" is stemmed once, by the scoring ("cours", not "cour"), so a
    topic's lines that use a word whose stem would be stemmed again are found by it."""
    from knowledge.words import WORD, stem

    checked = 0
    for topic in kb.topics:
        words = {w.casefold() for i in topic.items for w in WORD.findall(i.text)}
        twice = sorted(w for w in words if len(w) >= 5 and stem(stem(w)) != stem(w)
                       and index._particular(f"anything on the {w}?", (topic.id,)))  # (a word of its own title says nothing)
        for word in twice[:3]:
            found = index.search(f"anything on the {word}?", groups=1, within=topic.id)
            assert found and any(word in p.text.casefold() for p in found[0].passages), (topic.id, word)
            checked += 1
    assert checked >= 10


def test_how_long_wants_a_length_and_part_time_alone_is_none():
    from knowledge.ranking import fits

    assert fits("how long does the course take", "around one year part time")
    assert not fits("how long does the course take", "full time and part time modes")
    assert fits("how long have they got to get the award?", "must achieve the award within three years of appointment")
    assert not fits("how long have they got to get the award?", "it would take around one year part time")  # a deadline asked
    assert fits("how long have they got to get level 2 training done?", "Over a three year period, a minimum of 90 minutes")
    assert not fits("how long have they got to get level 2 training done?", "the Equality Act 2010")  # a year is no deadline


def test_a_list_asked_for_by_the_words_that_end_its_lead_in_is_shown_first(kb):
    """"What are the Every Child Matters outcomes?": the items after "... towards the Every Child Matters outcomes of:",
    for every list of the documents whose lead-in ends by naming what it lists, before passages that only mention it."""
    from knowledge.ranking import LEAD_IN_TAIL
    from knowledge.words import GENERIC, tokens

    index = ContentIndex(kb, sources=True)
    lists: dict = {}
    for p in index.passages:
        if p.heading and len(p.heading.split()) > LEAD_IN_TAIL:  # a long lead-in, whose own words do not find its list
            lists.setdefault((p.citation.title, p.heading), []).append(p.text)
    asked = 0
    for (title, lead_in), items in lists.items():
        tail = re.sub(r"\b(?:of|are|is|include|includes|including|as follows|the following)\W*$", "", lead_in.rstrip(": ")).split()[-4:]
        if len(items) < 2 or len(set(tokens(" ".join(tail))) - GENERIC) < 3:
            continue
        asked += 1
        answers = index.search(f"what are the {' '.join(tail)} listed in the {title}?", groups=1)
        assert answers and answers[0].passages[0].text in items, (title, tail)
    assert asked >= 3


def test_a_list_named_in_several_places_is_answered_by_the_one_that_lists_it(kb):
    """The SENCO specification mentions the Every Child Matters outcomes in several places and lists them once, after
    "... towards the Every Child Matters outcomes of:"; asked for them, the list comes first."""
    from knowledge.sources import seeds_dir

    text = next(seeds_dir().glob("004_*.txt")).read_text(encoding="utf-8")
    listed = re.search(r"Every Child Matters outcomes of:\n((?:[ \t]+- .+\n)+)", text)
    items = [line.strip(" -\n") for line in listed.group(1).splitlines()]
    assert len(items) == 5 and len(re.findall(r"Every Child Matters", text)) > 2
    answers = ContentIndex(kb, sources=True).search("what are the Every Child Matters outcomes listed in the SENCO spec?")
    assert [p.text.rstrip(".") for p in answers[0].passages[:5]] == [i.rstrip(".") for i in items]


def test_the_courtesies_around_a_question_are_no_topic_it_asks_about(kb):
    """"Good morning. Which pieces of legislation ...? thanks": none of those words is one the documents fail to mention."""
    sources = ContentIndex(kb, sources=True)
    said = "Good morning. Which pieces of legislation does section 1 say staff should understand? thanks, cheers"
    assert not {"morning", "pieces", "thanks", "cheers"} & {w.casefold() for w in sources.unknown_words(said)}
    assert sources.unknown_words("Good morning. Does the framework apply in Scotland?") == ["scotland"]
