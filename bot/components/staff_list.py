"""Recognises a pasted list of job titles, whatever the intent classifier made of it.

A message of two or more non-empty lines is an HR user pasting job titles (in the web chat,
Slack or Teams), so it gets the intent `check_staff_list` with full confidence. It runs after
the other classifiers and the fallback, and has nothing to train.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

INTENT_NAME = "check_staff_list"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class StaffListDetector(GraphComponent, IntentClassifier):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "StaffListDetector":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            lines = [line for line in str(message.get(TEXT) or "").splitlines() if line.strip()]
            if len(lines) >= 2:
                intent = {"name": INTENT_NAME, "confidence": 1.0}
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        return messages
