"""Questions asked on demand, held out from the training data (tests/answers/): the set itself, retrieval
measured on it, and the share answered right over REST."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from knowledge.sources import seeds_dir
from tests.answers import FRESH, HELD_OUT, PROBE, UNSEEN, ask_all, held_out
from tests.answers.retrieval import Passages, recall
from tests.conversation import reply_text

ROOT = Path(__file__).resolve().parents[1]
# The share of held-out questions answered right over REST was 95.3 % when this floor was set (2026-12-05, eighth session).
# Issue 24 aims at 95 %; the floor only stops a change from answering clearly fewer of them.
HELD_OUT_FLOOR = 0.94
# The fresh set (written 2026-12-04) was 70 % right before the sixth session's work and 77 % after it, with its failures
# unread; the seventh session read them and left it at 90 %.
FRESH_FLOOR = 0.88
# The unseen set (written 2026-12-04 in the seventh session, its failures unread) was 81.7 % right when it was written,
# 86.7 % at the end of that session and 88.3 % in the eighth. The ninth session added 100 more written the same way
# (88 of 100 right when first asked): 194 of 220 (88.2 %). The eleventh added 96 more (74 of 100 right when first asked,
# unread since): 272 of 316 (86.1 %). The twelfth added 195 more in two sets (91 and 84 of 100 right when first asked, 89 and
# 84 after its work, unread): 442 of 511 (86.5 %), so the floor stops a clear loss, not the noise of a question or two.
UNSEEN_FLOOR = 0.84
# The eighth session's probe (written 2026-12-05 by a helper who read only the documents) was 64 of 68 right when first
# asked; its four failures were read and mended. The tenth session added 215 more written the same way (85 % right when
# first asked, about 93 % of all 283 after that session's work). The eleventh added 291 more (136 of 180 and 86 of 120
# right when first asked): 511 of 574 (89.0 %) after its work. The twelfth added 215 more (85 of 100 and 107 of 120 right
# when first asked): 719 of 789 (91.1 %) after its work. The eighteenth added 447 more in five sets (AS to AW, 76 to 93 of
# 100 right when first asked): 1,153 of 1,236 (93.3 %) after its work. The nineteenth added 484 more in five sets (AY to BD,
# 54 to 95 of 100 right when first asked): 1,623 of 1,720 (94.4 %) after its work. The twentieth added 250 more (BG, BH and
# half of BI: 87, 73 and 45 of 50 right when first asked): 1,852 of 1,970 (94.0 %) after its work. The twenty-first added
# 50 more (half of BJ, 48 of 50 right when first asked): 1,908 of 2,020 (94.5 %) after its work. The twenty-second added
# 100 more (BK, 89 of 100 right when first asked): 2,004 of 2,120 (94.5 %) after its work.
PROBE_FLOOR = 0.88
DOCUMENTS = {"000": "000_eebbad39d168c16b.txt", "001": "001_5dd0848d7272326a.txt", "002": "002_67c4f95eecd659cf.txt",
             "003": "003_f8599d6ee7dc124e.txt", "004": "004_a8efcefc979b84e3.txt"}


@pytest.mark.parametrize("path, least", [(HELD_OUT, 150), (FRESH, 100), (UNSEEN, 790), (PROBE, 780)],
                         ids=["heldout", "fresh", "unseen", "probe"])
def test_the_held_out_questions_come_from_the_documents_and_not_the_training_data(path, least):
    cases = held_out(path)
    assert len(cases) >= least and all({"say", "expect", "doc"} <= set(c) for c in cases)
    texts = {k: (seeds_dir() / f).read_text(encoding="utf-8") for k, f in DOCUMENTS.items()}
    for case in (c for c in cases if c["doc"] != "none"):
        for pattern in case["expect"]:
            assert re.search(pattern, texts[case["doc"]], re.IGNORECASE), (case["say"], pattern)  # a right answer quotes it
    trained = {line.strip()[2:].casefold() for f in (ROOT / "data" / "nlu").glob("*.yml") for line in f.read_text().splitlines()
               if line.strip().startswith("- ")}
    assert not [c["say"] for c in cases if c["say"].casefold() in trained]


def test_retrieval_is_measured_for_both_rankers(kb):
    passages, cases = Passages(kb), held_out()
    for rank in (passages.tfidf, passages.bm25()):
        found = recall(passages, rank, cases)
        assert 0 < found[1] <= found[3] <= found[5] <= 1
        approves = recall(passages, rank, [{"say": "who signs off the providers of the SENCO award", "expect": ["secretary of state"]}])
        assert approves[3] == 1


@pytest.mark.assistant
@pytest.mark.parametrize("path, floor", [(FRESH, FRESH_FLOOR), (PROBE, PROBE_FLOOR)], ids=["fresh", "probe"])
def test_held_out_questions_whose_failures_were_read_over_rest(assistant, path, floor):
    results = ask_all(lambda s, m: assistant.say(f"{path.stem}-{s}", m), held_out(path))
    right = sum(r.right for r in results) / len(results)
    assert right >= floor, f"{right:.1%} right; wrong: {[(r.say, r.missing) for r in results if not r.right][:10]}"


@pytest.mark.assistant
def test_unseen_held_out_questions_over_rest(assistant):
    """Only the share is reported: the unseen set's failures are not read while working (tests/answers/unseen.yml)."""
    results = ask_all(lambda s, m: assistant.say(f"unseen-{s}", m), held_out(UNSEEN))
    right = sum(r.right for r in results) / len(results)
    assert right >= UNSEEN_FLOOR, f"{right:.1%} of the unseen held-out questions right"


