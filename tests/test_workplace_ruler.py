"""Where the writer of a message says they work: found in the sector question's own words, as a sector entity the
level questions read, when the entity extractor found none; never a place something is sent to, nor one of several."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.components.workplace_ruler import WorkplaceRuler
from knowledge.answer_words import SECTOR_WORDS, own_workplace
from knowledge.reading import sectors_named

SAID = ["I manage the SEND correspondence for our {w} team. What level?", "I work at the {w}", "based in a {w}, which level do I need",
        "admin in the SEND team at my {w}"]
# One plain word per workplace the sector question reads (its patterns, with their regex parts left out)
PLAIN = {sector: [p for p in pats if p.isalpha() and len(p) > 2] for sector, pats in SECTOR_WORDS.items()}


@pytest.mark.parametrize("sector, word", [(s, w) for s, words in PLAIN.items() for w in words])
@pytest.mark.parametrize("said", SAID)
def test_a_workplace_the_writer_says_is_theirs_is_found_and_read_as_that_sector(sector, word, said):
    text = said.format(w=word)
    found = own_workplace(text)
    assert found and text[found[0]:found[1]].casefold() == word
    assert sectors_named(text[found[0]:found[1]], None) == {sector}


@pytest.mark.parametrize("text", ["I flag concerns to the local authority", "I refer families to the council", "NHS nurse working in a school",
                                  "what % of LA areas fail?", "do nurses in schools need this?", "I work in estates", "what level do I need?",
                                  "TA in year 3, our LA says we need level 2", "I'm a TA, I help with our pupils' health care plans",
                                  "my son's school", "I work with the LA"])
def test_no_workplace_is_found_where_none_is_the_writer_s_or_several_are_named(text):
    assert own_workplace(text) is None


def _component() -> WorkplaceRuler:
    return WorkplaceRuler.create({}, LocalModelStorage(Path(".")), Resource("workplace"), ExecutionContext(GraphSchema({}), "test"))


def test_the_component_adds_the_workplace_only_when_the_extractor_found_none():
    text = "Admin here - I manage the SEND correspondence for our CCG team. What level?"
    added = _component().process([Message({"text": text, "entities": []})])[0].get("entities")
    assert [(e["entity"], e["value"], e["extractor"]) for e in added] == [("sector", "CCG", "WorkplaceRuler")]
    found = {"entity": "sector", "start": 0, "end": 5, "value": "Admin", "extractor": "CRFEntityExtractor"}
    kept = _component().process([Message({"text": text, "entities": [found]})])[0].get("entities")
    assert kept == [found]
    assert _component().process([Message({"text": "/find_level{\"sector\": \"our school\"}", "entities": []})])[0].get("entities") == []
