"""Search over an organisation's own documents, beside the five: the same ranking as the five documents' own
passages (knowledge/search.py), over the newest version of each document not removed. The index is read again
whenever the documents change (`store.generation`, one small query per question), so a document added on one
server is found, and a removed one stops being cited, by every server at once."""
from __future__ import annotations

import dataclasses
import threading
from typing import Any

from sqlalchemy.engine import Engine

from knowledge.local import store
from knowledge.local.store import whose
from knowledge.roles import RoleCatalogue
from knowledge.schema import KnowledgeBase
from knowledge.ranking import COVERS, shown
from knowledge.search import Answer, ContentIndex


class LocalIndex:
    def __init__(self, kb: KnowledgeBase, catalogue: RoleCatalogue, engine: Engine) -> None:
        self.kb, self.catalogue, self.engine = kb, catalogue, engine
        self._lock = threading.Lock()
        self._built: tuple[Any, ContentIndex | None] = (None, None)

    def current(self) -> ContentIndex | None:
        """The index of the documents cited now; None when there are none."""
        generation = store.generation(self.engine)
        with self._lock:
            if self._built[0] != generation:
                passages = tuple(dataclasses.replace(p, citation=dataclasses.replace(p.citation, title=whose(d.title, d.owner)))
                                 for d, p in store.passages(self.engine))
                local = dataclasses.replace(self.kb, passages=passages)
                self._built = (generation, ContentIndex(local, self.catalogue, sources=True) if passages else None)
            return self._built[1]

    def answering(self, question: str, least: float = COVERS) -> list[Answer]:
        """The best section of the organisation's documents for a question, when it holds enough of it; else none
        (their own words count: "workshop" may be in no document of the five)."""
        theirs = self.current()
        found = theirs.search(question, groups=1) if theirs is not None else []
        return found if found and theirs.covers(question, shown(found)) >= least else []