@pytest.mark.assistant
def test_held_out_questions_over_rest(assistant):
    results = ask_all(assistant.say, held_out())
    right = sum(r.right for r in results) / len(results)
    assert right >= HELD_OUT_FLOOR, f"{right:.1%} right; wrong: {[(r.say, r.missing) for r in results if not r.right][:10]}"


@pytest.mark.assistant
@pytest.mark.parametrize("question", ["how many hours of SEND training do I need?",
                                      "What are the refresher requirements for SEND training? Need to put it in our training matrix"])
def test_hours_asked_before_the_level_is_known_give_every_level_and_the_shared_period_first(assistant, kb, question):
    from knowledge import lookup

    data = lookup.hours_by_level(kb)
    replies = assistant.say(f"hours-anyone-{question}", question)
    text = reply_text(replies)
    assert text.startswith(f"At every level that sets hours, the refresher is counted over a {data['period_years']}-year period")
    assert all(line["text"] in text for line in data["levels"])
    assert text.split("\n\n")[1].startswith("Sources:")  # the whole answer: nothing of one level's joined on
    assert any(b["payload"] == "/find_level" for r in replies for b in r.get("buttons", []))


@pytest.mark.assistant
def test_how_each_level_is_trained_asked_before_the_level_is_known_gives_each_level_s_methods(assistant, kb):
    from knowledge import lookup

    replies = assistant.say("methods-anyone", "how is SEND training delivered at each level - e-learning or in person?")
    text = reply_text(replies)
    lines = lookup.training_by_level(kb)
    assert all(x["text"] in text and _shown(x["cite"]) in _quotes(replies) for x in lines)
    assert all(m.text in text for lv in kb.levels for m in lv.methods)
    assert any(b["payload"] == "/find_level" for r in replies for b in r.get("buttons", []))


@pytest.mark.assistant
@pytest.mark.parametrize("question, frameworks", [("who is each level for?", ("health", "schools")),
                                                  ("who are the different tiers aimed at", ("schools",))])
def test_who_each_level_is_for_gives_every_level_s_cohort_with_its_source(assistant, kb, question, frameworks):
    from knowledge import lookup

    replies = assistant.say(f"cohorts-{len(question)}", question)
    text = reply_text(replies)
    shown = [x for f in frameworks for x in lookup.levels_of(kb, f)]
    assert all(x["text"] in text and _shown(x["cite"]) in _quotes(replies) for x in shown)
    assert not any(lv.cohort.text in text for lv in kb.levels if lv.framework not in frameworks)


@pytest.mark.assistant
@pytest.mark.parametrize("question", ["if someone only has very occasional contact with CYP with SEND what's the minimum level they need",
                                      "what level do staff need if they see SEND kids now and then?"])
