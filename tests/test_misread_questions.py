"""Questions the classifier may take for one of the assistant's features (a staff-list check, a comparison of levels,
the level questions) are answered from the documents, over REST. Expected lines come from the knowledge base."""
from __future__ import annotations

import re

import pytest

from tests.conversation import reply_text

pytestmark = pytest.mark.assistant


def _own_lines(kb, topic_id: str) -> list:
    return [" ".join(i.text.split())[:60] for i in kb.topic(topic_id).items]


@pytest.mark.parametrize("asking", ["difference between the {a} and the {b}", "compare the {a} and the {b}"])
def test_two_roles_compared_show_a_list_of_each_and_start_no_level_questions(assistant, kb, asking):
    with_topics = {r.topic: r.name for r in kb.roles if r.topic in ("senco", "headteacher", "governing-boards", "teaching-assistants")}
    names = list(with_topics.items())[:2]
    assert len(names) == 2
    text = " ".join(reply_text(assistant.say(f"compare-{asking[:8]}", asking.format(a=names[0][1], b=names[1][1]))).split())
    assert "taken your role" not in text
    for topic_id, _ in names:
        assert any(line in text for line in _own_lines(kb, topic_id)), topic_id


def test_a_list_the_documents_give_asked_with_numbers_is_not_a_comparison_of_levels(assistant, kb):
    waves = [p.text for p in kb.passages if re.match(r"Wave \d", p.text)]
    assert len(waves) >= 3
    text = reply_text(assistant.say("waves", "what are wave 1 2 and 3"))
    assert all(w in text for w in waves) and "Which two levels" not in text


def test_a_one_line_question_about_a_check_asks_the_documents_not_for_a_staff_list(assistant, kb):
    crb = [p.text for p in kb.passages if "Criminal Records Bureau" in p.text]
    assert crb
    text = " ".join(reply_text(assistant.say("crb", "does a senco trainee need a CRB check?")).split())
    assert "Paste the job titles" not in text and any(" ".join(c.split())[:80] in text for c in crb)


def test_a_question_that_asks_for_a_list_of_what_the_documents_only_name_is_told_so_not_asked_for_a_staff_list(assistant, kb):
    """"Can you list them" asks for the documents' list, not to paste job titles; the documents name the thing only."""
    named = next(e for e in kb.named_only if "standards" in e.name.casefold())
    text = reply_text(assistant.say("standards-list", f"which of the {named.words[0]} cover SEND? can you list them"))
    assert "Paste the job titles" not in text and named.citation.quote in text and "not included" in text


def test_a_document_s_parts_asked_in_short_forms_and_with_a_typo_get_its_contents(assistant, kb):
    east_sussex = next(d for d in kb.documents if "East Sussex" in d.title)
    parts = [p.text for p in kb.passages if p.citation.document == east_sussex.file_name and p.citation.section == "Contents"]
    for n, asked in enumerate(("what r the six competancy areas in the east sussex framework",
                               "wat r the 6 areas in the east sussex send reforms competency framework")):  # as typed on a phone
        text = reply_text(assistant.say(f"contents-typo-{n}", asked))
        assert parts and sum(part in text for part in parts) >= 6, asked


def test_a_role_named_with_role_after_it_gets_that_role_s_duties_not_the_level_questions(assistant, kb):
    early_years = [i.text for i in kb.topic("senco").items if i.kind == "early-years"]
    text = " ".join(reply_text(assistant.say("ey-senco-role", "early years senco role")).split())
    assert early_years and all(" ".join(line.split()) in text for line in early_years) and "taken your role" not in text


def test_a_few_words_about_skills_without_asking_to_be_assessed_start_no_self_assessment(assistant, kb):
    outcomes = [p.text for p in kb.passages if "provision mapping" in p.text]
    text = " ".join(reply_text(assistant.say("senco-skills", "senco skills outcomes")).split())
    assert outcomes and "self-assessment" not in text.casefold() and " ".join(outcomes[0].split())[:60] in text


def test_a_question_about_more_than_a_job_s_training_is_answered_from_the_documents_not_the_least_for_everyone(assistant, kb):
    supervision = [p.text for p in kb.passages if p.citation.section.split(" > ")[-1].startswith("6. Supervision")]
    text = " ".join(reply_text(assistant.say("line-managers", "what skills do line managers need for supervision")).split())
    assert supervision and "do not name this job" not in text and any(" ".join(line.split()) in text for line in supervision)
    text = " ".join(reply_text(assistant.say("porters", "what training do porters need")).split())
    assert "do not name this job" in text


@pytest.mark.parametrize("asked", ["can you check my team?", "can i send you a csv of roles"])
def test_asking_to_check_people_s_jobs_is_told_how_to_paste_them(assistant, asked):
    assert reply_text(assistant.say(f"paste-{len(asked)}", asked)).startswith("Paste the job titles")


