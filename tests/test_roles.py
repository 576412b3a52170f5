"""Role text as people type it, resolved to the catalogue."""
from __future__ import annotations

import re

import pytest

from knowledge.roles import MAX_ROLE_TEXT, RoleCatalogue, normalise_role
from knowledge.reading import is_question


@pytest.mark.parametrize("typed, role_id", [
    ("I'm a school nurse", "school-nurse"),
    ("i'm a phsyiotherapist", "physiotherapist"),
    ("physios", "physiotherapist"),
    ("SALT", "speech-and-language-therapist"),
    ("speech and langauge therapist", "speech-and-language-therapist"),
    ("OT", "occupational-therapist"),
    ("HV", "health-visitor"),
    ("deputy DHO", "deputy-dho"),
    ("DHO", "designated-health-officer"),
    ("Designated Clinical Officer", "designated-professional"),
    ("GP SEND lead", "gp-send-lead"),
    ("school nurse and SEND lead", "school-nurse"),
    ("senior childrens commisioning team", "childrens-commissioner"),
    ("speach and language therapist", "speech-and-language-therapist"),
    ("commissioning manager at the ICB", "commissioner"),
    ("GPs", "gp"),
    ("AHPs", "allied-health-professional"),
    ("TA supporting a pupil with an EHCP every day", "teaching-assistant"),
    ("I've just been appointed SENCO", "senco"),
    ("the SENCo", "senco"),
    ("head", "headteacher"),
    ("Children’s care navigator", "childrens-care-navigator"),
    ("SEND governor", "governor"),
])
def test_known_roles(guide, typed, role_id):
    assert guide.catalogue.resolve(typed).role.id == role_id


@pytest.mark.parametrize("typed", ["GP receptionist", "school nurse assistant", "SENCO administrator", "phsyio assistant",
                                   "TA manager", "trainee GP receptionist"])
def test_a_role_word_before_a_job_noun_describes_the_job(guide, typed):
    assert guide.catalogue.resolve(typed).role is None


@pytest.mark.parametrize("typed, not_role", [
    ("deputy SENCO", "senco"), ("assistant SENCO", "senco"), ("ex-SENCO", "senco"), ("former SENCO", "senco"),
    ("head of year", "headteacher"), ("head of department", "headteacher"), ("Head of Children's Therapies", "therapist"),
    ("assistant head", "headteacher"), ("trainee GP", "gp"), ("student physio", "physiotherapist"),
    ("ICB executive lead", "icb-executive-lead"), ("senior responsible officer", "send-senior-responsible-officer"),
    ("service lead", "cyp-service-lead"), ("specialist service manager", "cyp-specialist-service-manager"),
    ("childrens commissioning team", "childrens-commissioner"), ("clinical lead for SEND", "gp-send-lead"),
    ("continuing healthcare assessor", "continuing-care-assessor"), ("care navigator", "childrens-care-navigator"),
    ("office manager at a GP surgery", "gp"), ("principal physiotherapist", "headteacher"),
    ("I'm a receptionist, my wife is a SENCO", "senco"), ("paramedic. I used to be a teacher", "teacher"),
    ("I was a TA for years, now a cook", "teaching-assistant"), ("deputy speech and language therapist", "therapist"),
    ("ex-speech and language therapist, now a bus escort", "therapist"), ("ex-school governor, now a site manager", "governor"),
    ("HV elecrtician", "health-visitor"), ("princpial pharmacist", "headteacher"),
    ("lincs platform commissioned when", "commissioner"), ("the training commissioned for teachers", "commissioner"),  # a verb
    ("I line manage the school nurses", "school-nurse"), ("I oversee our health visitors", "health-visitor"),  # whom they manage
    ("I recruit GPs for the ICB", "gp"), ("I train the school nurses", "school-nurse"),
])
def test_words_that_change_who_is_meant_are_kept(guide, typed, not_role):
    assert not_role not in [r.id for r in guide.catalogue.resolve(typed).roles]


@pytest.mark.parametrize("typed, taken", [("Hi there, I'm the school business manager", "school business manager"),
                                          ("Morning all, paramedic on the ambulance", "paramedic"), ("paramedic here", "paramedic"),
                                          ("Morning team leader on the childrens ward", "team leader"),
                                          ("no wait I'm actually the exams officer now", "exams officer")])