def test_a_level_asked_for_someone_s_involvement_with_no_job_gives_who_each_level_is_for(assistant, kb, question):
    """No job and no workplace, so no level of anyone's: every level's cohort, the words that decide between them."""
    from knowledge import lookup

    text = reply_text(assistant.say(f"involvement-{len(question)}", question))
    assert text.startswith("Who each level is for:")
    assert all(x["text"] in text for f in ("health", "schools") for x in lookup.levels_of(kb, f))


@pytest.mark.assistant
def test_a_level_s_cohort_asked_for_by_name_is_the_answer_whatever_else_the_question_says(assistant, kb):
    level = next(lv for lv in kb.levels if len(lv.members) >= 3)
    text = reply_text(assistant.say("cohort-by-name", f"which staff does the {level.name.lower()} cohort in the table actually list"))
    assert text.startswith(f"{level.name} is for:") and all(m.text in text for m in level.members)


@pytest.mark.assistant
def test_each_level_s_competencies_asked_for_at_once_give_a_line_for_each_level(assistant, kb):
    from knowledge import lookup

    replies = assistant.say("competencies-each", "quick summary of the competencies for each level, L1 to L5? for a poster")
    text = reply_text(replies)
    assert all(x["text"] in text and _shown(x["cite"]) in _quotes(replies) for x in lookup.competencies_by_level(kb))
    assert all(c.text in text for lv in kb.levels for c in lv.competencies)


@pytest.mark.assistant
def test_what_a_level_covers_is_its_competencies_then_its_outcomes(assistant, kb):
    level = next(lv for lv in kb.levels if lv.competencies and lv.learning_outcomes)
    text = reply_text(assistant.say("covers", f"what topics does {level.name} SEND training cover?"))
    first, then = text.index(level.competencies[0].text), text.index(level.learning_outcomes[0].text)
    assert all(c.text in text for c in level.competencies) and first < then


@pytest.mark.assistant
@pytest.mark.parametrize("question", ["does a hospital porter need SEND training?", "do receptionists at the GP surgery need SEND training",
                                      "do dinner ladies need this"])
def test_a_job_the_documents_do_not_name_gets_the_least_they_set_for_everyone_there(assistant, kb, question):
    from knowledge import lookup

    replies = assistant.say(f"everyone-{question}", question)
    text = reply_text(replies)
    assert text.startswith("The documents do not name this job.")
    workplace = "health" if "hospital" in question or "GP" in question else None  # where they work, when the question says
    assert all(x["text"] in text for x in lookup.least_for_everyone(kb, workplace))
    if workplace:
        assert "More applies to someone who can say:" in text
    assert any(b["payload"] == "/find_level" for r in replies for b in r.get("buttons", []))


@pytest.mark.assistant
def test_a_short_form_the_documents_never_spell_out_is_answered_as_the_guide_s_reading(assistant):
    text = reply_text(assistant.say("initials", "ELSA?"))
    assert text.startswith("ELSA: not spelled out in the documents. This guide's reading:")
    assert "Emotional Literacy Support Assistants" in text


@pytest.mark.assistant
def test_outcomes_asked_before_the_level_is_known_give_each_level_and_a_button_for_each(assistant, kb):
    from knowledge import lookup

    replies = assistant.say("outcomes-anyone", "what are the learning outcomes?")
    text = reply_text(replies)
    assert all(x["text"] in text for x in lookup.outcomes_by_level(kb))
    buttons = [b for r in replies for b in r.get("buttons", [])]
    assert 2 <= len(buttons) <= 6 and buttons[-1]["payload"] == "/find_level"


@pytest.mark.assistant
def test_a_short_form_used_but_never_spelt_out_says_so_and_where_it_is_used(assistant, kb):
    text = reply_text(assistant.say("used-short-form", "HMSO?"))
    assert text.startswith("HMSO: not spelled out in the documents. They use it here:")
    assert any("HMSO" in p.citation.quote and p.citation.quote in text for p in kb.passages)


@pytest.mark.assistant
def test_a_question_about_something_nothing_searched_mentions_says_so(assistant, kb):
    assert not any("wales" in p.citation.quote.casefold() for p in kb.passages)
    text = reply_text(assistant.say("unknown-place", "does any of this apply in Wales?"))
    assert text.startswith("The parts of the documents I search do not mention Wales.")