@pytest.mark.parametrize("question, place", [("do pre-schools get funding for SEND?", "early-years"),
                                             ("how do nurseries fund support for children with SEND", "early-years"),
                                             ("how is SEND funded in schools?", "school")])
def test_a_topic_set_place_by_place_answers_the_one_place_a_question_names(assistant, kb, question, place):
    """Funding is set for early years settings and for schools: the place named is answered, and not the other."""
    items = kb.topic("funding").items
    own = [" ".join(i.text.split())[:50] for i in items if i.kind == place]
    other = [" ".join(i.text.split())[:50] for i in items if i.kind != place]
    assert own and other
    text = " ".join(reply_text(assistant.say(f"funding-{place}-{len(question)}", question)).split())
    assert own[0] in text and not any(o in text for o in other), text[:300]


def test_what_a_level_covers_asked_with_an_ordering_word_is_what_it_holds(assistant, kb):
    """"Does the introductory level cover lego therapy?" (read by the classifier as a question of what comes before):
    what the documents set for that level, and the level whose lists do name it."""
    tiers = kb.levels_of("schools")
    first, named = tiers[0], next(lv for lv in tiers[1:] if lv.learning_areas)
    area = named.learning_areas[0].text
    assert not any(area.casefold() in x.text.casefold() for x in first.learning_areas)
    text = " ".join(reply_text(assistant.say("covers-area", f"does the {first.name.lower()} level cover {area.lower()}?")).split())
    assert f"{named.name}: {area}" in text and not text.startswith(f"{first.name} builds on"), text[:300]


@pytest.mark.parametrize("question", ["Our HLTA is brilliant with SEND. Can we appoint her as SENCO?", "can a TA be the SENCo?",
                                      "does the senco have to be a qualified teacher? we were thinking of giving it to our HLTA"])
def test_whether_someone_can_be_a_role_is_answered_with_what_the_role_must_be(assistant, kb, question):
    """The documents' line that says what a SENCO must be, whichever role the question names beside it."""
    rule = next(i.text for t in kb.topics for i in t.items if "senco must be a qualified teacher" in i.text.casefold())
    text = " ".join(reply_text(assistant.say(f"becoming-{len(question)}", question)).split())
    assert rule in text, text[:300]


def test_being_assessed_for_a_role_s_award_is_not_asking_who_may_be_the_role(assistant, kb):
    """"Can an experienced teacher skip the training and just be assessed for the senco qualification?": the award's
    assessment-only route, not what a SENCO must be."""
    route = next(p.text for p in kb.passages if "assessed without any training" in p.text)
    text = " ".join(reply_text(assistant.say("assessed-only", "can an experienced teacher skip the training and just be assessed "
                                                               "for the senco qualification?")).split())
    assert "assessed without any training" in text and "must be:" not in text, (route[:80], text[:300])


@pytest.mark.parametrize("question", ["what does the DCO do?", "what does the DHO do at level 5?", "who is in the level 2 cohort?"])
def test_no_reply_shows_a_line_of_the_documents_twice(assistant, question):
    """A table row shown by one answer is not added again as the documents' own passage (it reads the same without its
    markup: "what does the DCO do?" showed the Level 5 row twice)."""
    lines = [line for line in reply_text(assistant.say(f"twice-{question[:10]}", question)).splitlines() if line.startswith("•")]
    assert lines and len(lines) == len(set(lines)), [line[:80] for line in lines if lines.count(line) > 1]


def test_a_level_the_asker_calls_their_own_is_answered_whatever_their_job(assistant, kb):
    """"I'm a senior manager in a community health provider. What topics should my level 4 SEND training cover?": that
    level's competencies, not the job's own level questions; for each health level with competencies."""
    for level in (lv for lv in kb.levels_of("health") if lv.competencies):
        text = " ".join(reply_text(assistant.say(f"own-{level.id}", "I'm a senior manager in a community health provider. What "
                                                 f"topics should my {level.name.lower()} SEND training cover?")).split())
        assert all(c.text in text for c in level.competencies), level.name
        assert "taken your role" not in text


def test_a_question_whether_another_role_could_be_the_senco_gets_what_a_senco_must_be(assistant, kb, guide):
    from knowledge import lookup

    senco = guide.catalogue.resolve("SENCO").role
    must = [" ".join(m["text"].split())[:60] for m in lookup.must_be(kb, senco)]
    assert must
    text = " ".join(reply_text(assistant.say("could-hlta", "does the senco have to be a qualified teacher or could our really "
                                                           "experienced HLTA take it on?")).split())
    assert all(m in text for m in must)