def test_a_greeting_to_everyone_is_not_the_job(guide, typed, taken):
    assert guide.catalogue.resolve(typed).taken == taken


@pytest.mark.parametrize("typed, said", [
    ("school nurse and SEND lead", {"lead": "yes"}),
    ("I'm not the SEND lead", {}),
    ("deputy SEND lead", {}),
    ("nurse who leads on SEND", {"lead": "yes"}),
    ("SENCO, newly appointed", {"new-senco": "yes"}),
    ("SENCO for four years", {}),  # time in post: the award question asks the time before it
    ("experienced SENCO", {"new-senco": "no"}),
    ("im a GP with clinical leadership for send in our area", {"lead": "yes"}),  # what they do, though after "with"
    ("physio with responsibility, leading on SEND for the trust", {"lead": "yes"}),
    ("im a nurse and i work with the SEND lead", {}),
    ("I'm a TA working with the SEND lead", {}),
    ("Outpatients receptionist - I only have very occasional contact with young people with SEND", {"contact": "some"}),
    ("porter, I rarely see children with SEND", {"contact": "some"}),
    ("payroll officer at the trust, no contact with patients or children at all", {"contact": "none"}),
    ("I've just been made SENCO at our primary, it's my first time doing the role", {"new-senco": "yes"}),
    ("SENCO, never done the role before", {"new-senco": "yes"}),
    ("Just been made SENCO at our primary, first time I've ever done the role", {"new-senco": "yes"}),
    ("SENCO - the first time I've done the role was 2015", {}),  # when it began, not that it is new
    ("gp partner and i've got the clinical leadership role for send in our patch", {"lead": "yes"}),
    ("GP receptionist, I see children with SEND at the desk", {"contact": "some"}),  # contact, however small
    ("receptionist, I talk to kids with autism most days", {"contact": "some"}),
    ("receptionist, I don't see children with SEND", {"contact": "none"}),
    ("receptionist, my manager sees children with SEND", {}),  # someone else's work
    ("GP receptionist - would I need level 2 if I see children with SEND?", {}),  # what if, not what is
    ("GP receptionist, I can't say I see children with SEND", {}),
    ("psychiatrist in adult services, I see patients with autism", {}),  # patients may be adults
    ("GP, is there a leadership role for send I could take on?", {}),  # a role wished for, not held
    ("GP, I would like a leadership role for SEND one day", {}),
    ("I'm a GP in a clinical leadership role for SEND", {"lead": "yes"}),
    ("I'm a receptionist at a children's hospital and I see patients with SEND", {"contact": "some"}),  # SEND: 0 to 25
    ("GP, I'm applying for a leadership role for send", {}),
])
def test_what_people_say_of_themselves_is_kept(guide, typed, said):
    assert dict(guide.catalogue.resolve(typed).said) == said


@pytest.mark.parametrize("typed", ["SENCO for four years", "8 months", "since september"])
def test_words_read_only_as_an_answer_count_only_when_answering(guide, typed):
    answer_only = {x.fact for x in guide.kb.wording.said if x.answer_only}
    assert answer_only and not answer_only & set(guide.catalogue.resolve(typed).said)
    assert answer_only & set(guide.catalogue.resolve(typed, answering=True).said)


@pytest.mark.parametrize("typed", ["podiatrist. I cover for the school nurse", "deputy school nurse", "trainee school nurse",
                                   "caretaker, my wife is a school nurse"])
def test_someone_elses_role_is_not_a_workplace(guide, typed):
    match = guide.catalogue.resolve(typed)
    assert match.sector_hint is None and match.role is None, (match.sector_hint, match.role)


def test_a_fact_is_kept_with_the_persons_own_words(guide):
    match = guide.catalogue.resolve("porter, I work with children with SEND every day")
    assert match.said == {"contact": "regular"} and match.quotes == {"contact": "I work with children with SEND every day"}
    assert guide.catalogue.resolve("caretaker, I see the kids every day, I support the SEND lead").said == {}


