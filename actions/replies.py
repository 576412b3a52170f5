"""Turn the knowledge base's answers (knowledge.answers dicts) into chat messages.

Each message is a dict for `dispatcher.utter_message(**message)`. Every fact line carries
its source number, and the last message lists the sources. Nothing a person typed is
echoed back, so no user text ever reaches a reply's markup.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

SHORT_LIST = 3

Message = Dict[Text, Any]


def _n(refs: Any) -> Text:
    refs = refs if isinstance(refs, list) else [refs]
    return "".join(f" [{r + 1}]" for r in refs)


def sources(citations: List[Dict[Text, Text]], lines: List[Text]) -> Message:
    """The sources the lines refer to, by number, as document and section."""
    shown = " ".join(lines)
    refs = [f'[{n}] {c["document"]}, "{c["section"]}"' for n, c in enumerate(citations, 1) if f"[{n}]" in shown]
    return {"text": "Sources:\n" + "\n".join(refs)}


def question(q: Dict[Text, Any], slot: Text) -> Message:
    text = q["question"] + (f"\n(I ask because: {q['because']})" if q.get("because") else "")
    buttons = [{"title": q["labels"][v], "payload": f'/inform{{"{slot}": "{v}"}}'} for v in q["options"]]
    return {"text": text, "buttons": buttons}


def determination(d: Dict[Text, Any], full: bool = False) -> List[Message]:
    if not d["level"]:
        head = ["The documents set no training level for you."] + [w["text"] + _n(w["cite"]) for w in d["why"]]
        for topic in d["topics"][:2]:
            head += [f"{topic['title']}:"] + [f"• {i['text']}{_n(i['cite'])}" for i in topic["items"][: (None if full else 5)]]
        return [{"text": "\n".join(head)}, sources(d["citations"], head)]
    framework = "health framework" if d["framework"] == "health" else "school tiers"
    head = [f"You need {d['level']} ({framework})."] + [w["text"] + _n(w["cite"]) for w in d["why"]]
    hours = []
    if d.get("induction"):
        hours.append(f"Induction: {d['induction']['text']}{_n(d['induction']['cite'])}")
    if d.get("refresher"):
        hours.append(f"Refresher: {d['refresher']['text']}{_n(d['refresher']['cite'])}")
    if d.get("builds_on"):
        hours.append(f"It builds on {', '.join(d['builds_on'])}.")
    outcomes = d.get("learning_outcomes") or []
    shown = outcomes if full else outcomes[:SHORT_LIST]
    learn = [f"Afterwards you should be able:" if d["framework"] == "health" else "What you will cover:"] if shown else []
    learn += [f"• {o['text']}{_n(o['cite'])}" for o in shown]
    if len(shown) < len(outcomes):
        learn.append(f"Say \"more\" for all {len(outcomes)}.")
    train = ["Where to train:"] + [f"• {m['text']}{_n(m['cite'])}" for m in d["training"]["methods"]]
    train += [f"• {s['name']}: {s['url']} (opens the provider's site){_n(s['cite'])}" for s in d["training"]["sources"]]
    train += [f"• {i['text']}{_n(i['cite'])}" for t in d["topics"] if t["id"] == "learning-platform" for i in t["items"][:2]]
    messages = [head + hours, learn, train]
    award = d.get("senco_award")
    if award:
        verdict = "You must achieve the National Award in SEN Co-ordination." if award["required"] else "The National Award rule below does not require it of you."
        messages.append([verdict] + [f"• {i['text']}{_n(i['cite'])}" for i in award["requirement"][:2] + award["course"][:3]])
    said = {w["text"] for w in d["why"]}
    notes = [f"• {n['statement']}{_n(n['cite'])}" for n in d["notes"] if n["statement"] not in said]
    if notes:
        messages.append(["Please note:"] + notes)
    lines = [line for message in messages for line in message]
    return [{"text": "\n".join(m)} for m in messages if m] + [sources(d["citations"], lines)]


def cited_items(title: Text, items: List[Dict[Text, Any]], limit: int | None = None) -> List[Message]:
    """A titled list whose items carry full citation dicts (knowledge.lookup results)."""
    citations: List[Dict[Text, Text]] = []
    lines = [title]
    for item in items[:limit]:
        if item["cite"] not in citations:
            citations.append(item["cite"])
        lines.append(f"• {item['text']} [{citations.index(item['cite']) + 1}]")
    if limit is not None and len(items) > limit:
        lines.append(f"(and {len(items) - limit} more)")
    return [{"text": "\n".join(lines)}, sources(citations, lines)]
