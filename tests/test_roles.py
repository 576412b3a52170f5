"""Role text as people type it, resolved to the catalogue."""
from __future__ import annotations

import pytest

from knowledge.roles import MAX_ROLE_TEXT, RoleCatalogue, normalise_role


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


@pytest.mark.parametrize("typed, sector", [
    ("receptionist at a GP surgery", "health"),
    ("I work in a hospital as a porter", "health"),
    ("cook at a primary school", "school"),
    ("admin in a nursery", "early-years"),
    ("receptionist", None),
])
def test_a_workplace_gives_the_sector_not_the_role(guide, typed, sector):
    match = guide.catalogue.resolve(typed)
    assert match.role is None and match.sector_hint == sector


ODD = ["", "   ", "🙂🙂", "<script>alert(1)</script>", "'; DROP TABLE kb_role; --",
       "I work " + "very " * 5000 + "hard", "infirmière scolaire", "\x00\x1f", "paramedic"]


@pytest.mark.parametrize("typed", ODD, ids=range(len(ODD)))
def test_odd_text_resolves_to_nothing_without_error(guide, typed):
    assert guide.catalogue.resolve(typed).role is None


def test_very_long_text_is_cut_before_matching():
    assert len(normalise_role("a " * 10_000)) <= MAX_ROLE_TEXT


def test_a_fuzzy_match_needs_a_close_spelling(kb):
    catalogue = RoleCatalogue(kb.roles, kb.settings)
    assert catalogue.resolve("physiology student").role is None
    assert catalogue.resolve("theatre nurse").role is None