@pytest.mark.parametrize("typed, sector", [
    ("receptionist at a GP surgery", "health"),
    ("I work in a hospital as a porter", "health"),
    ("cook at a primary school", "school"),
    ("admin in a nursery", "early-years"),
    ("receptionist", None),
    ("I work in the finance team of an NHS trust", "health"),
    ("assistant in a day nursery", "early-years"),
    ("lecturer at a sixth form college", "college"),
    ("receptionist at a surgery", "health"),
    ("cleaner, my last school", None),
    ("cleaner at a school and a hospital", None),
    ("I'm a call handler for the ambulance service", "health"),
    ("receptionist in the community dental service", "health"),
    ("I work in estates at an NHS community trust", "health"),
    ("I'm on reception at a GP surgery", "health"),
    ("receptionist at the ICB's offices", "health"),
    ("gp receptionist, sees send kids now and then", "health"),  # a receptionist at a GP practice
    ("I used to be a GP receptionist, now I'm a school receptionist", "school"),
    ("medical secretary for the community paediatric team", "health"),
    ("Admin assistant, recently moved to the NHS", "health"),
    ("I'm a dinner lady - is the hospital's SEND training the same as ours?", None),  # another organisation's training
    ("I'm the cook at our primary", "school"), ("science technician in a secondary", "school"),
    ("I teach three days a week in our small village primary", "school"), ("receptionist in primary care", "health"),
    ("porter in secondary care", "health"),  # a longer workplace wins over a word that names one only after "at", "in"...
    ("I work in the procurement team at the trust", "health"), ("I clean the children's outpatient department", "health"),
    ("I write the health advice when the council asks", None), ("I let the local authority know when a child might have SEND", None),
    ("I see babies before school age", None), ("accountant for the children's division of our acute trust", "health"),
    ("data officer at the ICB, I share data with the local authority", "health"),
    ("learning support officer at a college, I work on transition from schools", "college"),  # where they are, not what they work with
    ("I work with the NHS trust", "health"), ("cleaner at a school and a hospital", None),
    ("I'm a counsellor for secondary age young people", None), ("porter in secondary mental health services", "health"),
    ("Our GP surgery wants everyone on level 1. I'm a receptionist and I liaise with schools", "health"),  # their own place acts
    ("receptionist at the hospital, ages 0 to 18", "health"), ("I'm a play worker for primary aged children", None), ("I work in the health visiting team (NHS, not a nursery!)", "health"),  # a place that acts, is told or is no place is not where the person works
])
def test_a_workplace_gives_the_sector_not_the_role(guide, typed, sector):
    match = guide.catalogue.resolve(typed)
    assert match.role is None and match.sector_hint == sector


@pytest.mark.parametrize("typed, role_id, sector", [
    ("school nurse based in a secondary school", "school-nurse", "school"),
    ("nursery nurse in the health visiting team", "nursery-nurse", "health"),
    ("SEND lead at a primary school", "health-send-lead", "school"),
    ("nursery nurse", "nursery-nurse", None),
    ("health visitor, I flag possible SEND to the local authority", "health-visitor", None),  # where concerns go, not where they work
    ("I've just been appointed as the ICB's exec lead for SEND", "icb-executive-lead", "health"),
])
def test_a_named_workplace_is_kept_beside_the_role(guide, typed, role_id, sector):
    match = guide.catalogue.resolve(typed)
    assert (match.role.id, match.sector_hint) == (role_id, sector)


ODD = ["", "   ", "🙂🙂", "<script>alert(1)</script>", "'; DROP TABLE kb_role; --",
       "I work " + "very " * 5000 + "hard", "infirmière scolaire", "\x00\x1f", "paramedic"]


@pytest.mark.parametrize("typed", ODD, ids=range(len(ODD)))
def test_odd_text_resolves_to_nothing_without_error(guide, typed):
    assert guide.catalogue.resolve(typed).role is None


def test_very_long_text_is_cut_before_matching():
    assert len(normalise_role("a " * 10_000)) <= MAX_ROLE_TEXT


def test_a_fuzzy_match_needs_a_close_spelling(kb):
    catalogue = RoleCatalogue(kb.roles, kb.wording)
    assert catalogue.resolve("physiology student").role is None
    assert catalogue.resolve("theatre nurse").role is None


