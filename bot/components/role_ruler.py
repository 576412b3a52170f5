"""Finds role mentions with a blank English spaCy pipeline and an EntityRuler.

The patterns come from the `role` lookup table, which `send-guide training-data`
generates from the role catalogue, and are stored inside the trained model, so no
spaCy model is downloaded or read from disk at run time. Matching is on lower-cased
tokens; where the entity extractor also tagged a role over the same characters, the ruler's match wins.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Text

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

PATTERNS_FILE = "role_patterns.json"
MAX_TEXT = 2000  # a role is said in a sentence; longer messages are only searched this far


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class RoleRuler(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"lookup": "role", "entity": "role"}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 phrases: Optional[List[Text]] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.phrases = phrases or []
        self._nlp = self._pipeline(self.phrases)

    def _pipeline(self, phrases: List[Text]) -> spacy.language.Language:
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns([{"label": self._config["entity"], "pattern": phrase} for phrase in phrases])
        return nlp

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RoleRuler":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        table = next((t for t in training_data.lookup_tables if t["name"] == self._config["lookup"]), None)
        self.phrases = sorted({str(e).strip() for e in (table or {}).get("elements", []) if str(e).strip()})
        self._nlp = self._pipeline(self.phrases)
        with self._model_storage.write_to(self._resource) as path:
            (path / PATTERNS_FILE).write_text(json.dumps(self.phrases), encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "RoleRuler":
        try:
            with model_storage.read_from(resource) as path:
                phrases = json.loads((path / PATTERNS_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            phrases = []
        return cls(config, model_storage, resource, phrases)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = self._matches(message.get(TEXT) or "")
            kept = [e for e in message.get(ENTITIES, []) if not any(_overlaps(e, f) for f in found if e.get("entity") == f["entity"])]
            message.set(ENTITIES, kept + self.add_extractor_name(found), add_to_output=True)
        return messages

    def _matches(self, text: Text) -> List[Dict[Text, Any]]:
        doc = self._nlp(text[:MAX_TEXT])
        return [{"entity": span.label_, "start": span.start_char, "end": span.end_char, "value": span.text} for span in doc.ents]


def _overlaps(a: Dict[Text, Any], b: Dict[Text, Any]) -> bool:
    return a.get("start", 0) < b["end"] and b["start"] < a.get("end", 0)
