"""The rules, case by case from the documents: levels, tiers, tensions, silences, the SENCO award."""
from __future__ import annotations

import pytest

from knowledge import lookup
from knowledge.answers import to_dict
from knowledge.rules import InvalidAnswer, NextQuestion, Profile
from knowledge.schema import SECTORS
from knowledge.sources import normalise
from tests.rules_helpers import interview

NO = {"sector": "health", "contact": "none", "assess": "no", "lead": "no", "designated": "no", "confidential": "no", "new-senco": "no"}


def truth(**answers: str) -> dict[str, str]:
    return {**NO, **{k.replace("_", "-"): v for k, v in answers.items()}}


# role typed, answers the person would give, expected level id, questions asked in order
I = "involvement"
CASES = [
    ("DHO", truth(), "level-5", []),
    ("deputy DHO", truth(), "level-5", []),
    ("Designated Health Officer for SEND", truth(), "level-5", []),
    ("school nurse", truth(), "level-3", [I]),
    ("school nurse", truth(lead="yes"), "level-4", [I]),
    ("HV", truth(designated="yes"), "level-5", [I]),
    ("continuing care assessors", truth(), "level-3", [I]),
    ("GP", truth(), "level-3", [I]),
    ("GP", truth(lead="yes"), "level-4", [I]),
    ("commissioner", truth(), "level-3", [I]),
    ("commissioning manager", truth(lead="yes"), "level-4", [I]),
    ("children's commissioner", truth(), "level-4", [I]),
    ("senior childrens commisioning team", truth(), "level-4", [I]),
    ("GP with clinical leadership in SEND", truth(), "level-4", [I]),
    ("allied health professional", truth(), "level-2", [I]),
    ("AHP", truth(assess="yes"), "level-3", [I]),
    ("i'm a phsyiotherapist", truth(assess="yes"), "level-3", [I]),
    ("SALT", truth(), "level-2", [I]),
    ("children's care navigator in a PCN", truth(), "level-2", [I]),
    ("childrens care navigator", truth(lead="yes"), "level-4", [I]),
    ("care navigator", truth(), "level-1", [I]),
    ("care navigator", truth(contact="some"), "level-2", [I]),
    ("SEND champion", truth(), "level-4", [I]),
    ("ICB Executive Lead for SEND", truth(), "level-4", [I]),
    ("ICB executive lead", truth(), "level-1", [I]),
    ("Senior Responsible Officer for SEND", truth(), "level-4", [I]),
    ("Designated Clinical Officer", truth(), "level-1", [I]),
    ("Designated Clinical Officer", truth(designated="yes"), "level-5", [I]),
    ("I manage SEND correspondence", truth(), "level-2", ["sector", I]),
    ("non-clinical manager", truth(), "level-1", [I]),
    ("practice manager", truth(confidential="yes"), "level-2", [I]),
    ("receptionist at a GP surgery", truth(), "level-1", [I]),
    ("receptionist at a GP surgery", truth(contact="some"), "level-2", [I]),
    ("receptionist at a GP surgery", truth(confidential="yes"), "level-2", [I]),
    ("porter in a hospital", truth(assess="yes"), "level-3", [I]),
    ("GP receptionist", truth(contact="some"), "level-2", [I]),  # a receptionist at a GP practice: health services
    ("hospital manager", truth(lead="yes"), "level-4", [I]),
    (None, truth(designated="yes"), "level-5", ["sector", I]),
    ("teacher", truth(sector="school", assess="yes"), "tier-2", ["sector", I]),  # teachers teach outside schools too
    ("teacher", truth(sector="school", contact="some"), "tier-1", ["sector", I]),
    ("primary school teacher", truth(sector="school", contact="some"), "tier-1", [I]),
    ("swimming teacher at the leisure centre", truth(sector="elsewhere", assess="yes"), None, ["sector"]),
    ("TA supporting a pupil with an EHCP every day", truth(sector="school", contact="regular"), "tier-1", [I]),
    ("teaching assistant", truth(sector="school"), "introductory", [I]),
    ("headteacher", truth(sector="school", assess="yes"), "tier-2", [I]),
    ("I've just been appointed SENCO", truth(sector="school", new_senco="yes"), "tier-2", ["sector"]),
    ("SENCo at a school", truth(sector="school"), "tier-2", ["new-senco"]),
    ("SENCO at a school, newly appointed", truth(sector="school", new_senco="yes"), "tier-2", []),
    ("office manager", truth(sector="school"), "introductory", ["sector", I]),
    ("SEND lead at a primary school", truth(sector="school", assess="yes"), "tier-2", [I]),
]


