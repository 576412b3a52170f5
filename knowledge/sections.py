"""Which of a section's passages an answer from the documents' own words shows: a list whole (the item that answers
first when one clearly does), a block of short lines whole (an address), or the section's best lines, each line that
leads into a list followed by its items."""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

SOURCE_LINES = 3  # a section's passages shown for a question, the best first
BLOCK_LINE = 60  # characters: a section whose lines are all this short is one block (an address)
ITEM_LEADS = 1.2  # how much better than its list's next item one item must answer to be shown first
# A line that speaks of what the line before it said: shown after that line ("This is not ring-fenced", "In these cases")
_REFERS_BACK = re.compile(r"^(?:this|these|those|that|it|they|such|in (?:these|this|such) cases?|in this case)\b", re.IGNORECASE)
LIST_LINES = 12  # a list of the documents shown whole up to this many items (the best of a longer one)


def source_lines(passages: Sequence, members: list[int], best: list[int], scores,
                 listing: bool = False) -> tuple[str | None, list[int], list[int]]:
    """A section's passages to show, and those they are shown from: the whole list when the best is a list or
    leads into one ("The aims of the service are:" and its bullets, at most LIST_LINES), else its best lines,
    each line that leads into a list followed by its items ("2.5 Authors have been instructed from ...:").
    ``passages`` are knowledge.indexed.Passage; ``members`` the section's, ``best`` them ranked by ``scores``; ``listing``: the
    question asks for a list ("what are the five ..."), which two of the best lines being its items then answers."""
    top = passages[best[0]]
    lead_in = top.heading or (top.text if top.text.endswith(":") else None)
    shared = Counter(passages[n].heading for n in best[:SOURCE_LINES] if scores[n] > 0 and passages[n].heading).most_common(1)
    if listing and not _listed(passages, members, lead_in) and shared and shared[0][1] >= 2 and ITEM_LEADS * max(  # two of the best lines
            scores[n] for n in members if passages[n].heading == shared[0][0]) >= scores[best[0]]:  # are items of one list,
        lead_in = shared[0][0]  # and no line answers clearly better: the list ("the five every child matters outcomes")
    listed = _listed(passages, members, lead_in) or (members if _block(passages, members) else [])
    if listed:
        shown = sorted(listed, key=lambda n: -scores[n])[:LIST_LINES] if len(listed) > LIST_LINES else listed
        rest = sorted((scores[n] for n in listed if n != best[0]), reverse=True)
        if top.heading and best[0] in shown and (not rest or scores[best[0]] > ITEM_LEADS * rest[0]):
            shown = [best[0], *(n for n in shown if n != best[0])]  # one item answers: it leads, its list after it
        return lead_in, shown, listed
    shown: list[int] = []
    for n in [n for n in best if scores[n] > 0][:SOURCE_LINES]:
        before = [n - 1] if _REFERS_BACK.match(passages[n].text) and n - 1 in members else []  # "This is not a ring-fenced ..."
        shown += [m for m in [*before, n, *_listed(passages, members, passages[n].text)[:LIST_LINES]] if m not in shown]
    left = [m for m in members if m not in shown]
    if len(left) == 1:  # "(and 1 more)" would hide no more than the line itself: shown, after the line before it
        at = shown.index(left[0] - 1) + 1 if left[0] - 1 in shown else len(shown)
        shown.insert(at, left[0])
    return top.heading, shown, members


def list_lines(passages: Sequence, members: list[int], best: list[int], scores, limit: int) -> list[int]:
    """A list's items to show, in the documents' order (Wave 1, 2, 3; a line that says "This ..." after the line it
    speaks of): its best ``limit`` when it is longer, and the one item that clearly answers first, with the line it
    refers back to before it."""
    shown = sorted(best[:limit], key=members.index)
    top = best[0]
    if len(best) > 1 and scores[top] > ITEM_LEADS * scores[best[1]]:
        before = [n for n in (top - 1,) if _REFERS_BACK.match(passages[top].text) and n in members]
        shown = [*before, top, *(n for n in shown if n not in (top, *before))]
    return shown


def _block(passages: Sequence, members: list[int]) -> bool:  # a few short lines (office, address, phone, email): shown whole
    return len(members) <= LIST_LINES and all(len(passages[n].text) <= BLOCK_LINE for n in members)


def _listed(passages: Sequence, members: list[int], lead_in: str | None) -> list[int]:
    return [n for n in members if passages[n].heading == lead_in] if lead_in and lead_in.endswith(":") else []