@pytest.mark.parametrize("typed, taken", [
    ("receptionist, I book appointments for the GPs", "receptionist"),
    ("admin in the ICB SEND team, I support the SEND lead", "admin"),
    ("rehab assistant working alongside the physiotherapists", "rehab assistant"),
    ("I work in a hospital as a porter", "porter"),
    ("Hi, I'm the new cook", "new cook"),
    ("sorry, I'm actually a midwife", "midwife"),
    ("Bus escort on SEN transport for the county council", "Bus escort"),
    ("i'm a phsyiotherapist", "Physiotherapist"),
    ("no, I'm a TA not a teacher", "Teaching assistant"),
    ("I work in estates at an NHS trust and never see patients", "estates"),
    ("I'm on reception at a GP surgery", "reception"),
    ("HR told me Level 2. I'm a hospital chaplain and I visit the children's ward. Have they got it right?", "hospital chaplain"),
    ("data manager what send tier/level am i", "data manager"),  # the question is no part of the job
    ("Last year I was a library assistant but this September I moved to be a data officer", "data officer"),  # the job moved to
])
def test_the_role_taken_is_the_head_of_their_own_words(guide, typed, taken):
    assert guide.catalogue.resolve(typed).taken == taken


@pytest.mark.parametrize("typed, correction", [
    ("sorry, I'm actually a midwife", True), ("no, I work as a porter", True), ("I got that wrong, I'm a TA", True),
    ("nobody told me", False), ("porter", False), ("I'm a midwife", False),
])
def test_a_correction_is_recognised_by_how_it_starts(typed, correction):
    from knowledge.roles import corrects

    assert corrects(typed) is correction


def test_a_correction_is_not_read_as_none_of_these(guide):
    from knowledge.reading import read_answer

    question = guide.kb.question("involvement", "health")
    assert read_answer(question.options, "involvement", "no, I'm a midwife", guide.catalogue) is None
    assert read_answer(question.options, "involvement", "no", guide.catalogue).value == "none"


@pytest.mark.parametrize("typed, therapist", [("SLT at the NHS trust", True), ("SALT", True), ("SLT", False),
                                              ("SLT at a secondary school", False), ("member of SLT", False)])
def test_slt_is_a_speech_and_language_therapist_only_where_the_words_say_health(guide, typed, therapist):
    roles = [r.id for r in guide.catalogue.resolve(typed).roles]
    assert ("speech-and-language-therapist" in roles) is therapist, roles


@pytest.mark.parametrize("text, asks", [
    ("exam access arrangements - is that the senco's job", True), ("new starter: when do i need level 1 by", True),
    ("how many hours", True), ("induction tier?", True), ("school nurse - I see kids daily", False),
    ("dinner lady, do see the kids every day", False), ("teaching assistant in year 3", False), ("when's the first content uploaded", True),
    ("if a child has a TA who's accountable for their progress", True), ("if the child has an EHCP how is it funded", True),
    ("if I'm a TA who supports pupils with SEND", False), ("if needed", False),
    ("senco stands for", True), ("EHCP meaning", True), ("shoud the senco be on SLT", True), ("wat is the local offer", True),
    ("HLTA, which means I have a class some afternoons", False), ("senco for the trust", False),
    ("TA in the SEMH base, whatever that means", False),
])
def test_a_question_is_read_in_any_clause_after_a_dash_or_colon(text, asks):
    assert is_question(text) is asks


@pytest.mark.parametrize("context", ["procurement asked", "new head here", "Need to put it in our training matrix."])
@pytest.mark.parametrize("question", ["under what regs was the platform commissioned?", "what are the refresher requirements?"])
def test_the_part_of_a_message_that_asks_is_the_question_without_what_is_said_around_it(context, question):
    from knowledge.asking import asking_part

    said = f"{question} {context}" if context.endswith(".") else f"{context} - {question}"
    assert asking_part(said) == question


@pytest.mark.parametrize("text", ["exam access arrangements - is that the senco's job", "L1 outcomes pls - need them for the pack",
                                  "Annual reviews - what's my role as SENCO?", "Safeguarding and SEND - what must governors check?",
                                  "the local offer: what is it?", "how many hours", "what are the tiers? who are they for?"])
def test_a_question_that_points_back_at_what_was_said_or_names_its_subject_before_it_is_kept_whole(text):
    from knowledge.asking import asking_part

    assert asking_part(text) == text