@pytest.mark.parametrize("role, answers, level, asked", CASES)
def test_case(guide, role, answers, level, asked):
    got_asked, result = interview(guide, role, answers)
    assert (result.level.id if result.level else None, got_asked) == (level, asked)


def test_every_level_and_tier_is_reached(kb):
    assert {case[2] for case in CASES} - {None} == {lv.id for lv in kb.levels}


def test_a_named_role_is_decided_by_the_cohort_that_names_it(guide):
    _, result = interview(guide, "school nurse", truth())
    assert "school nurses" in normalise(result.reasons[0].citation.quote)
    assert result.reasons[0].citation.section == "SEND Training Requirements for All Staff and Healthcare Professionals"


@pytest.mark.parametrize("role, answers, tension", [
    ("physiotherapist", truth(), "ahp-or-therapist"),
    ("allied health professional", truth(assess="yes"), "ahp-or-therapist"),
    ("children's care navigator", truth(), "care-navigator-lead"),
    ("care navigator", truth(), "care-navigator-children"),
    ("senior manager at an NHS trust", truth(), "senior-managers-lead"),
    ("Designated Medical Officer", truth(), "designated-professionals"),
    ("commissioner", truth(), "commissioner-lead"),
    ("GP", truth(), "gp-leadership"),
    ("non-clinical manager", truth(), "non-clinical-manager-contact"),
])
def test_a_tension_is_asked_about_and_explained(guide, role, answers, tension):
    first = guide.decide(Profile(role))
    assert isinstance(first, NextQuestion) and first.because.id == tension
    _, result = interview(guide, role, answers)
    assert tension in [note.id for note in result.notes]


@pytest.mark.parametrize("role, answers, notes", [
    ("receptionist at a GP surgery", truth(contact="some"), {"level-2-confidential", "clinical-contact", "hours-add-up", "induction-only-level-1"}),
    ("physiotherapist for adults", truth(), {"ahp-or-therapist", "children-and-adults"}),
    ("school nurse", truth(), {"hours-add-up", "induction-only-level-1"}),
    ("teacher", truth(sector="school"), {"introductory-two-names", "tiers-no-hours"}),
    ("teacher", truth(sector="school", assess="yes"), {"tiers-no-hours", "tier-2-no-areas"}),
])
def test_silences_and_tensions_are_stated_with_the_answer(guide, role, answers, notes):
    _, result = interview(guide, role, answers)
    assert {note.id for note in result.notes} == notes


@pytest.mark.parametrize("role, sector, silence, topic", [
    ("governor", None, "governors-no-tier", "governing-boards"),
    ("nursery practitioner", None, "early-years-no-level", "early-years-settings"),
    ("SENCO", "early-years", "early-years-no-level", "senco"),
    ("SENCO", "college", "college-no-level", "senco"),
    ("SEND caseworker", None, "local-authority-no-level", "supervision"),
])
def test_where_the_documents_set_no_level_the_answer_says_so(guide, role, sector, silence, topic):
    _, result = interview(guide, role, truth(sector=sector or "health"), given={"sector": sector} if sector else None)
    assert result.level is None
    assert [note.id for note in result.notes] == [silence]
    assert topic in [t.id for t in result.topics]


@pytest.mark.parametrize("sector", ["college", "early-years"])
def test_a_topic_set_out_place_by_place_keeps_the_person_s_place_only(guide, kb, sector):
    _, result = interview(guide, "SENCO", truth(sector=sector), given={"sector": sector})
    shown = next(t for t in result.topics if t.id == "senco")
    in_kb = [i.text for i in kb.topic("senco").items if i.kind == sector]
    assert in_kb and [i.text for i in shown.items] == in_kb


def _asked_where(guide, typed):
    return isinstance(outcome := guide.decide(Profile(typed)), NextQuestion) and outcome.question.asks == "sector"


