"""Plain-text rendering of the knowledge base's answers for the terminal."""
from __future__ import annotations

from itertools import groupby
from typing import Any

from knowledge.answers import induction_label
from knowledge.local.calendar import LOCAL_SESSION
from knowledge.sources import shown_quote

SHORT_LIST = 5


def _cites(refs: Any) -> str:
    refs = refs if isinstance(refs, list) else [refs]
    return " " + "".join(f"[{r + 1}]" for r in refs)


def _sources(citations: list[dict[str, str]], lines: list[str] | None = None) -> list[str]:
    """The numbered sources, only those the lines above refer to when ``lines`` is given."""
    shown = " ".join(lines or [])
    return ["Sources:"] + [f'  [{n}] {c["document"]}, section "{c["section"]}": "{shown_quote(c["quote"], bool(c.get("excerpt")))}"'
                           for n, c in enumerate(citations, 1) if lines is None or f"[{n}]" in shown]


def question(q: dict[str, Any]) -> str:
    floor, taken = q.get("floor"), q["role"].get("taken")
    lines = [f"Role taken as: {taken}"] if taken else []
    lines += [f"So far: at least {floor['level']}. " + " ".join(w["text"] for w in floor["why"])] if floor else []
    lines.append(q["question"])
    if q.get("because") and not (floor and any(w["text"] == q["because"] for w in floor["why"])):
        lines.append(f"(Why I ask: {q['because']})")
    for n, option in enumerate(q["options"], 1):
        flags = " ".join(f"--{fact} {value}" for fact, value in option["sets"].items())
        leads = f" ({option['leads_to']})" if option.get("leads_to") else ""
        lines.append(f"  {n}. {option['label']}{leads}  [{flags}]")
    return "\n".join(lines + _sources(q["citations"]))


def determination(d: dict[str, Any], full: bool = False) -> str:
    if d["level"]:
        lines = [f"{d['level']} ({'health framework' if d['framework'] == 'health' else 'school tiers'})"]
    else:
        lines = ["The documents set no training level for this role or setting."]
    if d["role"].get("taken"):
        lines.append(f"Role taken as: {d['role']['taken']} (not right? run it again with your own job title)")
    lines += ["Why:"] + [f"  - {w['text']}{_cites(w['cite'])}" for w in d["why"]]
    for key, title in (("induction", induction_label(d)), ("refresher", "Refresher")):
        if d.get(key):
            lines.append(f"{title}: {d[key]['text']}{_cites(d[key]['cite'])}")
    if d.get("builds_on"):
        lines.append(f"Builds on: {', '.join(d['builds_on'])}")
        lines += [f"  {i['text']}{_cites(i['cite'])}" for t in d["topics"] if t["id"].endswith("-builds-on") for i in t["items"]]
    if d.get("learning_areas") and not d.get("learning_outcomes"):
        lines += [f"Learning areas the report says are being developed for {d['level']}:"]
        lines += [f"  - {a['text']}{_cites(a['cite'])}" for a in d["learning_areas"]]
    lines += _capped("Afterwards you should be able:", d.get("learning_outcomes") or [], full)
    lines += _capped("Competencies:", d.get("competencies") or [], full)
    training = d.get("training") or {}
    if training:
        lines += ["Where to train:"] + [f"  - {m['text']}{_cites(m['cite'])}" for m in training["methods"]]
        lines += [f"  - {s['name']}: {s['url']}{_cites(s['cite'])}" for s in training["sources"]]
        lines += [f"  - {LOCAL_SESSION} {s}" for s in training.get("sessions", [])]
    award = d.get("senco_award")
    if award:
        lines.append("SENCO National Award: " + ("you must achieve it." if award["required"] else "not required of you by the rule below."))
        lines += [f"  - {i['text']}{_cites(i['cite'])}" for i in award["requirement"] + award["course"]]
    said = {w["text"] for w in d["why"]}
    notes = [n for n in d["notes"] if n["statement"] not in said]
    if notes:
        lines += ["Please note:"] + [f"  - {n['statement']}{_cites(n['cite'])}" for n in notes]
    for topic in d["topics"]:
        if full or not d["level"]:
            lines += [f"{topic['title']}:"] + [f"  - {i['text']}{_cites(i['cite'])}" for i in topic["items"]]
    return "\n".join(lines + _sources(d["citations"], lines))


def _capped(title: str, items: list[dict[str, Any]], full: bool) -> list[str]:
    """A titled list, its first SHORT_LIST items unless ``full``, saying how many more there are."""
    if not items:
        return []
    shown = items if full else items[:SHORT_LIST]
    more = [f"  (and {len(items) - len(shown)} more: add --full)"] if len(shown) < len(items) else []
    return [title] + [f"  - {i['text']}{_cites(i['cite'])}" for i in shown] + more


def topic(data: dict[str, Any]) -> str:
    """A topic's lists, each under the lead-in the document gives it ("The Children and Families Act:"), then its notes."""
    lines = [data["title"]]
    for heading, group in groupby(data["items"], key=lambda i: i["heading"]):
        lines.append(cited_list(f"{heading.rstrip(':')}:" if heading else "", list(group)).lstrip("\n"))
    return "\n".join([*lines, *(f"Note: {n['statement']}" for n in data["notes"])])


def cited_list(title: str, items: list[dict[str, Any]], text_key: str = "text") -> str:
    """A titled list whose items each carry a full citation dict."""
    lines = [title]
    for item in items:
        c = item["cite"]
        lines.append(f"  - {item[text_key]}")
        lines.append(f'      ({c["document"]}, "{c["section"]}")')
    return "\n".join(lines)
