"""Reading a start date and the training done, as people type them, for `knowledge.plan`.

Dates are read day first, as in the UK: 2025-09-01, 1/9/2025, 1 September 2025, 1st Sept 25.
Training is one entry per line or per ";": a date, the minutes or hours, and a level where given,
for example "90 minutes Level 2 on 3 March 2025". Anything that cannot be read is refused with
the reason; nothing is guessed (a month without a day is not a date).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Sequence
from urllib.parse import urlencode

from knowledge.plan import Done
from knowledge.reading import is_question
from knowledge.schema import Level

MONTHS = {name.casefold(): n for n in range(1, 13) for name in (calendar.month_name[n], calendar.month_abbr[n])}
MONTHS["sept"] = 9
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(
    r"\b(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})[/.](?P<ny>\d{4}|\d{2})"
    rf"|(?P<wd>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<wm>{_MONTH})\.?,?\s+(?P<wy>\d{{4}}|\d{{2}}))\b",
    re.IGNORECASE)
_AMOUNT = re.compile(r"(?P<h>\d{1,5}(?:\.\d{1,3})?)\s*(?:hours?|hrs?|h)\s*(?:and\s*)?(?P<hm>\d{1,3})\s*(?:minutes?|mins?|m)?\b"
                     r"|(?P<n>\d{1,6}(?:\.\d{1,3})?)\s*(?P<unit>minutes?|mins?|m|hours?|hrs?|h)\b", re.IGNORECASE)
NONE = re.compile(r"^\s*(?:none|nothing|no(?:ne)?\s*(?:training)?(?:\s*yet)?|not yet|n/?a|-)\s*\.?\s*$", re.IGNORECASE)
MAX_ENTRIES = 50  # typed at once
MAX_LINK_ENTRIES = 120  # in a plan link, records included: about 40 characters each, well under a server's 8 KB request line


class PlanInputError(ValueError):
    """Input that cannot be read, with a reason a person can act on."""


def _year(text: str) -> int:
    """A two-digit year is this century's unless that is more than five years ahead: 25 is 2025, 98 is 1998."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year + 2000 <= dt.date.today().year + 5 else 1900
    return year


