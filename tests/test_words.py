"""How a question's words meet the documents' words: forms of one word fold to one stem, checked over the documents'
own vocabulary rather than a list of examples."""
from __future__ import annotations

import re

import pytest

from knowledge.sources import seeds_dir
from knowledge.words import stem


@pytest.fixture(scope="module")
def vocabulary() -> set:
    return {w for p in seeds_dir().glob("*.txt") for w in re.findall(r"[a-z]+", p.read_text(encoding="utf-8").casefold())}


def test_a_verb_that_doubles_its_last_letter_before_ing_or_ed_finds_the_plain_verb(vocabulary):
    """"running", "planned", "referred" in a question find "run", "plan", "refer" in the documents, and the other way
    ("setting" is a noun as well, and stays apart from "set": see below)."""
    pairs = [(w, m.group(1)) for w in vocabulary for m in [re.fullmatch(r"([a-z]{2,}([bdgknpr]))\2(?:ing|ed)", w)] if m]
    found = [(w, base) for w, base in pairs if base in vocabulary]
    assert len(found) >= 2, found
    assert all(stem(w) == stem(base) for w, base in found), [(w, stem(w), stem(base)) for w, base in found if stem(w) != stem(base)]
    assert stem("added") == stem("add") and stem("staffed") == stem("staff") and stem("skilled") == stem("skill")


def test_an_adjective_in_ional_ural_or_ental_finds_the_word_it_is_made_from(vocabulary):
    """"cultural" finds "culture", "educational" "education", "parental" "parent": the documents use both forms."""
    pairs = [(w, base) for w in vocabulary if len(w) >= 7 and w.endswith(("ional", "ural", "ental"))
             for base in (w[:-2], w[:-2] + "e") if base in vocabulary]
    assert len(pairs) >= 3, pairs
    assert all(stem(w) == stem(base) for w, base in pairs), [(w, base) for w, base in pairs if stem(w) != stem(base)]


@pytest.mark.parametrize("adverb, adjective", [("nationally", "national"), ("successfully", "successful"), ("locally", "local"),
                                               ("potentially", "potential")])
def test_an_adverb_in_lly_finds_the_adjective_it_is_made_from(vocabulary, adverb, adjective):
    """The documents use both forms; a short word ("fully", "bully") is left as it is."""
    assert {adverb, adjective} <= vocabulary and stem(adverb) == stem(adjective)
    assert stem("bully") != stem("bul") and stem("fully") == "fully"


def test_a_noun_in_ing_and_its_plural_are_one_word(vocabulary):
    plurals = [w for w in vocabulary if w.endswith("ings") and w[:-1] in vocabulary and len(w) >= 8]
    assert len(plurals) >= 2 and all(stem(w) == stem(w[:-1]) for w in plurals), plurals


@pytest.mark.parametrize("one, other", [("personal", "person"), ("practical", "practice"), ("setting", "set")])
def test_words_of_other_meanings_stay_apart(vocabulary, one, other):
    assert {one, other} <= vocabulary and stem(one) != stem(other)


@pytest.mark.parametrize("asked, theirs", [("how do schools log in", "logins"), ("who do I get in touch with", "contact"),
                                            ("who runs the lincs platform?", "agency"), ("I'm the DHO. Who provides the level 5 training?", "organised"),
                                            ("how do I write up my learning", "record")])
def test_a_phrase_a_question_uses_finds_the_one_word_the_documents_use(vocabulary, asked, theirs):
    from knowledge.words import tokens

    assert theirs in vocabulary and set(tokens(theirs)) <= set(tokens(asked))


def test_whose_job_it_is_asks_who_not_about_jobs():
    """"whose job is it to make sure ..." asks who; "job" would find the documents' passages about jobs for young people."""
    from knowledge.words import tokens

    for job in ("job", "role", "responsibility", "duty"):
        assert tokens(f"whose {job} is it to make sure the senco gets enough time") == tokens("whose to ensure the senco gets enough time")