def test_every_job_asked_where_can_answer_somewhere_else_and_hears_that_no_level_is_set(guide):
    """Any job asked where the person works (a catalogue role, or one the catalogue does not know) can answer
    "somewhere else", and then hears that the documents set no level there: never the same question again."""
    typed = [alias for role in guide.kb.roles for alias in (role.name, *role.aliases)] + ["tree surgeon", "bus driver"]
    asked = [t for t in typed if _asked_where(guide, t)]
    assert len(asked) > 10
    for role in asked:
        question = guide.decide(Profile(role))
        assert "elsewhere" in {o.sets["sector"] for o in question.options}, role
        result = guide.decide(Profile(role, {"sector": "elsewhere"}))
        assert result.level is None and [n.id for n in result.notes] == ["elsewhere-no-level"], role


def test_a_health_profession_is_not_asked_where_it_works_and_hears_that_this_is_the_guide_s_reading(guide):
    """Wherever a health profession works, the health framework sets its levels (the guide's reading): the question of the
    workplace could change nothing, so it is not asked."""
    words = guide.kb.wording.professions["health"]
    assert len(words) > 10
    for word in words:
        if guide.catalogue.resolve(word).profession != "health":
            continue  # a word the catalogue names as a role of its own
        outcome = guide.decide(Profile(word))
        assert isinstance(outcome, NextQuestion) and outcome.question.asks == "involvement", word
        assert any("this guide's reading" in r.text for r in outcome.reasons), word
        for sector in SECTORS:  # and the answer it would have given changes nothing
            assert guide.decide(Profile(word, {"sector": sector})).question.options == outcome.question.options, (word, sector)


def test_health_answers_carry_the_level_1_induction_and_their_own_refresher(guide):
    _, result = interview(guide, "OT", truth(assess="yes"))
    assert result.induction_level.induction.minutes == 60 and result.induction_level.induction.within_weeks == 6
    assert result.level.refresher.minutes == 240 and result.level.refresher.period_years == 3
    assert [lv.id for lv in result.builds_on] == ["level-1", "level-2"]


def test_refresher_minimum_per_level(kb):
    minutes = {lv.id: lv.refresher.minutes for lv in kb.levels_of("health")}
    quotes = {lv.id: normalise(lv.refresher.citation.quote) for lv in kb.levels_of("health")}
    assert minutes == {"level-1": 60, "level-2": 90, "level-3": 240, "level-4": 720, "level-5": 720}
    for level_id, figure in {"level-1": "1 hour", "level-2": "90 mins", "level-3": "4 hours", "level-4": "12 hours", "level-5": "12 hours"}.items():
        assert figure in quotes[level_id]


def test_senco_award_applies_only_to_a_newly_appointed_school_senco(guide):
    _, new = interview(guide, "SENCO", truth(sector="school", new_senco="yes"))
    _, experienced = interview(guide, "SENCO", truth(sector="school", new_senco="no"))
    assert new.senco_award_required and not experienced.senco_award_required
    texts = " ".join(normalise(i.text) for i in new.senco_award.items)
    assert "within three years of appointment" in texts and "masters level" in texts and "60 credits" in texts


@pytest.mark.parametrize("role, sector", [("teacher", "health"), ("SEND administrator", "school"), ("SEND lead", "school")])
def test_a_role_from_another_sector_is_not_applied_and_the_answer_says_so(guide, role, sector):
    _, result = interview(guide, role, truth(sector=sector), given={"sector": sector})
    assert result.role.role is not None and result.role.role.id not in {r.id for r in result.role.roles if r.home == result.sector}
    assert any("so your answer comes from what you do there" in r.text for r in result.reasons)


def test_a_role_based_in_another_workplace_keeps_its_framework_and_says_so(guide):
    _, result = interview(guide, "school nurse", truth(sector="school"), given={"sector": "school"})
    assert result.level.id == "level-3" and "although you work in a school" in result.reasons[0].text


def test_explicit_answers_can_raise_a_named_role(guide):
    assert isinstance(guide.decide(Profile.of("school nurse", lead="yes")), NextQuestion)  # a designated SEND role is still open
    assert guide.decide(Profile.of("school nurse", lead="yes", designated="no")).level.id == "level-4"