@pytest.mark.parametrize("job", ["Careers adviser at a secondary.", "Parent carer forum rep -", "School business manager here."])
@pytest.mark.parametrize("question, after", [
    ("What outcomes did the DfE develop for planning for adult life?", ""),
    ("what is the east sussex framework actually for?", " my manager wants me to use it in supervision"),
    ("what are the refresher requirements?", " Need it for our matrix."),
    ("in an FE college who oversees SEND provision?", " just started as learning support assistant there"),
])
def test_a_job_told_before_a_question_and_why_it_is_asked_after_it_are_not_what_it_asks_about(kb, job, question, after):
    """"Careers adviser at a secondary. What outcomes did the DfE develop?": the job is who asks; what they say of
    themselves after the question is what the answer is for."""
    from knowledge.asking import without_the_asker

    assert without_the_asker(f"{job} {question}{after}", (*kb.wording.job_words, *kb.wording.job_nouns)) == question


@pytest.mark.parametrize("text", ["TA here - what is the role in annual reviews?", "Governor. What are our duties?",
                                  "Which level applies? Hospital porter.", "What is the refresher period? Asked because of the Level 2 HCAs.",
                                  "No SENCO here - who should lead the training?", "What is the refresher period? Asking for our HCAs.",
                                  "A candidate doesn't meet the entry requirements for our SENCO programme. What should the provider do?",
                                  "I work in early years. What does the SENCO do?", "annual reviews - what does the TA do?",
                                  "Governors, what must they check?", "TA, what is my role?", "HCAs at level 2, how many hours?",
                                  "SENCO: what are the duties?", "SENCO, what are the learning outcomes?",
                                  "Health visitor, how many hours of training are needed?", "TA in year 3, what level?"])
def test_a_question_about_the_asker_or_the_case_told_before_it_keeps_what_is_said(kb, text):
    from knowledge.asking import without_the_asker

    assert without_the_asker(text, (*kb.wording.job_words, *kb.wording.job_nouns)) == text


@pytest.mark.parametrize("text, phrase", [("what does 'achievement' mean in the senco spec", "achievement"),
                                          ('what is "SMART"?', "SMART"), ("what's the senco's job", None),
                                          ("it's the teachers' job", None), ("what does \u2018provision mapping\u2019 mean", "provision mapping")])
def test_a_word_put_in_quotes_is_what_a_question_asks_about(text, phrase):
    from knowledge.reading import quoted

    assert quoted(text) == phrase


def test_a_level_lists_only_roles_the_documents_place_there_and_the_disputed_under_their_note(kb):
    """No role quoted from another level's row is listed as placed ("GP" at Level 4, therapists at Level 2)."""
    from knowledge import lookup
    from knowledge.roles import normalise_role

    def rows(level):
        return [normalise_role(q) for q in (level.cohort.citation.quote, *(m.citation.quote for m in level.members))]

    for level in kb.levels:
        data = lookup.cohort(kb, level.name)
        for placed in data["roles"]:
            quote = normalise_role(placed["cite"]["quote"])
            elsewhere = [other.name for other in kb.levels if other != level and any(quote in r for r in rows(other))]
            assert not elsewhere or any(quote in r for r in rows(level)), (level.name, placed["role"], elsewhere)
        noted = {name for d in data["disputed"] for name in d["roles"]}
        assert not noted & {r["role"] for r in data["roles"]}
        for d in data["disputed"]:
            tension = next(t for t in kb.tensions if t.title == d["note"])
            assert level.id in tension.levels and d["cite"]
    level4 = lookup.cohort(kb, "Level 4")
    assert "GP" not in {r["role"] for r in level4["roles"]} and any("GP" in d["roles"] for d in level4["disputed"])


@pytest.mark.parametrize("text, roles", [
    ("new to the role of SENCO", ["SENCO"]), ("recently appointed to the role of SENCO", ["SENCO"]),
    ("I took on the role of SENCO this year", ["SENCO"]), ("teacher with SENCO responsibilities", ["teacher", "SENCO"]),
    ("TA with SENCO duties", ["TA", "SENCO"]), ("Teacher, completing SENCO training", ["Teacher", "SENCO"]),
    ("in an early years SENCO role", ["SENCO"]), ("my SENCO role", ["SENCO"]),
])
def test_a_job_told_with_a_role_word_beside_it_is_still_a_job(text, roles):
    from knowledge.reading import asks_about_a_role

    spans = [(text.index(r), text.index(r) + len(r)) for r in roles]
    assert not asks_about_a_role(text, spans)


