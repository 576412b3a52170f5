"""Finds where the writer of a message says they work ("for our CCG team", "I work at the hospital") as a ``sector``
entity, when the entity extractor found none: the level questions then do not ask what the person has already said.
The words are the sector question's own (knowledge.answer_words.own_workplace); a place something is sent to is none."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from knowledge.answer_words import own_workplace

ENTITY = "sector"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class WorkplaceRuler(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "WorkplaceRuler":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = message.get(ENTITIES, [])
            found = None if text.startswith("/") or any(e.get("entity") == ENTITY for e in entities) else own_workplace(text)
            if found:
                start, end = found
                said = {"entity": ENTITY, "start": start, "end": end, "value": text[start:end]}
                message.set(ENTITIES, entities + self.add_extractor_name([said]), add_to_output=True)
        return messages
