"""The role intent component on its own: a statement naming a job role becomes tell_role, whatever DIET guessed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.role_intent import RoleIntent


@pytest.fixture
def component(tmp_path: Path) -> RoleIntent:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    RoleIntent.create({}, storage, Resource("role_intent"), context).train(
        TrainingData(lookup_tables=[{"name": "job_word", "elements": ["midwife", "manager", "hlta", "assistant", "nurse", "audiologist", "psychologist", "staff"]}]))
    return RoleIntent.load({}, storage, Resource("role_intent"), context)  # as the served model has it


def _intent(component: RoleIntent, text: str, guessed: str, role: bool = False) -> str:
    entities = [{"entity": "role", "start": 0, "end": 2, "value": "GP", "extractor": "RoleRuler"}] if role else []
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.4}, "entities": entities,
                       "intent_ranking": [{"name": guessed, "confidence": 0.4}]})
    return component.process([message])[0].get("intent")["name"]


@pytest.mark.parametrize("text, guessed, role", [
    ("midwife", "nlu_fallback", False), ("school business manager", "out_of_scope", False), ("HLTA", "nlu_fallback", False),
    ("I work in the finance team of an NHS trust", "out_of_scope", False), ("I'm a dentist at the community clinic", "inform", False),
    ("occupational therapist, I don't work with children at all", "inform", True),
    ("inclusion manager who plans support but does not teach", "ask_responsibilities", False),
])
def test_a_statement_naming_a_role_is_a_role(component, text, guessed, role):
    assert _intent(component, text, guessed, role) == "tell_role"


@pytest.mark.parametrize("text, guessed, role", [
    ("what does a GP need?", "ask_role_training", True), ("how many hours for level 2", "ask_hours", False),
    ("thanks", "thank", False), ("start again", "start_again", False), ("the weather is nice today", "out_of_scope", False),
    ("I would like to know about the budget and the manager of the whole thing overall", "out_of_scope", False),
])
def test_anything_else_keeps_its_intent(component, text, guessed, role):
    assert _intent(component, text, guessed, role) == guessed


@pytest.mark.parametrize("text, guessed", [("who approves SENCO training providers?", "tell_role"),
                                           ("what are the every child matters outcomes?", "find_level")])
def test_a_question_about_the_documents_is_not_about_me(component, text, guessed):
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.6}, "entities": [],
                       "intent_ranking": [{"name": guessed, "confidence": 0.6}, {"name": "ask_senco_award", "confidence": 0.3}]})
    assert component.process([message])[0].get("intent")["name"] == "ask_senco_award"


def test_a_question_about_my_own_level_keeps_its_intent(component):
    assert _intent(component, "what SEND training do I need?", "find_level") == "find_level"


def test_a_role_at_the_start_of_a_sentence_is_a_role(component):
    assert _intent(component, "assistant at a primary school", "ask_role_training") == "tell_role"


def test_a_job_word_alone_is_a_role_even_if_it_looked_like_thanks(component):
    assert _intent(component, "HLTA", "thank") == "tell_role"
    assert _intent(component, "ta", "thank") == "thank"


@pytest.mark.parametrize("text, guessed", [("actually I do see children with SEND now and then", "out_of_scope"),
                                           ("I do handle their letters and records", "ask_outcomes"),
                                           ("oh and I lead on SEND for the service", "nlu_fallback")])
def test_a_statement_of_my_involvement_is_an_answer(component, text, guessed):
    assert _intent(component, text, guessed) == "inform"


@pytest.mark.parametrize("text, guessed", [("do I need training if I see children?", "find_level"),
                                           ("children with SEND need support", "out_of_scope"), ("thanks, I see", "thank")])
def test_a_question_or_a_remark_about_others_is_not_an_answer(component, text, guessed):
    assert _intent(component, text, guessed) == guessed


@pytest.mark.parametrize("text, guessed", [("ANP in A&E", "inform"), ("orthotist", "nlu_fallback"),
                                           ("Interpreter for the NHS trust", "inform"), ("domestic on the paeds ward", "nlu_fallback"),
                                           ("Social worker, children with disabilities team", "inform"), ("nurse band 6", "inform"),
                                           ("HCA nights", "nlu_fallback"), ("community midwife band 7", "nlu_fallback")])
def test_a_plain_statement_the_classifier_could_not_place_is_a_job(component, text, guessed):
    assert _intent(component, text, guessed) == "tell_role"


@pytest.mark.parametrize("text, guessed", [("I see kids now and then", "inform"), ("<b>hi</b>", "nlu_fallback"),
                                           ("what is an EHCP", "nlu_fallback"), ('/inform{"contact": "some"}', "inform"),
                                           ("🙂🙂🙂", "nlu_fallback"), ("yes that's right", "affirm"),
                                           ("one two three four five six seven eight nine ten eleven twelve thirteen", "inform")])
def test_what_is_not_a_plain_statement_keeps_its_intent(component, text, guessed):
    assert _intent(component, text, guessed) == guessed


def test_a_catalogue_role_beside_what_looked_like_yes_is_a_role(component):
    assert _intent(component, "LSA in year 3", "affirm", role=True) == "tell_role"
    assert _intent(component, "yes GP", "affirm", role=True) == "affirm"


def test_a_job_before_a_statement_of_contact_is_a_job_and_gibberish_is_not(component):
    assert _intent(component, "dinner lady, I see the kids every day at lunch", "inform") == "tell_role"
    assert _intent(component, "actually I do see the kids every day", "inform") == "inform"
    for gibberish in ("blorp zzzz qqq", "flib flab flob wib", "gggg hhhh jjj"):
        assert _intent(component, gibberish, "nlu_fallback") == "nlu_fallback"
    assert _intent(component, "DSL", "nlu_fallback") == "tell_role"


@pytest.mark.parametrize("text", ["in a hospital", "none of those", "the third one", "a bit of both", "only with adults",
                                  "rarely, maybe once a month", "sometimes on the phone with parents", "i write reports for ehcps",
                                  "neither", "at a nursery"])
def test_an_answer_in_words_is_not_taken_for_a_job(component, text):
    assert _intent(component, text, "inform") == "inform"


def _sure(component: RoleIntent, text: str, guessed: str, confidence: float, entity: str = "role", value: str = "SENCO") -> str:
    start = max(text.casefold().find(value.casefold()), 0)  # where the extractor finds it
    entities = [{"entity": entity, "start": start, "end": start + len(value), "value": value, "extractor": "RoleRuler"}]
    message = Message({"text": text, "intent": {"name": guessed, "confidence": confidence}, "entities": entities,
                       "intent_ranking": [{"name": guessed, "confidence": confidence}]})
    return component.process([message])[0].get("intent")["name"]


@pytest.mark.parametrize("text, guessed", [
    ("new senco - how long have i got to get the award", "ask_senco_award"),
    ("senco duties in a maintained school", "ask_responsibilities"),
])
def test_a_question_the_classifier_is_sure_of_stays_a_question(component, text, guessed):
    assert _sure(component, text, guessed, 0.9) == guessed


@pytest.mark.parametrize("text, guessed, confidence", [
    ("deputy head, I liaise with the SENCO about a few pupils", "ask_responsibilities", 0.82),  # tells, in the first person
    ("I'm the SENCO at a primary school", "ask_responsibilities", 0.95),  # "I'm a ..." says the job
    ("SENCO at a primary school", "ask_responsibilities", 0.6),  # not sure enough
])
def test_a_role_told_is_still_a_role(component, text, guessed, confidence):
    assert _sure(component, text, guessed, confidence) == "tell_role"


def test_a_message_naming_a_level_or_a_term_asks_about_it(component):
    assert _sure(component, "induction tier learning areas", "nlu_fallback", 0.5, "level", "induction tier") == "nlu_fallback"
    assert _sure(component, "SEMH", "nlu_fallback", 0.5, "term", "SEMH") == "nlu_fallback"
    assert _sure(component, "HLTA", "nlu_fallback", 0.5, "term", "HLTA") == "tell_role"  # a term that is a job word


@pytest.mark.parametrize("text, guessed, confidence, expected", [
    ("wave 3?", "affirm", 0.52, "ask_documents"), ("structured conversation?", "start_again", 0.61, "ask_documents"),
    ("start again?", "start_again", 0.95, "start_again"), ("yes?", "affirm", 0.55, "affirm"), ("no thanks", "deny", 0.6, "deny")])
def test_a_short_question_the_classifier_half_took_for_chat_asks_about_the_documents(component, text, guessed, confidence, expected):
    message = Message({"text": text, "intent": {"name": guessed, "confidence": confidence},
                       "intent_ranking": [{"name": guessed, "confidence": confidence}]})
    assert component.process([message])[0].get("intent")["name"] == expected


def _with_role(text: str, role: str, guessed: str, confidence: float, ranking: list) -> Message:
    start = text.casefold().index(role.casefold())
    return Message({"text": text, "intent": {"name": guessed, "confidence": confidence},
                    "entities": [{"entity": "role", "start": start, "end": start + len(role), "value": role, "extractor": "RoleRuler"}],
                    "intent_ranking": [{"name": guessed, "confidence": confidence}] + ranking})


@pytest.mark.parametrize("text, role, guessed, expected", [
    ("three purposes of the senco training spec", "senco", "tell_role", "ask_documents"),
    ("exam access arrangements - is that the senco's job", "senco", "tell_role", "ask_documents"),
    ("role of the headteacher in send", "headteacher", "tell_role", "ask_responsibilities"),
    ("teachers responsibilities for send kids", "teachers", "ask_responsibilities", "ask_responsibilities"),
    ("early years senco role", "senco", "tell_role", "ask_responsibilities"),
    ("email address for the DHO", "DHO", "tell_role", "ask_documents"),
])
def test_a_role_that_is_what_the_message_asks_about_is_not_the_persons_job(component, text, role, guessed, expected):
    ranking = [{"name": "ask_documents" if expected == "ask_documents" else expected, "confidence": 0.5}]
    assert component.process([_with_role(text, role, guessed, 0.9, ranking)])[0].get("intent")["name"] == expected


@pytest.mark.parametrize("text", ["website for the CDC send e-learning", "phone number for SEND IAS", "contact details for SALT"])
def test_what_someone_asks_for_is_not_a_job_statement(component, text):
    message = Message({"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.3}, "intent_ranking": []})
    assert component.process([message])[0].get("intent")["name"] != "tell_role"


@pytest.mark.parametrize("text", ["link worker", "contact centre adviser", "phone triage nurse"])
def test_a_job_that_starts_like_a_request_is_still_a_job(component, text):
    message = Message({"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.3}, "intent_ranking": []})
    assert component.process([message])[0].get("intent")["name"] == "tell_role"


@pytest.mark.parametrize("text, role", [("SENCO in a primary school", "SENCO"), ("I'm a teacher doing the senco training", "teacher"),
                                        ("senco", "senco"), ("in an early years senco role", "senco")])
def test_a_role_told_beside_the_same_words_is_still_a_job(component, text, role):
    message = _with_role(text, role, "inform", 0.6, [{"name": "ask_documents", "confidence": 0.3}])
    assert component.process([message])[0].get("intent")["name"] == "tell_role"


@pytest.mark.parametrize("text, guessed, confidence, ranking, expected", [
    ("how often do I have to redo my level 2 send training", "find_level", 0.72, [("ask_hours", 0.24)], "ask_hours"),
    ("new starter - when do i have to have done L1 by", "make_plan", 0.5, [("ask_induction", 0.34)], "ask_induction"),
    ("can my employer make me train above the minimum level", "make_plan", 0.51, [("find_level", 0.18), ("ask_training", 0.08)], "ask_documents"),
    ("make my plan for level 2", "make_plan", 0.9, [("ask_hours", 0.05)], "make_plan"),
    ("what level do I need? I'm level 2 now", "find_level", 0.8, [("ask_hours", 0.1)], "find_level"),
])
def test_a_question_taken_for_a_request_or_about_me_asks_the_documents(component, text, guessed, confidence, ranking, expected):
    named = re.search(r"level 2|L1", text)
    message = Message({"text": text, "intent": {"name": guessed, "confidence": confidence},
                       "entities": [{"entity": "level", "start": named.start(), "end": named.end(), "value": named.group()}] if named else [],
                       "intent_ranking": [{"name": guessed, "confidence": confidence}] + [{"name": n, "confidence": c} for n, c in ranking]})
    assert component.process([message])[0].get("intent")["name"] == expected


@pytest.mark.parametrize("text", ["nurse here. do i need SEND training?", "healthcare assistant on paeds ward, what level send trainng do i need",
                                  "Morning all, midwife on the labour ward - what level do i need?",
                                  "hospital play specialist on a paeds ward here - I see children with SEND most shifts. what SEND training level am I?",
                                  "orthoptist - I see kids in clinic every week. which training level do i need?",
                                  "Staff nurse on the children's ward - what level is that?", "healthcare assistant on paeds ward. what level is the right one?",
                                  "practice nurse, i type up letters and see kids in clinic now n then. level?"])
def test_a_job_told_first_with_a_question_about_my_own_level_tells_the_job(component, text):
    assert _intent(component, text, "ask_documents") == "tell_role"


@pytest.mark.parametrize("text", ["nurse here. what does the SENCO do?", "midwife, what does EHCP stand for",
                                  "Safeguarding checklist - need the level 3 bits, which level covers it?",
                                  "Christian ethos primary - what level do our TAs need?",
                                  "SEN caseworker at the council here. In the safeguarding section, what level is the social care threshold for intervention?",
                                  "family support worker here. in the safeguarding section, what level of the continuum of need is the social care threshold for intervention?",
                                  "TA - what level should I book her on?", "porter. do i need to send him on level 1?"])
def test_a_job_told_first_with_a_question_about_something_else_stays_a_question(component, text):
    assert _intent(component, text, "ask_documents") == "ask_documents"


def test_a_job_told_with_a_level_question_is_still_about_me(component):
    text = "GP here - do I need more than level 3?"
    message = Message({"text": text, "intent": {"name": "find_level", "confidence": 0.7},
                       "entities": [{"entity": "role", "start": 0, "end": 2, "value": "GP"},
                                    {"entity": "level", "start": text.index("level 3"), "end": text.index("level 3") + 7, "value": "Level 3"}],
                       "intent_ranking": [{"name": "find_level", "confidence": 0.7}, {"name": "ask_cohort", "confidence": 0.25}]})
    assert component.process([message])[0].get("intent")["name"] in ("find_level", "tell_role")


@pytest.mark.parametrize("text, guessed", [
    ("does the governing body have to publish an accessibility plan", "make_plan"),
    ("family centred communication and engagement skills", "check_skills"),
    ("what should an accessibility plan include", "make_plan"), ("senco skills outcomes", "check_skills"),
    ("Im a trainer making a fillable form from Appendix 2. what headings are on the learning reflection record?", "record_learning"),
])
def test_a_message_neither_the_persons_own_nor_a_command_asks_about_something(component, text, guessed):
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.9}, "entities": [],
                       "intent_ranking": [{"name": guessed, "confidence": 0.9}]})
    assert component.process([message])[0].get("intent")["name"] != guessed


@pytest.mark.parametrize("text, guessed", [("make my plan", "make_plan"), ("can you make a plan", "make_plan"),
                                           ("do the skills check", "check_skills"), ("list everything ive recorded", "show_records"),
                                           ("check my skills against the east sussex framework", "check_skills"),
                                           ("skills check", "check_skills"), ("self-assessment", "check_skills"), ("cpd log", "record_learning"),
                                           ("I've done a course. Can you log it on my reflection record?", "record_learning")])
def test_a_request_of_the_persons_own_or_a_command_stays_a_request(component, text, guessed):
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.9}, "entities": [],
                       "intent_ranking": [{"name": guessed, "confidence": 0.9}]})
    assert component.process([message])[0].get("intent")["name"] == guessed


@pytest.mark.parametrize("text, guessed", [
    ("hello, i'm a play specialist at the childrens hospital. i do preparation play before procedures and i often write notes "
     "that go into the care plan for kids with autism. what level am i?", "ask_documents"),
    ("paediatric audiologist - hearing assessments for under 5s, we refer to the LA when we pick up a permanent hearing loss",
     "out_of_scope"),
    ("community learning disability nurse in the adult team - my caseload is 18+ but a lot of them are 18-24 and still in "
     "college with EHCPs. does the SEND framework even apply to me?", "ask_cohort"),
    ("clinical psychologist in CAMHS - neurodevelopmental assessments mostly (autism/adhd). which send level?", "nlu_fallback"),
])
def test_a_job_told_with_what_the_work_is_tells_the_job_however_long(component, text, guessed):
    assert _intent(component, text, guessed) == "tell_role"


@pytest.mark.parametrize("text, guessed", [
    ("I'm a teacher, what does the SENCO have to do for pupils with an EHCP?", "ask_responsibilities"),
    ("what does the lincolnshire report say about the induction tier for teaching assistants", "ask_documents"),
    ("governors - what should they ask the head about send?", "ask_responsibilities"),
])
def test_a_question_about_something_else_stays_a_question_whoever_asks(component, text, guessed):
    assert _intent(component, text, guessed) == guessed


@pytest.mark.parametrize("text, guessed", [("parental risk factors i need to know about", "ask_documents"),
                                           ("all staff - what about individual targets", "ask_responsibilities")])
def test_a_topic_with_words_after_it_is_not_a_job(component, text, guessed):
    assert _intent(component, text, guessed) == guessed


def test_a_role_denied_is_not_a_role_told(component):
    """An answer to the involvement question that ends "but I'm not the SEND lead" answers it; it tells no new job."""
    text = "I advise staff on safeguarding for disabled children and attend strategy meetings, but I'm not the SEND lead"
    start = text.index("SEND lead")
    message = Message({"text": text, "intent": {"name": "inform", "confidence": 0.4}, "intent_ranking": [{"name": "inform", "confidence": 0.4}],
                       "entities": [{"entity": "role", "start": start, "end": start + 9, "value": "SEND lead", "extractor": "RoleRuler"}]})
    assert component.process([message])[0].get("intent")["name"] != "tell_role"
    assert _intent(component, "I'm the SEND lead for the trust", "inform", role=True) == "tell_role"


TRAINING_WORDS = {"level", "tier", "training", "train", "trained", "course", "hours", "qualification", "qualified", "qualifications", "award",
                  "induction", "refresher"}


def test_a_role_said_with_a_question_about_its_duties_asks_the_documents_not_for_a_level(component, kb):
    """"as a TA do i have to go to annual reviews": each duty the documents set out, asked by someone in a role they
    name, is a question for the documents; asked whether they need a level, it is about their own training."""
    duties = [i.text.rstrip(".") for t in kb.topics for i in t.items
              if 3 <= len(i.text.split()) <= 12 and re.match(r"[A-Z][a-z]+ ", i.text) and not set(re.findall(r"[a-z]+", i.text.casefold())) & TRAINING_WORDS]
    roles = [r.name for r in kb.roles if r.topic][:6]
    assert len(duties) >= 10 and roles
    for n, duty in enumerate(duties[:30]):
        asked = f"as a {roles[n % len(roles)]} do i have to {duty[0].lower()}{duty[1:]}?"
        assert _intent(component, asked, "tell_role") == "ask_documents", asked
    for level in kb.levels:  # the classifier finds each level by any of its names
        asked = f"as a {roles[0]} do i have to do {level.name}?"
        found = [{"entity": "level", "start": asked.index(level.name), "end": len(asked) - 1, "value": level.name}]
        message = Message({"text": asked, "intent": {"name": "tell_role", "confidence": 0.5}, "entities": found,
                           "intent_ranking": [{"name": "tell_role", "confidence": 0.5}]})
        assert component.process([message])[0].get("intent")["name"] == "tell_role", asked


def test_a_level_in_the_self_description_leaves_the_duty_asked_about(component):
    asked = "as a L3 clinician am i expected to chair MDT meetings"
    message = Message({"text": asked, "intent": {"name": "tell_role", "confidence": 0.6}, "intent_ranking": [],
                       "entities": [{"entity": "level", "start": 5, "end": 7, "value": "Level 3"}]})
    assert component.process([message])[0].get("intent")["name"] == "ask_documents"


@pytest.mark.parametrize("text, guessed", [("which level should i do?", "find_level"), ("do i need to refresh every 3 years?", "ask_hours"),
                                           ("do i have to complete the elearning?", "ask_training"), ("do i have to pay?", "ask_documents"),
                                           ("what training should i get?", "find_level"), ("as a TA, which level should i do?", "find_level")])
def test_a_question_about_my_own_training_is_no_duty(component, text, guessed):
    assert _intent(component, text, guessed) in ({guessed, "tell_role"} if "TA" in text else {guessed})  # (the job told starts the questions)


def test_when_something_is_due_asked_after_a_job_is_a_question_not_a_level_asked(component):
    """"New ward clerk here. How long is the induction, and how soon after joining do I have to have done it?" asks when,
    not what level the clerk needs ("do I have to" after "how soon"); "what level do I need" after a job still tells it."""
    asked = "{job} here. How long is the basic SEND awareness session, and how soon after joining do I have to have done it?"
    assert _sure(component, asked.format(job="New midwife"), "ask_induction", 0.95) == "ask_induction"
    assert _sure(component, "new midwife here, what level do i need?", "ask_induction", 0.95) == "tell_role"
    assert _sure(component, "midwife here, when I start on the ward what level do i need?", "ask_induction", 0.95) == "tell_role"
    assert _sure(component, "I just started as a porter at the trust. When do I have to do my SEND training and how long is it?",
                 "ask_induction", 0.95) == "ask_induction"


@pytest.mark.parametrize("text, term, guessed", [
    ("Social worker here, RAS came up in my competency self-assessment. What does RAS stand for?", "RAS", "check_skills"),
    ("midwife here - what does SEMH mean?", "SEMH", "tell_role"), ("EHCP stands for", "EHCP", "make_plan"),
])
def test_a_short_form_asked_what_it_stands_for_asks_its_meaning_whatever_is_said_around_it(component, text, term, guessed):
    start = text.index(term)
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.9},
                       "entities": [{"entity": "term", "start": start, "end": start + len(term), "value": term}],
                       "intent_ranking": [{"name": guessed, "confidence": 0.9}]})
    assert component.process([message])[0].get("intent")["name"] == "ask_term"


def test_a_short_form_named_beside_another_question_keeps_that_question(component):
    message = Message({"text": "I did the RAS training. What does the self-assessment cover?", "intent": {"name": "check_skills", "confidence": 0.9},
                       "entities": [{"entity": "term", "start": 10, "end": 13, "value": "RAS"}],
                       "intent_ranking": [{"name": "check_skills", "confidence": 0.9}]})
    assert component.process([message])[0].get("intent")["name"] != "ask_term"


@pytest.mark.parametrize("text, guessed, expected", [
    ("A parent asked me (I'm a Year 2 teacher) whether every child with SEND ends up with an EHCP. Do most children with SEND need one?",
     "inform", "ask_documents"),
    ("I'm a school nurse. Which level is the right one for me?", "tell_role", "tell_role"),
    ("I'm a school nurse. What training does it need?", "tell_role", "tell_role"),
])
def test_a_last_question_asked_of_no_one_in_particular_asks_the_documents(component, text, guessed, expected):
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.9}, "entities": [],
                       "intent_ranking": [{"name": guessed, "confidence": 0.9}, {"name": "ask_documents", "confidence": 0.05}]})
    assert component.process([message])[0].get("intent")["name"] == expected


def test_a_question_taken_for_a_statement_with_no_likely_other_reading_searches_the_documents(component):
    message = Message({"text": "nursery manager - can we use early years pupil premium for children with SEND?",
                       "intent": {"name": "tell_role", "confidence": 0.99}, "entities": [],
                       "intent_ranking": [{"name": "tell_role", "confidence": 0.99}, {"name": "ask_role_training", "confidence": 0.001}]})
    assert component.process([message])[0].get("intent")["name"] == "ask_documents"


@pytest.mark.parametrize("text, guessed", [
    ("I'm a dinner lady at a primary. Where would that sit?", "tell_role"), ("can you make my plan? what's next?", "make_plan"),
    ("Please log my course from yesterday. is that ok?", "record_learning"),
    ("practice nurse - what level in the health framework is the most suitable?", "ask_documents"),
])
def test_a_job_or_a_request_before_a_short_question_keeps_its_reading(component, text, guessed):
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.9}, "entities": [],
                       "intent_ranking": [{"name": guessed, "confidence": 0.9}, {"name": "ask_role_training", "confidence": 0.05}]})
    assert component.process([message])[0].get("intent")["name"] in (guessed, "tell_role")


def test_what_a_short_form_means_for_something_is_no_question_of_what_it_stands_for(component):
    text = "what does an EHCP mean for my child's school budget?"
    message = Message({"text": text, "intent": {"name": "ask_documents", "confidence": 0.9},
                       "entities": [{"entity": "term", "start": 13, "end": 17, "value": "EHCP"}],
                       "intent_ranking": [{"name": "ask_documents", "confidence": 0.9}]})
    assert component.process([message])[0].get("intent")["name"] != "ask_term"


def test_who_asked_is_no_entity_of_the_message_and_the_question_keeps_its_own(component):
    """"practice manager asked whether a GP needs level 3": the practice manager is who asked, the GP what is asked about."""
    text = "practice manager asked whether a GP needs level 3"
    entities = [{"entity": "role", "start": 0, "end": 16, "value": "practice manager"},
                {"entity": "role", "start": 33, "end": 35, "value": "GP"}]
    message = Message({"text": text, "intent": {"name": "tell_role", "confidence": 0.9}, "entities": entities,
                       "intent_ranking": [{"name": "tell_role", "confidence": 0.9}, {"name": "ask_role_training", "confidence": 0.08}]})
    out = component.process([message])[0]
    assert [e["value"] for e in out.get("entities")] == ["GP"]
    assert out.get("intent")["name"] != "tell_role"


def test_a_question_passed_on_asks_nothing_of_the_guide(component):
    """"a parent asked our family worker what skills staff use with families. I said I'd check the competency framework":
    a question passed on, not a request to check the asker's own competencies."""
    text = "a parent asked our family worker what communication skills staff use with families. I said I'd check the competency framework"
    message = Message({"text": text, "intent": {"name": "check_skills", "confidence": 0.7}, "entities": [],
                       "intent_ranking": [{"name": "check_skills", "confidence": 0.7}, {"name": "ask_documents", "confidence": 0.2}]})
    assert component.process([message])[0].get("intent")["name"] == "ask_documents"


