"""Job titles pasted into the chat, one per line: each one's level, or the question still open for it, from the same
rules as the staff-list upload."""
from __future__ import annotations

import re
from typing import Text

from actions import replies
from actions.knowledge_base import guide
from knowledge import lookup
from knowledge.asking import about_a_staff_list
from knowledge.reading import is_question
from knowledge.staff import assess, input as staff_input, summarise

def asks_the_documents(text: Text) -> bool:
    """A question of one line that is not about a list of staff ("does a senco trainee need a CRB check?", "which teacher
    standards cover SEND? can you list them"): the documents'."""
    return "\n" not in text.strip() and is_question(text) and not about_a_staff_list(text)


def checked(text: Text) -> replies.Message:
    """Each pasted title's level or open question, with the count at each level; how to paste them when there are none."""
    staff = staff_input.from_titles(text)
    if len(staff.rows) < 2:
        return {"text": "Paste the job titles, one per line (up to 50), and I'll give each one's level or the question "
                        "still open. For a whole staff list, upload it on the web page or use `send-guide staff`."}
    results = [a for a in assess(guide(), staff) if a.title and a.citation]
    counts = summarise(results).per_level
    items = [{"text": f"{a.title}: {a.level or ('question open: ' + a.open_question if a.open_question else a.statement)}",
              "cite": lookup.cite_dict(a.citation)} for a in results]
    title = f"{len(results)} job titles ({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))}):"
    if staff.problems:  # over the number of titles one message may hold
        said = "; ".join(staff.problems)
        title = f"{said[0].upper()}{said[1:]}. For a longer list, upload it on the web page. {title}"
    return replies.cited_items(title, items)
