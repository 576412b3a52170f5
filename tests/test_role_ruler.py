"""The role ruler component on its own: trained from the lookup table, stored in the model, loaded back."""
from __future__ import annotations

from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.role_ruler import RoleRuler


def _component(storage: LocalModelStorage) -> RoleRuler:
    return RoleRuler.create({}, storage, Resource("role_ruler"), ExecutionContext(GraphSchema({}), "test"))


def _entities(component: RoleRuler, text: str) -> list:
    message = Message({"text": text, "entities": [{"entity": "role", "start": 0, "end": 4, "value": "I'm ", "extractor": "DIETClassifier"}]})
    return component.process([message])[0].get("entities")


def test_trains_from_the_lookup_table_and_loads_from_the_model(tmp_path: Path):
    storage = LocalModelStorage(tmp_path)
    trained = _component(storage)
    trained.train(TrainingData(lookup_tables=[{"name": "role", "elements": ["school nurse", "Deputy DHO", "SALT"]}]))
    loaded = RoleRuler.load({}, storage, Resource("role_ruler"), ExecutionContext(GraphSchema({}), "test"))
    entities = _entities(loaded, "I'm a SCHOOL NURSE and a salt")
    roles = [(e["value"], e["extractor"]) for e in entities if e["entity"] == "role"]
    assert ("SCHOOL NURSE", "RoleRuler") in roles and ("salt", "RoleRuler") in roles


def test_a_match_replaces_an_overlapping_guess_and_keeps_others(tmp_path: Path):
    component = _component(LocalModelStorage(tmp_path))
    component.train(TrainingData(lookup_tables=[{"name": "role", "elements": ["GP"]}]))
    kept = _entities(component, "I'm a GP")
    assert [e["extractor"] for e in kept] == ["DIETClassifier", "RoleRuler"]  # DIET's 0-4 does not overlap 6-8
    replaced = _entities(component, "GP here")
    assert [(e["value"], e["extractor"]) for e in replaced] == [("GP", "RoleRuler")]  # DIET's 0-4 overlaps 0-2
    plural = _entities(component, "GPs and more")
    assert [e["extractor"] for e in plural] == ["DIETClassifier"]  # no whole-word GP in "GPs"


def test_without_a_lookup_table_it_finds_nothing(tmp_path: Path):
    component = _component(LocalModelStorage(tmp_path))
    component.train(TrainingData())
    assert [e for e in _entities(component, "school nurse") if e["extractor"] == "RoleRuler"] == []