def test_a_line_asking_the_askers_own_level_is_no_staff_list(component):
    """"GP here, ... on top of my normal list. what level do I need now": a job and the asker's own level, whatever
    "list" made the classifier think; a staff list pasted or asked for keeps its intent."""
    def intent(text: str) -> str:
        message = Message({"text": text, "intent": {"name": "check_staff_list", "confidence": 0.8}, "entities": [],
                           "intent_ranking": [{"name": "check_staff_list", "confidence": 0.8}, {"name": "find_level", "confidence": 0.1}]})
        return component.process([message])[0].get("intent")["name"]

    assert intent("nurse here, just took on the role of clinical lead for SEND on top of my normal list. what level do I need now") == "tell_role"
    assert intent("check my staff list please") == "check_staff_list"
    assert intent("midwife\nporter\nwhat level do they need") == "check_staff_list"


@pytest.mark.parametrize("text, intent", [
    ("I'm a new TA, not a manager. Does the supervision section of the East Sussex framework apply to me?", "ask_documents"),
    ("new nurse, i was out of work for 6 months before this job. do i need a new CRB check for the course?", "ask_documents"),
    ("I'm a nurse, do I need level 3?", "tell_role"), ("nurse on the wards - do i need to do this training?", "tell_role"),
])
def test_a_job_told_with_a_question_of_something_other_than_its_level_asks_it(component, text, intent):
    """"do i need a new CRB check", "does the supervision section apply to me": asked of the documents, not the asker's level."""
    message = Message({"text": text, "intent": {"name": "ask_documents", "confidence": 0.9}, "entities": [],
                       "intent_ranking": [{"name": "ask_documents", "confidence": 0.9}, {"name": "tell_role", "confidence": 0.1}]})
    assert component.process([message])[0].get("intent")["name"] == intent