@pytest.mark.assistant
@pytest.mark.parametrize("question, term", [("what's a DCO", "DCO"), ("RAS?", "RAS")])
def test_a_short_form_is_answered_with_what_it_stands_for_and_where_the_documents_use_it(assistant, kb, question, term):
    from knowledge.passages import used_in

    text = reply_text(assistant.say(f"used-{term}", question))
    assert text.startswith("In these documents:") and f"Where they use it: {used_in(term, kb.passages)[1]}" in text


@pytest.mark.assistant
@pytest.mark.parametrize("asking, pair", [("what are {a} and {b}? they come up in the level 3 outcomes", None),
                                          ("what do {a} and {b} stand for", None), ("what do {a} and {b} mean?", ("SEN", "SEND"))])
def test_two_short_forms_asked_together_are_each_answered(assistant, kb, asking, pair):
    """Two of the glossary's short forms, drawn from it (or two that every question uses), asked in one question: what
    the documents make of each."""
    import random

    from knowledge import lookup

    short = sorted({g.term for g in kb.glossary if g.term.isalpha() and 2 <= len(g.term) <= 5})
    a, b = pair or random.Random(asking).sample(short, 2)
    assert {a, b} <= set(short)
    text = reply_text(assistant.say(f"two-terms-{len(asking)}", asking.format(a=a, b=b)))
    assert text.startswith("In these documents:")
    for term in (a, b):
        assert all(f"{e['term']}: {e['meaning']}" in text for e in lookup.glossary(kb, term))


@pytest.mark.assistant
def test_a_short_form_set_equal_to_a_question_mark_is_asked_what_it_stands_for(assistant, kb):
    entry = next(g for g in kb.glossary if g.expansion and g.note is None and g.term.isupper())
    text = reply_text(assistant.say("equals", f"quick one - {entry.term} = ?"))
    assert text.startswith("In these documents:") and f"{entry.term}: {entry.expansion}" in text


@pytest.mark.assistant
def test_an_answer_that_holds_no_more_of_the_question_than_the_documents_is_shown_with_their_passages(assistant, kb):
    """The award's list first, then the specification's own paragraph (which names Annex 3), numbered on."""
    from knowledge.sources import normalise, seeds_dir

    replies = assistant.say("joined", "where are the minimum outcomes for the senco award")
    doc = next(r["custom"]["send_guide"] for r in replies if (r.get("custom") or {}).get("send_guide"))
    titles = [s["title"] or "" for s in doc["sections"]]
    assert titles[0].startswith(kb.topic("senco-award").title) and len(titles) >= 2
    assert [x["n"] for x in doc["sources"]] == list(range(1, len(doc["sources"]) + 1))
    assert {r for s in doc["sections"] for i in s["items"] for r in i["refs"]} == {x["n"] for x in doc["sources"]}
    texts = {p.name: normalise(p.read_text(encoding="utf-8")) for p in seeds_dir().glob("*.txt")}
    assert all(normalise(q) in texts[x["document"]] for x in doc["sources"] for q in x["quotes"])
    assert "annex 3" in reply_text(replies).casefold()


@pytest.mark.assistant
def test_a_role_called_by_another_of_its_names_gets_its_own_duties(assistant, kb):
    """"the head" is the headteacher: their duties, not the head of sixth form's lines elsewhere."""
    text = reply_text(assistant.say("the-head", "what does the head have to do for the senco"))
    assert text.startswith(kb.topic("headteacher").title)
    assert any(i.text in text for i in kb.topic("headteacher").items if "SENCo" in i.text)


@pytest.mark.assistant
@pytest.mark.parametrize("question, framework", [("what are the tiers on the lincs send platform", "schools"),
                                                 ("which levels are there in the health framework?", "health"),
                                                 ("I work in a lincs school - what are the different tiers and who are they for?", "schools")])
def test_asked_what_the_tiers_or_levels_are_each_is_given_with_who_it_is_for(assistant, kb, question, framework):
    from knowledge import lookup

    replies = assistant.say(f"levels-{question}", question)
    text = reply_text(replies)
    assert all(x["text"] in text for x in lookup.levels_of(kb, framework))
    assert any(b["payload"] == "/find_level" for r in replies for b in r.get("buttons", []))