def test_a_named_role_is_offered_only_the_descriptions_above_its_floor(guide):
    gp = guide.decide(Profile("GP"))
    assert [o.value for o in gp.options] == ["designated", "lead", "none"]
    champion = guide.decide(Profile("SEND champion"))
    assert [o.value for o in champion.options] == ["designated", "none"]
    porter = guide.decide(Profile("porter at a hospital"))
    assert [o.value for o in porter.options] == ["designated", "lead", "assess", "contact", "none"]


def test_the_designated_description_says_send(guide):
    question = guide.decide(Profile("designated nurse for safeguarding children"))
    assert "SEND" in next(o.label for o in question.options if o.value == "designated")
    assert question.because.id == "designated-professionals"


def test_a_question_that_cannot_change_a_named_role_s_level_comes_with_that_level_as_the_floor(guide, kb):
    """"SENCo at a school": whether they are newly appointed decides the award, not the tier, so the tier is said with it."""
    asking = [r for r in kb.roles if r.asks and r.level]
    assert asking
    for role in asking:
        question = guide.decide(Profile(role.name, {"sector": role.home}))
        assert question.question.asks in role.asks and question.floor == kb.level(role.level), role.name


def test_sector_question_offers_the_role_sectors_first(guide):
    question = guide.decide(Profile("nursery nurse"))
    assert [o.value for o in question.options] == ["early-years", "health", "school", "college", "local-authority", "elsewhere"]


def test_a_senco_is_asked_where_and_whether_new_in_one_question(guide):
    question = guide.decide(Profile("SENCO"))
    assert question.question.role == "senco"
    assert question.options[0].sets == {"sector": "school", "new-senco": "yes"}
    assert {o.sets["sector"] for o in question.options} == set(SECTORS)


@pytest.mark.parametrize("typed", ["deputy SENCO", "assistant SENCO", "ex-SENCO", "SENCO administrator"])
def test_someone_who_is_not_the_senco_is_never_told_to_achieve_the_award(guide, typed):
    _, result = interview(guide, typed, truth(sector="school", assess="yes", new_senco="yes"))
    assert result.level.id == "tier-2" and result.senco_award is None


@pytest.mark.parametrize("answers", [{"contact": "lots"}, {"sector": "prison"}, {"mood": "yes"}, {"lead": "maybe"}])
def test_answers_outside_the_vocabulary_are_refused(answers):
    with pytest.raises(InvalidAnswer):
        Profile("nurse", answers)


def test_json_for_a_determination(guide):
    data = to_dict(guide.decide(Profile.of("deputy DHO")))
    assert data["level"] == "Level 5" and data["refresher"]["minutes"] == 720
    assert data["builds_on"] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    every_cite = [data["why"][0]["cite"], data["induction"]["cite"], data["refresher"]["cite"]]
    every_cite += [i["cite"] for i in data["learning_outcomes"] + data["training"]["methods"]]
    assert all(0 <= n < len(data["citations"]) for n in every_cite)
    assert set(data["citations"][0]) == {"document", "title", "section", "quote"}
    assert data["citations"][0]["title"] == "SEND Training Assurance Framework for Health Professionals"
    assert data["training"]["sources"][0]["url"].startswith("https://")


def test_json_for_a_question(guide):
    data = to_dict(guide.decide(Profile.of("GP")))
    assert data["asks"] == "involvement" and [o["value"] for o in data["options"]] == ["designated", "lead", "none"]
    assert data["options"][1]["sets"] == {"involvement": "lead"} and data["options"][1]["level"] == "Level 4"
    quotes = [c["quote"] for c in data["citations"]]
    assert "GPs with clinical leadership in SEND" in [quotes[i] for i in data["because_cite"]]
    assert quotes[data["options"][1]["cite"]].startswith("Level 4: Professionals leading on the SEND agenda")