@pytest.mark.parametrize("text", ["teaching assistant - who works 1:1 with a child with autism", "school nurse: who sees SEND kids weekly",
                                  "SENCO - which I've been for 3 years", "nurse: do see children sometimes", "physio - can be daily"])
def test_a_clause_after_a_dash_that_is_not_shaped_as_a_question_does_not_make_one(text):
    assert not is_question(text)


@pytest.mark.parametrize("typed", ["im a GP with clinical leadership for send in our area", "GP, clinical leadership of SEND",
                                   "GP with clinical leadership in SEND"])
def test_a_gp_who_says_they_lead_on_send_gets_at_least_the_level_the_documents_give_gps_with_that_leadership(guide, kb, typed):
    from knowledge.rules import Determination, Profile

    lead = next(r for r in kb.roles if r.name.casefold().startswith("gp with clinical leadership"))
    outcome = guide.decide(Profile(typed))
    got = outcome.level if isinstance(outcome, Determination) else outcome.floor
    assert got is not None and got.framework == "health" and got.rank >= kb.level(lead.level).rank


def test_every_short_form_of_a_role_names_it_in_the_plural_too(guide, kb):
    short = [(a, r.id) for r in kb.roles for a in (r.name, *r.aliases) if re.fullmatch(r"[A-Z]{2,6}", a)]
    assert len(short) >= 5
    for alias, role_id in short:
        assert guide.catalogue.resolve(f"how many hours do {alias}s need").role.id == role_id, alias


def _negated(label):
    """An option's own words denied: "I contribute to ..." as "I don't contribute to ...", "I have ..." as "I don't have ..."."""
    return re.sub(r"^I (?:hold|lead|contribute|have)\b", lambda m: f"I don't {m.group(0)[2:]}", label)


def test_an_option_s_own_words_denied_never_pick_it(guide):
    """Whatever else a clause with "don't" in it names, it says nothing the person does."""
    from knowledge.reading import read_answer

    for question in (q for q in guide.kb.questions if q.asks == "involvement"):
        for option in (o for o in question.options if o.level):
            picked = read_answer(question.options, "involvement", _negated(option.label), guide.catalogue, question.framework)
            assert picked is None or picked.level != option.level and picked.value != option.value, (option.label, picked)


@pytest.mark.parametrize("typed, not_picked", [
    ("well i lead the team day to day but SEND policy is done by our service manager, not me", "lead"),
    ("I lead the team day to day, the SEND stuff is my manager's job", "lead"),
    ("band 7, not senior. our head of commissioning leads on SEND", "lead"),
    ("i do obs and feeding, the nurses do the care plans", "assess"),
    ("I don't contribute to assessing or planning", "assess"),
])
def test_someone_else_s_work_or_work_denied_is_not_the_person_s(guide, typed, not_picked):
    from knowledge.reading import read_answer

    question = guide.kb.question("involvement", "health")
    picked = read_answer(question.options, "involvement", typed, guide.catalogue)
    assert picked is None or picked.value != not_picked


@pytest.mark.parametrize("typed, framework, picked", [
    ("no assessing, just contact", "health", "contact"),  # each clause read on its own
    ("the kids on my ward, every day", "health", "contact"),  # the children are not someone else doing the work
    ("no contact with patients but i read through the paeds notes to code them", "health", "contact"),  # their records
    ("yes im with her all day every day supporting her learning", "schools", "assess"),  # continuous, direct, educating
    ("I lead the team day to day, the SEND stuff is my manager's job", "health", "none"),  # leading a team is not leading on SEND
    ("i write their health care plans and do their feeds, sometimes adjusting for them", "schools", "contact"),  # not educating
])
def test_an_answer_in_the_person_s_words_picks_what_they_do(guide, typed, framework, picked):
    from knowledge.reading import read_answer

    question = guide.kb.question("involvement", framework)
    assert read_answer(question.options, "involvement", typed, guide.catalogue, framework).value == picked


@pytest.mark.parametrize("typed", ["no, my trainer is the practice lead for SEND, I just see patients",
                                   "our head of commissioning leads on SEND", "band 7, not senior. our head of commissioning leads on SEND"])