@pytest.mark.assistant
@pytest.mark.parametrize("question, note", [("how much does the senco national award cost", "NO_PRICE"),
                                           ("whats the pass mark for the level 2 elearning", "NO_FIGURE"),
                                           ("how many refresher hours for Level 2?", None)])
def test_a_question_asking_for_a_figure_the_documents_do_not_give_says_so_first(assistant, question, note):
    from actions import notes

    text = reply_text(assistant.say(f"figure-{question}", question))
    assert "Sources:" in text and not text.startswith((notes.NO_PRICE, notes.NO_FIGURE)) if note is None else text.startswith(getattr(notes, note))


@pytest.mark.assistant
def test_asked_what_levels_people_in_a_job_need_the_answer_is_about_them_not_every_level(assistant):
    text = reply_text(assistant.say("levels-for-a-job", "what levels do health visitors need?"))
    assert not text.startswith(("The health framework's levels:", "The tiers:")) and "Level 3" in text


@pytest.mark.assistant
@pytest.mark.parametrize("question", ["does l3 cover safeguarding", "does L3 cover safeguarding?"])
def test_a_level_named_in_any_case_answers_with_the_item_asked_about_first(assistant, kb, question):
    text = reply_text(assistant.say(f"level-first-{question}", question))
    level = kb.level("level-3")
    own = [o.text for o in (*level.learning_outcomes, *level.competencies, *level.members, *level.methods)]
    first = next(line for line in text.splitlines() if line.startswith("\u2022"))
    assert text.startswith("Yes: what the documents set for Level 3 names safeguarding:") and "What Level 3 covers:" in text
    assert "safeguard" in first.casefold() and any(o in first for o in own)


@pytest.mark.assistant
def test_a_list_named_without_a_request_is_shown_not_a_self_assessment_started(assistant, kb):
    text = reply_text(assistant.say("area-skills", "family centred communication and engagement skills"))
    area = [p.text for p in kb.passages if p.citation.section.startswith("1. Family centred") and p.lead_in == "Skills:"]
    assert area and any(a in text for a in area) and "self-assessment" not in text.casefold()


@pytest.mark.assistant
def test_a_question_about_someone_elses_plan_asks_the_documents_not_for_my_plan(assistant, kb):
    replies = assistant.say("accessibility", "does the governing body have to publish an accessibility plan")
    text = reply_text(replies)
    said = [p.text for p in kb.passages if "accessibility plans" in p.text]
    assert said and any(s[:80] in text for s in said) and "make a plan" not in text


@pytest.mark.assistant
@pytest.mark.parametrize("level_id, question", [("level-2", "does L2 include the tribunal process"), ("level-3", "does L3 cover safeguarding")])
def test_a_yes_no_question_about_what_a_level_holds_says_first_whether_its_own_lists_do(assistant, kb, level_id, question):
    level = kb.level(level_id)
    word = "tribunal" if "tribunal" in question else "safeguard"
    held = any(word in s.text.casefold() for s in (*level.learning_outcomes, *level.competencies, *level.methods, *level.members))
    text = reply_text(assistant.say(f"in-level-{level_id}", question))
    assert text.startswith(f"{level.name}: nothing the documents set for it") is (not held)
    assert text.startswith(f"Yes: what the documents set for {level.name} names") is held
    elsewhere = [f"{lv.name}: {x.text}" for lv in kb.levels if lv.id != level_id
                 for x in (*lv.learning_outcomes, *lv.competencies, *lv.methods, *lv.members) if word in x.text.casefold()]
    assert held or (elsewhere and elsewhere[0] in text)  # not at this level: where the documents do name it
    turned = reply_text(assistant.say(f"in-level-only-{level_id}", question.replace("does", "does only", 1)))
    assert not turned.startswith("Yes")  # "does only L3 cover safeguarding": no reading of the documents' answer