def test_a_step_up_lists_only_what_the_higher_levels_add(guide):
    kb = guide.kb
    data = lookup.step_up(kb, "Level 3", "Level 1")
    assert (data["lower"], data["higher"], data["added_levels"]) == ("Level 1", "Level 3", ["Level 2", "Level 3"])
    level_1 = lookup.find_level(kb, "Level 1")
    texts = [i["text"] for i in data["items"]]
    assert not any(o.text in t for o in level_1.learning_outcomes for t in texts if t.startswith("Level 1"))
    assert texts[0].startswith("Level 1 refresher") and texts[1].startswith("Level 3 refresher")
    with pytest.raises(lookup.NotFound, match="different frameworks"):
        lookup.step_up(kb, "Level 2", "Tier 1")
    with pytest.raises(lookup.NotFound, match="same level"):
        lookup.step_up(kb, "L2", "level 2")


def test_the_reason_quotes_what_the_person_said_or_the_option_they_answered(guide):
    said = guide.decide(Profile("porter, I work with children with SEND every day", {"sector": "health", "involvement": "none"}))
    assert said.level.id == "level-2" and said.reasons[0].text.startswith('You said "I work with children with SEND every day".')
    answered = guide.decide(Profile("porter", {"sector": "health", "involvement": "contact"}))
    option = next(o for o in guide.kb.question("involvement", "health").options if o.value == "contact")
    assert answered.reasons[0].text.startswith(f'You answered: "{option.label}".')
    assert not any("You said" in r.text for r in answered.reasons)


@pytest.mark.parametrize("typed, new", [("6 months", "yes"), ("since September", "yes"), ("less than a year", "yes"),
                                        ("over 12 months", "no"), ("18 months", "no"), ("about 3 years", "no"), ("never", "yes")])
def test_the_new_senco_question_takes_an_answer_in_plain_words(guide, typed, new):
    from knowledge.reading import read_answer

    question = guide.kb.question("new-senco", None)
    assert read_answer(question.options, "new-senco", typed, guide.catalogue).value == new


@pytest.mark.parametrize("typed", ["i'm a nurse, i work in a special school", "orthoptist based in special schools"])
@pytest.mark.parametrize("answer", ["assess", "contact"])
def test_a_health_profession_working_in_a_school_gets_the_health_level_of_what_it_does_marked_as_the_guide_s_reading(guide, typed, answer):
    health = guide.kb.question("involvement", "health")
    wanted = next(o.level for o in health.options if o.value == answer)  # the health cohort its work describes
    outcome = guide.decide(Profile(typed, {"involvement": answer}))
    assert outcome.level.id == wanted
    assert any("this guide's reading" in r.text for r in outcome.reasons)


def test_a_named_role_asked_where_it_works_is_told_the_level_the_documents_place_it_in_there(guide):
    """"SEND administrator" asked where they work: the workplace the documents place the role in shows its level as a floor
    ("Health services (at least Level 2)"), the same level answering with that workplace reaches; other workplaces show none."""
    asked = [role for role in guide.kb.roles if role.level and not role.tension and _asked_where(guide, role.name)]
    assert asked
    for role in asked:
        options = to_dict(guide.decide(Profile(role.name)))["options"]
        shown = {o["sets"]["sector"]: o.get("leads_to") for o in options}  # (a SENCO's two school options alike)
        level = guide.kb.level(role.level)
        assert shown[role.home] == f"at least {level.name}", role.name
        assert all(leads is None for sector, leads in shown.items() if sector != role.home), role.name
        answered = guide.decide(Profile(role.name, next(o["sets"] for o in options if o["sets"]["sector"] == role.home)))
        floor = answered.floor if isinstance(answered, NextQuestion) else answered.level
        assert floor is not None and floor.rank >= level.rank, role.name


def test_a_level_reached_by_what_someone_said_is_explained_before_the_question_that_may_raise_it(guide):
    """"pharmacy tech, I hand meds to teenagers with SEND now and then": Level 2 so far, because of the contact they told,
    with Level 2's cohort in the documents' words, and then the question about higher levels."""
    health = guide.kb.levels_of("health")
    reached = next(lv for lv in health if any(q.fact == "contact" for q in lv.qualifies))
    value = next(v for q in reached.qualifies if q.fact == "contact" for v in q.values)
    outcome = guide.decide(Profile("pharmacy tech", {"sector": "health", "contact": value}))
    assert isinstance(outcome, NextQuestion) and outcome.floor == reached
    assert any(r.citation == reached.cohort.citation and "contact" in r.text for r in outcome.reasons)