def test_hoping_to_become_the_senco_before_a_question_about_the_award_gets_the_award_not_what_a_senco_must_be(assistant, kb):
    from actions.roles_asked import MUST_BE

    line = next(i.text for t in kb.topics if t.id == "senco-award" for i in t.items if "masters level" in i.text)
    text = reply_text(assistant.say("hoping-senco", "class teacher hoping to become SENCO. is the accredited SENCO qualification at masters level?"))
    assert MUST_BE.split("{")[0] not in text and " ".join(line.split()) in " ".join(text.split())


def test_a_question_the_classifier_could_only_half_call_more_is_asked_of_the_documents(assistant, kb):
    line = next(p.text for p in kb.passages if "will not require an Education Health and Care Plan" in p.text)
    text = " ".join(reply_text(assistant.say("most-ehcp", "Will most pupils with SEND end up needing an EHCP?")).split())
    assert "Which level or tier" not in text and "will not require an Education Health and Care Plan" in text, line[:80]


def test_a_role_the_asker_was_made_is_their_job(assistant, kb, guide):
    champion = guide.catalogue.resolve("SEND champion").role
    level = next(lv for lv in kb.levels if lv.id == champion.level)
    text = reply_text(assistant.say("made-champion", "Our community trust has made me its SEND Champion on top of my day job. "
                                                     "What level does the framework expect of me now?"))
    assert "taken your role" in text and level.name in text and "do not cover" not in text


def test_a_list_asked_of_a_document_by_its_name_is_shown_and_a_criterion_asked_gets_its_own_passages(assistant, kb):
    """"Which Every Child Matters outcomes does the SENCO training spec refer to?": the list the specification gives (the
    documents a reply cites count as its words, their section names and numbers do not: "criterion 1" gets Criterion 1)."""
    outcomes = [" ".join(i.text.split()) for i in kb.topic("senco-award").items if i.kind == "every-child-matters"]
    text = " ".join(reply_text(assistant.say("ecm-list", "Which Every Child Matters outcomes does the SENCO training spec refer to?")).split())
    assert outcomes and all(o in text for o in outcomes)
    first = next(p for p in kb.passages if p.citation.section.endswith("Criterion 1"))
    text = " ".join(reply_text(assistant.say("criterion-1", "what is criterion 1 in the draft specification?")).split())
    assert " ".join(first.text.split())[:60] in text.split("Sources:")[0][:1500]


def test_a_question_naming_a_level_is_answered_from_the_documents_whatever_the_classifier_made_of_it(assistant, kb):
    """"Health visitor here - is it actually part of my L3 competencies to tell the council ...?": naming a level puts a
    question in scope, so the documents' passages answer at their usual threshold, not the stricter one for chat."""
    level_3 = kb.level("level-3")
    line = next(o.text for o in level_3.learning_outcomes if "alert the local authority" in o.text)
    text = " ".join(reply_text(assistant.say("hv-council", "Health visitor here - is it actually part of my L3 competencies to tell "
                                                           "the council when I pick up possible SEND in a baby or toddler?")).split())
    assert " ".join(line.split()) in text and "outside what I can help with" not in text


def test_a_question_naming_a_role_with_duties_is_in_scope_and_chat_told_with_a_job_is_not(assistant, kb):
    """"how many hrs a week off timetable should a senco get": the SENCO's own list answers (the documents give no figure);
    "who won the football last night? I'm a teacher": its question holds no word of the documents', whoever asks it; "I'm a
    TA. is it online?" does."""
    line = next(i.text for i in kb.topic("senco").items if "time away from teaching" in i.text)
    text = " ".join(reply_text(assistant.say("senco-hours", "how many hrs a week off timetable should a senco get")).split())
    assert " ".join(line.split()) in text and "outside what I can help with" not in text
    assert "outside what I can help with" in reply_text(assistant.say("football-teacher", "who won the football last night? I'm a teacher"))
    line = next(p.text for p in kb.passages if "social model of disability" in p.text.casefold())  # what "it" points back at
    text = " ".join(reply_text(assistant.say("social-model", "social model of disability - what is it?")).split())
    assert " ".join(line.split())[:60] in text and "outside what I can help with" not in text


def test_a_short_form_asked_with_whats_typed_as_wats_is_a_meaning_asked(assistant, kb):
    """"wats a CeTR? its in the level 3 outcomes": the short form the documents use without spelling it out, said so."""
    from knowledge.lookup import UNEXPANDED

    entry = next(g for g in kb.glossary if g.term == "CeTR")
    assert not entry.expansion
    assert f"CeTR: {UNEXPANDED}" in reply_text(assistant.say("wats", "wats a CeTR? its in the level 3 outcomes"))