@pytest.mark.assistant
def test_a_thing_only_named_is_said_so_whatever_is_said_beside_it_and_a_topic_s_name_inside_a_term_is_the_topic(assistant, kb):
    from actions.meanings import UNDEFINED

    named = next(p.text for p in kb.passages if p.text.strip().casefold() == "lego therapy")
    text = reply_text(assistant.say("lego", f"what actually is {named.lower()}? it's on the lincs tier 1 list"))
    assert text.startswith(UNDEFINED.format(term=named.strip()[:1].upper() + named.strip()[1:].lower()))
    topic = next(t for t in kb.topics if len(t.title.split()) >= 2 and t.title.casefold().startswith("preparing"))
    text = reply_text(assistant.say("adulthood", f"{topic.title.lower()} outcomes?"))
    assert "not defined in them" not in text and any(i.text in text for i in topic.items)


@pytest.mark.assistant
def test_a_question_naming_a_workplace_but_no_one_s_training_is_answered_from_the_documents_not_as_a_level(assistant, kb):
    said = next(p.text for p in kb.passages if "fail their inspection" in p.text)
    share = re.search(r"\d+\s?%", said).group()
    text = reply_text(assistant.say("la-share", "putting together a business case for more SEND training - roughly what % of "
                                                "LA areas fail their SEND inspection?"))
    assert share in text and "no training level for you" not in text


def _shown(cite) -> str:
    from knowledge.sources import shown_quote

    return shown_quote(cite["quote"], bool(cite.get("excerpt")))


def _quotes(replies) -> str:
    """Every quote a reply's sources show (each line is cited by its own)."""
    return " ".join(q for r in replies for s in ((r.get("custom") or {}).get("send_guide") or {}).get("sources", []) for q in s.get("quotes", []))


@pytest.mark.assistant
@pytest.mark.parametrize("question, place", [
    ("new to being the SENCo in a pre-school. what does the role actually involve day to day?", "early-years"),
    ("what are the SENCO's duties in a nursery", "early-years"), ("what does a SENCO do in a primary school?", "school")])
def test_a_role_s_duties_asked_of_one_place_are_that_place_s_only(assistant, kb, question, place):
    """The documents set a SENCO's duties place by place: a question naming one place gets its items, none of another's."""
    from knowledge.schema import SECTORS

    senco = kb.topic("senco")
    places = {i.kind for i in senco.items} & set(SECTORS)
    assert place in places and len(places) >= 2
    text = reply_text(assistant.say(f"place-{len(question)}", question))
    assert any(i.text in text for i in senco.items if i.kind == place)
    assert not any(i.text in text for i in senco.items if i.kind in places - {place})


@pytest.mark.assistant
@pytest.mark.parametrize("question", ["what are TA duties?", "what is the TA role?"])
def test_a_role_s_short_form_asked_with_its_duties_gets_the_duties_not_the_abbreviation(assistant, kb, question):
    text = reply_text(assistant.say(f"ta-duties-{len(question)}", question))
    assert not text.startswith("In these documents:") and any(i.text in text for i in kb.topic("adults-in-the-classroom").items)


@pytest.mark.assistant
def test_at_a_level_asked_whether_the_ones_below_are_still_needed_the_answer_is_yes_from_builds_on(assistant, kb):
    from actions.level_answers import BUILDS_YES

    text = reply_text(assistant.say("builds-yes", "I'm a service lead at level 4 - do I still need the level 1-3 competencies as well?"))
    assert text.startswith(BUILDS_YES.format(level="Level 4"))
    from knowledge import lookup

    notes = lookup.cohort(kb, "level-4")["builds_on_note"]
    assert notes and all(n["text"] in text for n in notes)  # the documents' own words after the reading


@pytest.mark.assistant
def test_a_level_asked_about_what_only_a_level_below_it_names_is_read_as_covered_by_building_on_it(assistant, kb):
    """"Does Level 5 cover annual reviews?": its own lists do not, Level 3's do, and Level 5 builds on Level 3."""
    from actions.meanings import BUILT_ON
    from knowledge import lookup

    assert "Level 3" in lookup.cohort(kb, "level-5")["builds_on"]
    assert not any("annual review" in x.text.casefold() for x in lookup.level_statements(kb.level("level-5")))
    below = [x.text for x in lookup.level_statements(kb.level("level-3")) if "annual review" in x.text.casefold()]
    text = reply_text(assistant.say("built-on", "does level 5 cover annual reviews?"))
    assert below and text.startswith(BUILT_ON.format(level="Level 5", asked="annual reviews")) and f"Level 3: {below[0]}" in text
