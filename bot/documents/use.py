"""The content owners' report on their organisation's documents: how often answers cited each one, and which of the
questions the assistant could not answer one of them now could (the same search, and the same bar, that the chat uses)."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from sqlalchemy.engine import Engine

from knowledge.local import store
from knowledge.ranking import COVERS, OUT_OF_SCOPE_COVERS

CHECKED = 200  # the largest groups of questions not answered that are searched for in the organisation's documents


def cited(docs: Iterable[dict | None]) -> Counter:
    """Each local document's citations over replies (a reply citing a document twice counts once)."""
    found: Counter = Counter()
    for doc in docs:
        found.update({s["document"] for s in (doc or {}).get("sources") or [] if str(s.get("document", "")).startswith(f"{store.PREFIX}/")})
    return found


def use(engine: Engine, times: Counter) -> list[tuple[str, str, int]]:
    """(title, owner, times cited) for every document cited now, most cited first; ones never cited too."""
    rows = [(d.title, d.owner, times.get(d.citation_name, 0)) for d in store.documents(engine)]
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def could_answer(engine: Engine, groups: list[list[str]], out_of_scope: set[str] = frozenset()) -> list[tuple[str, int, str]]:
    """(a wording, times asked, the document and section that answers it) for the questions not answered that one
    of the organisation's documents now answers, by the chat's own bar: a higher one for a question the classifier
    took to be about something else (``out_of_scope``). A wording cut short is not what was asked, so not checked."""
    if not groups or not store.documents(engine):
        return []
    from knowledge.guide import Guide
    from knowledge.local.index import LocalIndex
    from knowledge.store import KnowledgeBaseMissing, read

    try:
        guide = Guide.of(read(engine))
    except KnowledgeBaseMissing:
        return []
    index, found = LocalIndex(guide.kb, guide.catalogue, engine), []
    for group in groups[:CHECKED]:
        if group[0].endswith("\u2026"):
            continue
        answers = index.answering(group[0], OUT_OF_SCOPE_COVERS if group[0] in out_of_scope else COVERS)
        if answers:
            found.append((group[0], len(group), ", ".join(filter(None, (answers[0].title, answers[0].heading)))))
    return found