def test_someone_else_s_send_role_is_not_the_person_s(guide, typed):
    found = guide.catalogue.resolve(typed)
    assert "lead" not in found.said and not any(r.level == "level-4" for r in found.roles), (found.said, found.roles)


@pytest.mark.parametrize("typed", ["veterinary nurse", "ex-nurse, now a swimming coach", "student nurse"])
def test_a_profession_word_that_is_not_the_person_s_profession_is_not_theirs(guide, typed):
    assert guide.catalogue.resolve(typed).profession is None


@pytest.mark.parametrize("typed", ["i'm a nurse, i work in a special school", "orthoptist, I do vision assessments in special schools",
                                   "healthcare assistant in a school"])
def test_a_health_profession_the_catalogue_does_not_name_is_health_staff_wherever_it_works(guide, typed):
    """The workplace named is kept; the profession is kept beside it, for the rules to weigh."""
    found = guide.catalogue.resolve(typed)
    assert found.profession == "health" and found.sector_hint == "school" and not found.roles
    assert guide.catalogue.resolve(typed.split(",")[-1].replace("healthcare assistant", "caretaker")).profession is None


@pytest.mark.parametrize("text, role", [("early years SENCO role", "SENCO"), ("headteacher role?", "headteacher"), ("HLTA remit", "HLTA"),
                                        ("email address for the DHO", "DHO"), ("phone number of our SENCO", "SENCO")])
def test_a_role_named_with_role_after_it_and_nothing_else_asks_about_the_role(text, role):
    from knowledge.reading import asks_about_a_role

    assert asks_about_a_role(text, [(text.index(role), text.index(role) + len(role))])


@pytest.mark.parametrize("typed, places", [("SENCo in a pre-school", {"early-years"}), ("preschool", {"early-years"}),
                                           ("a primary school", {"school"}),
                                           ("I work in a nursery school", {"school", "early-years"})])  # (003 names nursery schools with schools)
def test_a_place_whose_name_holds_school_is_the_one_it_names(guide, typed, places):
    from knowledge.reading import sectors_named

    assert sectors_named(typed, guide.catalogue) == places


@pytest.mark.parametrize("question, asks", [
    ("if someone only has very occasional contact with CYP with SEND what's the minimum level they need", True),
    ("what level do staff need if they see SEND kids now and then?", True),
    ("what level does a teacher in a primary school need?", False),  # a job: its own level
    ("what level does a council worker with occasional contact need?", False),  # a workplace: its own answer
    ("in a hospital, what level does someone with occasional contact need?", False),
    ("who runs the lvl 5 training - is it the council for disabled children like the lower levels?", False),  # who, not how
    ("how do I record my learning for level 3?", False),  # a level named
])
def test_a_level_is_asked_of_someone_s_involvement_alone_only_with_no_job_place_or_level_named(guide, kb, question, asks):
    from knowledge.asking import asks_level_for_involvement

    assert asks_level_for_involvement(question, kb, guide.catalogue) is asks


@pytest.mark.parametrize("question, after, kept", [
    ("What are the competency areas in the East Sussex framework?", " I've only got a printed copy with half the pages missing.", False),
    ("how many weeks is the planning process in section 4?", " the office is freezing today btw", False),
    ("how many followers did the tasters get?", " and the avg views per video", True),
    ("What is the refresher period?", " Asked because of the Level 2 HCAs.", True),
    ("what's the deadline?", " for new starters", True),
])
def test_an_aside_after_the_last_question_is_not_what_it_asks_about(kb, question, after, kept):
    """What someone says after their question that names no level, job or place, and asks nothing more, is an aside."""
    from knowledge.asking import without_the_asker

    said = without_the_asker(f"{question}{after}", (*kb.wording.job_words, *kb.wording.job_nouns))
    assert said == (f"{question}{after}" if kept else question)


@pytest.mark.parametrize("job", ["special school HLTA,", "Programme leader:", "receptionist at a primary school,"])
@pytest.mark.parametrize("question", ["who is the lead agency for the SEND Alliance?", "What outcomes did the DfE develop for planning for adult life?",
                                      "when was the lincolnshire SEND learning platform commissioned?"])