def test_an_adjective_in_ive_finds_the_noun_in_ion_the_documents_use(vocabulary):
    """"the reflective log" finds the "reflection record", "inclusive" finds "inclusion": each pair of the documents' own words."""
    pairs = [(w, w[:-3] + "ion") for w in vocabulary if len(w) >= 8 and w.endswith(("tive", "sive"))]
    found = [(a, b) for a, b in pairs if b in vocabulary]
    assert len(found) >= 3, found
    assert all(stem(a) == stem(b) for a, b in found), [(a, b) for a, b in found if stem(a) != stem(b)]
    base = [(w, w[:-3]) for w, _ in pairs if w[:-3] in vocabulary]  # "effective" and "effect", "objective" and "object"
    assert base and all(stem(a) != stem(b) for a, b in base), [(a, b) for a, b in base if stem(a) == stem(b)]


def test_a_form_not_made_with_an_ending_finds_the_other_forms_the_documents_use(vocabulary):
    """"who led it" finds "leading", "every child" finds "most children": each such form the documents use meets another
    word of theirs, and its plain form and that form's plural or -ing form fold with it."""
    from knowledge.words import IRREGULAR

    used = [w for w in IRREGULAR if w in vocabulary]
    assert len(used) >= 5, used
    meets = [word for word in used if any(w != word and stem(w) == stem(word) for w in vocabulary)]  # a word the documents use
    assert len(meets) >= 3, meets
    for word, plain in IRREGULAR.items():
        assert stem(word) == stem(plain) and stem(plain + "s") == stem(word) or stem(plain + "ing") == stem(word), word


def test_who_runs_it_asked_finds_who_organises_it_but_staff_who_run_something_do_not():
    from knowledge.words import tokens

    assert "agency" not in tokens("what level does a lunchtime supervisor who runs the lunch club need")
    assert "organis" not in " ".join(tokens("what training do nurses who provide care for children need"))


def test_a_word_the_documents_use_in_another_form_is_not_one_they_never_use(kb, vocabulary):
    """"referring" (they write "referral"), "intro" ("introduction"), "clinician" ("clinic", "clinical"): the note that the
    documents never mention a word is for what they never speak of ("appealing", "restraint"), not for a form they lack."""
    from knowledge.search import ContentIndex

    sources = ContentIndex(kb, sources=True)
    for word, written in (("referring", "referral"), ("intro", "introduction"), ("clinician", "clinical"), ("starter", "start"),
                          ("refer", "referral"), ("competent", "competence")):
        assert word not in vocabulary and written in vocabulary
        assert word not in sources.unknown_words(f"what do the documents say of the {word} for staff")
    for word in ("appealing", "restraint"):
        assert not any(w.startswith(word[:6]) for w in vocabulary)
        assert word in sources.unknown_words(f"what do the documents say of the {word} for staff")
    for word, other in (("medicine", "medical"), ("privacy", "private"), ("internet", "interaction")):  # a stem of another word
        assert word not in vocabulary and other in vocabulary
        assert word in sources.unknown_words(f"what do the documents say of the {word} for staff")


def test_a_word_is_mended_to_a_name_of_the_documents_only_from_a_near_miss(kb, vocabulary):
    """"weather" is an everyday word, not "Heather" (Sandy, who wrote the Lincolnshire report); "lincolnshre" is the place."""
    from knowledge.search import ContentIndex

    texts = " ".join(p.read_text(encoding="utf-8") for p in seeds_dir().glob("*.txt"))
    assert "weather" not in vocabulary and re.search(r"[a-z] Heather\b", texts) and not re.search(r"\bheather\b", texts)
    sources = ContentIndex(kb, sources=True)
    assert sources.spelt("weather") == "weather" and sources.spelt("lincolnshre") == "lincolnshire"
    assert "weather" in sources.unknown_words("what's the weather like for the senco today")