@pytest.mark.parametrize("text, guessed", [("my manager wants me to check what training I have recorded so far", "show_records"),
                                           ("my line manager asked me to work out which skills I'm missing", "check_skills")])
def test_a_request_of_the_guide_passed_on_keeps_its_intent(component, text, guessed):
    message = Message({"text": text, "intent": {"name": guessed, "confidence": 0.8}, "entities": [],
                       "intent_ranking": [{"name": guessed, "confidence": 0.8}, {"name": "ask_documents", "confidence": 0.1}]})
    assert component.process([message])[0].get("intent")["name"] == guessed


def test_a_staff_list_asked_about_keeps_its_intent_and_the_ranking_names_each_intent_once(component):
    for text in ("ive got an excel sheet of staff, can you tell me what level each one needs", "which level do my team need"):
        message = Message({"text": text, "intent": {"name": "check_staff_list", "confidence": 0.8}, "entities": [],
                           "intent_ranking": [{"name": "check_staff_list", "confidence": 0.8}]})
        assert component.process([message])[0].get("intent")["name"] == "check_staff_list", text
    fallback = Message({"text": "my manager asked me to list the L1 learning outcomes", "intent": {"name": "nlu_fallback", "confidence": 0.3},
                        "entities": [], "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "ask_outcomes", "confidence": 0.25}]})
    ranking = [r["name"] for r in component.process([fallback])[0].get("intent_ranking")]
    assert len(ranking) == len(set(ranking))


@pytest.mark.parametrize("text, guessed, expected", [
    ("service lead at level 4, whats the minimum hrs of education, training and learning i need over 3 years", "tell_role", "ask_hours"),
    ("nurse at L2 - what are the learning outcomes for me?", "tell_role", "ask_outcomes"),
    ("Our ICB's commissioning team will be working to Level 4. I would like to know what the framework lists as the areas of "
     "understanding (competencies) at Level 4.", "find_level", "ask_competencies"),
    ("I'm a nurse at level 2, what level do I need?", "find_level", "find_level"),  # no kind of a level's answer named
    ("what level do I need? I'm a physio", "find_level", "find_level"),
])
def test_a_level_told_as_where_someone_works_then_a_kind_of_its_answer_asked_is_that_level_s_answer(component, text, guessed, expected):
    """"service lead at level 4, whats the minimum hrs i need": the level is told, so its hours answer, not the level questions."""
    named = re.search(r"(?:level|l)\s*\d", text, re.IGNORECASE)  # the level as the extractor finds it, where it is said
    got = _sure(component, text, guessed, 0.6, "level", named.group()) if named else _sure(component, text, guessed, 0.6, "role", "physio")
    assert got in ({expected, "tell_role"} if expected == "find_level" else {expected})  # (the job told then starts the questions)


@pytest.mark.parametrize("text", ["ECM outcomes", "provider approval period", "avg views per taster video", "% of LAs failing SEND inspection",
                                  "reflection record headings"])
def test_a_search_box_phrase_whose_last_word_is_no_job_is_not_a_job(component, text):
    """A plain phrase tells a job when its title ends in a job ("play leader at the hospital"); one ending in the thing asked
    about ("provider approval period") asks about it, whatever job-shaped word it holds."""
    assert _intent(component, text, "nlu_fallback") in ("nlu_fallback", "ask_documents")  # both search the documents
    assert _intent(component, text.replace(text.split()[-1], "manager"), "nlu_fallback") == "tell_role"  # its last word a job's


@pytest.mark.parametrize("text, guessed, entity", [
    ("when did part 3 C&F act start", "start_again", None), ("new starter L1 deadline", "start_again", "L1"),
    ("esx workforce dev phone no.", "deny", None), ("lincs platform commissioned when", "goodbye", None)])
def test_a_search_box_query_the_classifier_half_took_for_chat_asks_the_documents(component, text, guessed, entity):
    assert (_sure(component, text, guessed, 0.6, "level", entity) if entity else _intent(component, text, guessed)) == "ask_documents"


@pytest.mark.parametrize("text, guessed", [("start again please", "start_again"), ("no not really", "deny"),
                                           ("what do you mean by specific interaction", "deny"), ("only with adults, not kids", "deny")])
def test_chat_and_answers_in_words_keep_their_intent(component, text, guessed):
    assert _intent(component, text, guessed) == guessed


def test_a_job_with_its_work_and_a_level_asked_is_a_job_though_half_read_as_no(component):
    """"non-clinical manager, no CYP contact - level?": the "no" is what the work is, not an answer."""
    assert _intent(component, "non-clinical manager, no CYP contact - level?", "deny") == "tell_role"
    assert _intent(component, "no, I never see children with SEND", "deny") == "deny"


def test_a_level_said_in_passing_beside_a_question_about_my_own_level_names_nothing_asked(component):
    """"So I started as Deputy DHO last month. Which level am I supposed to hold now? Everyone sends me the level 3 stuff.":
    the job and the question about the asker's level decide; the level said in passing does not."""
    text = ("So I started as Deputy DHO for the area last month. Which level of SEND training am I supposed to hold now? "
            "Everyone keeps sending me links to the level 3 stuff.")
    assert _sure(component, text, "ask_documents", 0.99, "level", "level 3") == "tell_role"
    assert _sure(component, "Deputy DHO here. Which level 3 outcomes apply to me?", "ask_outcomes", 0.99, "level", "level 3") == "ask_outcomes"


@pytest.mark.parametrize("text, guessed", [
    ("TA trained to level 1, what level do I need for my new role", "find_level"),
    ("currently trained to level 2, how do I know if I need level 3?", "find_level"),
    ("I'm a school nurse, do I need to go up to level 3? how many hours is that", "ask_role_training")])
def test_a_level_told_beside_a_question_of_which_level_someone_needs_is_no_level_s_answer(component, text, guessed):
    """Which level someone needs, or whether they need one, is never answered with the details of the level they named."""
    assert _sure(component, text, guessed, 0.6, "level", "level 1") not in {"ask_hours", "ask_outcomes", "ask_competencies",
                                                                            "ask_induction", "ask_cohort", "ask_training"}


@pytest.mark.parametrize("text, guessed", [("No, I'm a bit confused", "deny"), ("no I'm the only one in the office who does that", "deny"),
                                           ("patient contact no", "deny")])
def test_an_answer_that_starts_with_a_yes_or_a_no_stays_one(component, text, guessed):
    assert _intent(component, text, guessed) == guessed


@pytest.mark.parametrize("text, guessed", [("no, only level 1", "deny"), ("yes, level 2 I think", "affirm")])
def test_a_yes_or_a_no_naming_a_level_stays_an_answer(component, text, guessed):
    assert _sure(component, text, guessed, 0.6, "level", "level 1") == guessed


@pytest.mark.parametrize("text, guessed", [("ofsted report on assistants year", "nlu_fallback"), ("lamb inquiry year", "affirm"),
                                           ("send tasters twitter followers", "inform"), ("senco provider approval period", "nlu_fallback"),
                                           ("children and families act part 3 date law", "inform")])
def test_a_search_box_query_ending_in_what_it_asks_of_a_thing_searches_the_documents(component, text, guessed):
    """"lamb inquiry year": a few words, no one speaking, ending in what is asked of a thing (its year, period, followers)."""
    assert _intent(component, text, guessed) == "ask_documents"


@pytest.mark.parametrize("text", ["twice a year", "a couple of times a year", "senco for 3 years", "lecturer in law", "september last year",
                                  "student nurse final year", "new SENCO this academic year", "caseworker in the SEN section",
                                  "manager for early years funding", "editor of the local offer website", "contact maybe once a school year"])
def test_an_answer_ending_in_a_length_of_time_or_a_title_ending_in_a_subject_is_no_search(component, text):
    assert _intent(component, text, "inform") != "ask_documents"


@pytest.mark.parametrize("text", ["practice manager at the trust, no contact with children at all. do i need level 2 too?",
                                  "assistant on the ward - surely level 1 is enough for me?", "nurse in outpatients, so just level 2 for me?"])
def test_a_job_told_with_a_level_offered_for_oneself_is_the_job(component, text):
    """The level offered to be checked is no level asked about: the job starts the level questions, which answer it."""
    at = text.casefold().index("level")
    message = Message({"text": text, "intent": {"name": "inform", "confidence": 0.6}, "intent_ranking": [{"name": "inform", "confidence": 0.6}],
                       "entities": [{"entity": "level", "start": at, "end": at + 7, "value": text[at: at + 7].title(), "extractor": "RegexEntityExtractor"}]})
    assert component.process([message])[0].get("intent")["name"] == "tell_role"


@pytest.mark.parametrize("text", ["reflection record headings appendix 2", "skills check sections for level 3", "cpd log template fields please"])
def test_a_few_words_naming_the_parts_of_something_the_guide_does_ask_about_it(component, text):
    """"reflection record headings appendix 2" asks what the record holds, not to start one."""
    assert _intent(component, text, "record_learning") != "record_learning"


@pytest.mark.parametrize("text", ["I'm a cleaner - what SEND training do I need to do?", "practice manager, what SEND training do i need",
                                  "What SEND training do I need? I'm a midwife.",
                                  "I'm a clinical psychologist in an adult team; I do assessments. What level do I need?"])
def test_a_job_told_with_the_training_asked_for_oneself_is_the_job(component, text):
    """The classifier's find_level, with the job in the same message: the job starts the level questions, so it is never
    asked again (a semicolon between clauses is prose, not code)."""
    assert _intent(component, text, "find_level") == "tell_role"


def test_code_is_no_job_whatever_it_asks(component):
    assert _intent(component, "nurse'; DROP TABLE events; -- what level do I need?", "find_level") != "tell_role"


@pytest.mark.parametrize("text", ["clinical coder at the trust. i code the records for children's admissions. what level send training do i need?",
                                  "Radiographer. I x-ray children in A&E including some with cerebral palsy. SEND level?",
                                  "I work in IT support. What SEND level do I need?"])
def test_a_job_the_catalogue_does_not_know_told_with_ones_own_level_asked_is_the_job(component, text):
    """Any answer to "what's your job?" is a job: told first, with the person's own level asked, it starts the questions."""
    assert _intent(component, text, "ask_documents") == "tell_role"


def test_a_year_group_the_extractor_took_for_a_level_is_no_level(component):
    text = "TA working one-to-one all day with a Year 3 boy who has an EHCP. Which SEND tier do I need?"
    at = text.index("Year 3")
    message = Message({"text": text, "intent": {"name": "ask_cohort", "confidence": 0.7}, "intent_ranking": [{"name": "ask_cohort", "confidence": 0.7}],
                       "entities": [{"entity": "level", "start": at, "end": at + 6, "value": "Year 3"},
                                    {"entity": "role", "start": 0, "end": 2, "value": "TA"}]})
    processed = component.process([message])[0]
    assert [e["entity"] for e in processed.get("entities")] == ["role"] and processed.get("intent")["name"] == "tell_role"


@pytest.mark.parametrize("text", ["new SENCO this academic year", "school nurse SEND link"])
def test_a_job_the_classifier_is_sure_of_stays_a_job_whatever_it_ends_in(component, text):
    assert _sure(component, text, "tell_role", 0.9, "role", text.split()[1]) == "tell_role"
    assert _sure(component, "senco provider approval period", "tell_role", 0.59) == "ask_documents"  # half sure: the search


@pytest.mark.parametrize("text", ["check skills for the communication section", "skills check on section 4", "log 2 hours on the assessment section",
                                  "export records in PDF format"])
def test_a_request_naming_a_part_of_what_to_do_stays_a_request(component, text):
    assert _intent(component, text, "record_learning") == "record_learning"


_WORK = ["I take blood from children in the outpatient clinic", "i type up the letters for the community paediatric team",
         "I'm on the front desk at a GP surgery", "I look after the building and grounds at a secondary school",
         "I work on security", "I do x-rays and MRI scans for children"]
_OWN_ASKS = ["which send level do i need", "What SEND training do I need?", "Which level of SEND training is right for me?",
             "What level am I?", "HR wants me to do SEND training, which one?"]


@pytest.mark.parametrize("work", _WORK)
@pytest.mark.parametrize("ask", _OWN_ASKS)
@pytest.mark.parametrize("guessed", ["ask_documents", "find_level", "nlu_fallback"])
def test_work_described_without_a_title_with_ones_own_level_asked_is_the_job(component, work, ask, guessed):
    """"I take blood from children in clinic, what level do I need?": what someone says they do is their job, told."""
    assert _intent(component, f"{work}. {ask}", guessed) == "tell_role"


@pytest.mark.parametrize("text", ["I think I need level 2. What does level 2 cover?", "I was told level 3 is for therapists. which level do i need?",
                                  "I manage the TAs at our primary. What level do they need?",
                                  "I look after the rotas for the ward. What does the framework say about induction?"])
def test_a_remark_that_is_no_work_or_a_question_of_something_else_tells_no_job(component, text):
    assert _intent(component, text, "ask_documents") == "ask_documents"


@pytest.mark.parametrize("text", ["practice manager. what's my SEND training level?", "practice nurse. level 2 or 3?", "staff nurse on nights. L2/3?",
                                  "work in catering, do i need SEND training?", "assistant, first month in the job. what SEND training do i do?",
                                  "midwife - do I follow the school tiers or the health levels?", "paeds nurse. lvl?", "midwife. what SEND training?",
                                  "I'm a paediatric dietitian in the community team. Allied health professionals are level 2 aren't they, so that's me?",
                                  "Practice nurse. We see a lot of children. What level does the framework put nurses at?",  # their own job again
                                  "midwife on the labour ward. I reckon I need level 2 like the nurses? just checking",  # compared
                                  "data manager what send tier/level am i",  # no comma between
                                  "My job title is 'SEND Administrator' at an NHS trust but I just book rooms. Which level do I actually need?",
                                  "I've just moved from staff nurse on an adult ward to the children's nursing team. What level do I need now?",
                                  "Physio in the NHS, never any children or young people. Do I still need level 3 because I'm a therapist?",
                                  "I'm the DSL at a primary. I don't teach. Someone said I'm tier 2 because DSL is a lead role. Right?",  # a reason
                                  "gp partner and i've got the clinical leadership role for send in our patch - am i still level 3 or higher?",
                                  "GP receptionist, I see children with SEND at the desk. Where can I do my SEND training online?",
                                  "GP receptionist, where can I do my SEND training please?"])  # where to
                                  # train is part of the level's answer
def test_ones_own_level_asked_in_other_words_after_a_job_tells_the_job(component, text):
    assert _intent(component, text, "find_level") == "tell_role"


def test_a_level_offered_as_enough_by_someone_describing_their_own_work_tells_the_job(component):
    """"HLTA in a special school, I cover classes ... Is tier 1 enough?": their own level to check, not a role's asked about."""
    text = "HLTA in a special school, I cover classes and run interventions every day. Is tier 1 enough?"
    message = Message({"text": text, "intent": {"name": "ask_role_training", "confidence": 0.9},
                       "intent_ranking": [{"name": "ask_role_training", "confidence": 0.9}],
                       "entities": [{"entity": "role", "start": 0, "end": 4, "value": "HLTA"},
                                    {"entity": "level", "start": text.index("tier 1"), "end": text.index("tier 1") + 6, "value": "Tier 1"}]})
    assert component.process([message])[0].get("intent")["name"] == "tell_role"


@pytest.mark.parametrize("text", ["I'm responsible for compliance, what level do our nurses need?", "I process the training requests, which course do I book for a new assistant?",
                                  "I work part time, how many hours do I need to do?", "I honestly don't know, which level do I need?",
                                  "I am on maternity leave, do I need to do the training?", "I start in September, which level do I need?",
                                  "I teach year 6, do I have to do the training before September?", "Hi, I'm a nurse. Which has more hours, level 2 or 3?",
                                  "Our new assistant has done level 1 - is that enough?", "Where can I do my SEND training online?",
                                  "SENCO - how do I get the training for our TAs?", "GP, where can I find the training budget?",
                                  "TA, where can I get the course dates?", "HLTA, where can I find a course on makaton?"])
def test_what_someone_says_in_passing_or_of_others_tells_no_job_of_theirs(component, text):
    """Work told only with the asker's own level asked, and no one else's job in the question."""
    assert _intent(component, text, "ask_documents") == "ask_documents"


@pytest.mark.parametrize("text, guessed", [("class teacher, what am i responsible for with my send pupils", "ask_responsibilities"),
                                           ("I've moved to a new school. What does the SENCO do?", "ask_responsibilities"),
                                           ("I'm a nurse, do i need to pay for the course myself?", "ask_documents"),
                                           ("Complete beginner what level do I need", "find_level"),
                                           ("I've moved my training to the spring, what level do I need?", "find_level")])
def test_a_job_with_a_question_of_something_else_keeps_the_question(component, text, guessed):
    """"class teacher, what am i responsible for": a question ("what am i" asks), not a statement of their work."""
    assert _intent(component, text, guessed) == guessed