def test_a_job_before_a_comma_or_colon_is_who_asks_a_question_with_a_subject_of_its_own(kb, job, question):
    """"special school HLTA, who is the lead agency for the SEND Alliance?": the job is who asks; "SENCO, what are the
    learning outcomes?" keeps it (the question has no subject but the job)."""
    from knowledge.asking import without_the_asker

    assert without_the_asker(f"{job} {question}", (*kb.wording.job_words, *kb.wording.job_nouns)) == question


def test_a_team_the_person_says_they_are_not_in_is_not_their_role(guide, kb):
    """"a commissioner for community services. I'm not in the senior children's commissioning team": the commissioner."""
    match = guide.catalogue.resolve("I work at the ICB as a commissioner for community services. I'm not in the senior children's commissioning team.")
    assert [r.name for r in match.roles] == [next(r.name for r in kb.roles if r.name.casefold() == "commissioner")]


def test_a_place_someone_takes_others_to_is_not_where_they_work(guide):
    assert guide.catalogue.resolve("TA, I take pupils to outpatients appointments").sector_hint is None


def test_the_job_left_is_not_the_role_and_a_place_called_our_own_is_the_workplace(guide):
    """"moved from teaching assistant to ...": the job left is not theirs; "our school's receptionist": a school."""
    assert guide.catalogue.resolve("I've just moved from teaching assistant to the office team").role is None
    assert guide.catalogue.resolve("I'm a teaching assistant in the office team").role is not None
    assert guide.catalogue.resolve("I'm our school's receptionist").sector_hint == "school"
    assert guide.catalogue.resolve("I run the hospital's training team").sector_hint is None  # (an organisation's, not ours)


@pytest.mark.parametrize("typed", ["staff nurse on a ward for over-65s - no children or young people",
                                   "physio, I only treat people over 65, never any children or young people",
                                   "SEND administrator but I just book rooms - nothing to do with children or young people",
                                   "TA on paper but I don't support any pupils with SEND"])
def test_no_children_said_is_no_contact(guide, typed):
    assert guide.catalogue.resolve(typed).said.get("contact") == "none"


@pytest.mark.parametrize("typed", ["TA, no children with SEND in my class this year but I cover other classes", "receptionist, I have no children myself",
                                   "teacher, I don't support any pupils with EHCPs directly", "SENCO, don't treat kids as a label"])
def test_no_children_in_another_sense_says_nothing_of_contact(guide, typed):
    assert guide.catalogue.resolve(typed).said.get("contact") is None


@pytest.mark.parametrize("typed, taken", [("Practice nurse. I moved to the UK last year", "Practice nurse"), ("phlebotomist, now I'm confused about tiers", "phlebotomist"),
                                          ("Level 3 nurse on paeds. what do i need?", "Level 3 nurse"), ("Nurse, told level 2. What do I need?", "Nurse")])
def test_a_move_or_a_level_that_is_no_new_job_leaves_the_job_told(guide, typed, taken):
    assert guide.catalogue.resolve(typed).taken == taken


def test_a_place_called_our_own_gives_way_to_where_the_person_works(guide):
    assert guide.catalogue.resolve("community nurse at the trust, our school's SENCO referred a child").sector_hint == "health"


@pytest.mark.parametrize("typed, assesses", [
    ("paeds physio at the child development centre, assess and treat kids w cerebral palsy", True),
    ("paeds dietitian in a community team, i assess kids with complex needs and write their feeding plans", True),
    ("community children's nurse, i write the care plans for children with complex needs", True),
    ("SN in a special school, i write the health care plans for the pupils", False),  # (in a school, the tiers are for educating)
    ("hca on the paeds ward, i see their notes but dont assess or plan anything for kids with send", False),
    ("TA, I help the SENCO assess children with SEND", False), ("porter, i take kids with send to be assessed", False),
    ("I want to assess children with SEND one day", False), ("school nurse, I assess children", False)])  # (no SEND said)
def test_assessing_or_planning_for_cyp_with_send_said_as_ones_own_work_is_read(guide, typed, assesses):
    """What the person says they do, of children with SEND, puts them in the cohort that assesses and plans; not what
    others do, what they want to do, assessing said with no SEND, or in a school (whose tier is for educating them)."""
    assert (guide.catalogue.resolve(typed).said.get("assess") == "yes") is assesses