def find_dates(text: str) -> list[dt.date]:
    """Every date in the text, in order; a date that does not exist (31/02/2025) is refused."""
    dates = []
    for m in _DATE.finditer(text):
        if m.group("iy"):
            parts = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        elif m.group("ny"):
            parts = _year(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
        else:
            parts = _year(m.group("wy")), MONTHS[m.group("wm").casefold()], int(m.group("wd"))
        try:
            dates.append(dt.date(*parts))
        except ValueError:
            raise PlanInputError(f"{m.group(0)} is not a date in the calendar") from None
    return dates


def read_date(text: str) -> dt.date:
    """The one date in a message such as "I started on 1 September 2025"."""
    dates = find_dates(text or "")
    if len(dates) != 1:
        raise PlanInputError("I need one date with a day, month and year, for example 1 September 2025 or 01/09/2025"
                             if not dates else "I found more than one date there; please give just one")
    return dates[0]


def level_named(levels: Sequence[Level], text: str) -> Level | None:
    """The level an entry names ("Level 2", "level two", "L3", or a tier's name), or None where it names none."""
    words = " ".join(re.sub(r"[^\w ]", " ", text.casefold()).split())
    words = re.sub(r"\b(?:l|lvl)\s?(\d)\b", r"level \1", words)
    for number, word in enumerate(("one", "two", "three", "four", "five"), start=1):
        words = re.sub(rf"\blevel {word}\b", f"level {number}", words)
    found = list({lv.id: lv for lv in levels for name in (lv.name, *lv.also_called)
                  if re.search(rf"\b{re.escape(name.casefold())}\b", words)}.values())
    numbers = set(re.findall(r"\blevel (\d+)\b", words)) - {lv.name.casefold().removeprefix("level ") for lv in found}
    if numbers:
        raise PlanInputError(f"the documents have no Level {min(numbers)}; their levels are " +
                             ", ".join(lv.name for lv in levels if lv.framework == "health"))
    if len(found) > 1:
        raise PlanInputError(f'"{_short(text)}" names more than one level ({", ".join(lv.name for lv in found)}); give one per entry')
    return found[0] if found else None


def read_training(levels: Sequence[Level], text: str) -> list[Done]:
    """The training entries in the text; "none" gives an empty list."""
    if not text or NONE.match(text):
        return []
    entries = [e for e in re.split(r"[;\n]+", text) if e.strip()]
    if len(entries) > MAX_ENTRIES:
        raise PlanInputError(f"that is more than {MAX_ENTRIES} entries; give the training of the last three years")
    done = []
    for entry in entries:
        dates, amounts = find_dates(entry), list(_AMOUNT.finditer(_without_dates(entry)))
        if len(dates) != 1 or len(amounts) != 1:
            missing = "a date" if len(dates) != 1 else "how long it was (for example 90 minutes or 1.5 hours)"
            raise PlanInputError(f'I could not read "{_short(entry)}": each entry needs one date and one length, and {missing} '
                                 "was not clear. For example: 90 minutes Level 2 on 3 March 2025")
        amount = amounts[0]
        if amount.group("h"):
            minutes = round(float(amount.group("h")) * 60 + int(amount.group("hm")))
        else:
            minutes = round(float(amount.group("n")) * (60 if amount.group("unit").casefold().startswith("h") else 1))
        if not 0 < minutes <= 10_000:
            raise PlanInputError(f'"{_short(entry)}": a length between 1 minute and 10,000 minutes, please')
        done.append(Done(dates[0], minutes, level_named(levels, entry)))
    return done


def _without_dates(text: str) -> str:
    return _DATE.sub(" ", text)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def to_query(level: Level, started_on: dt.date | None, done: Sequence[Done], senco_award_required: bool = False) -> str:
    """A plan's inputs as a link's query (no names, no message text): what the calendar and page links carry."""
    pairs = [("level", level.id)] + ([("started", started_on.isoformat())] if started_on else [])
    pairs += [("done", ",".join([d.on.isoformat(), str(d.minutes)] + ([d.level.id] if d.level else []))) for d in done]
    return urlencode(pairs + ([("award", "1")] if senco_award_required else []))


def from_query(levels: Sequence[Level], params: dict[str, list[str]]) -> tuple[Level, dt.date | None, list[Done], bool]:
    """The inputs `to_query` wrote, checked again: a link can be edited by anyone."""
    by_id = {lv.id: lv for lv in levels}

    def day(text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise PlanInputError(f"{_short(text)} is not a date like 2025-09-01") from None

    level = by_id.get((params.get("level") or [""])[0])
    if level is None:
        raise PlanInputError("the link does not name a level this guide knows")
    started = day(params["started"][0]) if params.get("started") else None
    entries = params.get("done") or []
    if len(entries) > MAX_LINK_ENTRIES:
        raise PlanInputError(f"that is more than {MAX_LINK_ENTRIES} entries")
    done = []
    for entry in entries:
        on, minutes, *named = entry.split(",") + ([""] if "," not in entry else [])
        if not re.fullmatch(r"[0-9]{1,5}", minutes) or not 0 < int(minutes) <= 10_000 or len(named) > 1 or (named and named[0] not in by_id):
            raise PlanInputError(f'"{_short(entry)}" is not an entry like 2025-09-01,90,level-2')
        done.append(Done(day(on), int(minutes), by_id[named[0]] if named else None))
    return level, started, done, (params.get("award") or [""])[0] == "1"


STOP = re.compile(r"^\s*(?:stop|cancel|quit|exit|leave it|never ?mind|no thanks|forget (?:it|the plan)|stop the plan)\W*$", re.IGNORECASE)


def attempts_an_answer(text: str) -> bool:
    """A statement with a number in it ("about an hour on 3 March") is an answer to read, whatever else it looks like."""
    return bool(re.search(r"\d", text or "")) and not text.lstrip().startswith("/") and not is_question(text)


def stops(text: str) -> bool:
    """Whether a message asks to leave the plan's questions."""
    return bool(STOP.match(text or ""))


def read_length(levels: Sequence[Level], text: str) -> tuple[int, Level | None]:
    """The minutes and the level of one piece of learning: "90 minutes Level 2", "1h30", "2 hours"."""
    if find_dates(text or "") or ";" in (text or "") or "\n" in (text or ""):
        raise PlanInputError("just the length and the level, please, for example 90 minutes Level 2")
    try:
        [done] = read_training(levels, f"{text} on 2000-01-01")  # the date is asked separately
    except PlanInputError as error:
        if "no Level" in str(error) or "more than one level" in str(error):
            raise PlanInputError(str(error).replace(" on 2000-01-01", "")) from None  # no such level, or two levels
        raise PlanInputError("I need how long it was, for example 90 minutes or 1.5 hours, and the level if you know it") from None
    return done.minutes, done.level
