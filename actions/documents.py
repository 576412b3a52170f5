"""Answers in the documents' own words: the part of a topic that was asked about, and a search over everything cited
for what no intent handles."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import groupby
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Text, Tuple

from sqlalchemy.exc import SQLAlchemyError

from actions import replies
from actions.knowledge_base import guide, local_documents
from knowledge import lookup
from knowledge.asking import asks_about, place_named, without_the_asker
from knowledge.indexed import group_of
from knowledge.passages import FOOTNOTE_MARK, footnotes, shown_text
from knowledge.ranking import COVERS, OUT_OF_SCOPE_COVERS, shown as _shown
from knowledge.reading import mentions_a_job, quoted, sectors_named
from knowledge.search import MIN_SCORE, Answer, ContentIndex

logger = logging.getLogger(__name__)
PER_GROUP = 4  # items of each list when a whole topic is shown
TOPIC_LINES = 12  # items of a whole topic shown, shared between its lists
WHOLE = "Everything on {title}"
SOURCE_MARGIN = 0.1  # how much more of the question the documents' own passages must hold to be shown instead
COVERS_MORE = 0.25  # how much more of a question the documents' own passages must hold to answer it below COVERS
SOURCE_GROUPS = 2  # sections of the documents' own passages shown for a question (a second only when nearly as good)
NEAREST_WORDS = 2  # words the documents use, left in a question without those they never do, enough to search by


@lru_cache(maxsize=1)
def index() -> ContentIndex:
    """Built once per process from the cached knowledge base (about 0.1 s)."""
    return ContentIndex(guide().kb, guide().catalogue)


@lru_cache(maxsize=1)
def source_index() -> ContentIndex:
    """The documents' own paragraphs, for a question the curated content does not answer."""
    return ContentIndex(guide().kb, guide().catalogue, sources=True)


@lru_cache(maxsize=64)
def _sourced(question: Text) -> Tuple[Answer, ...]:
    """The documents' own passages for a question, ranked once however many answers are weighed against them."""
    return tuple(source_index().search(question, groups=SOURCE_GROUPS))


def cited_lines(passages: List[Any], citations: List[Dict[Text, Text]]) -> List[replies.Item]:
    """Passages as cited lines, each followed by the footnotes its marks refer to ("stakeholders²": who they might be)."""
    lines: List[replies.Item] = []
    for p in passages:
        for shown in (p, *(_notes().get((p.citation.document, m)) for m in FOOTNOTE_MARK.findall(p.text))):
            if shown is None or any(line["text"] == shown_text(shown.text) for line in lines):
                continue
            cite = lookup.cite_dict(shown.citation)
            if cite not in citations:
                citations.append(cite)
            lines.append(replies.item(shown_text(shown.text), citations.index(cite)))
    return lines


@lru_cache(maxsize=1)
def _notes() -> Dict[Tuple[Text, Text], Any]:
    return footnotes(guide().kb.passages)


def search(text: Text, out_of_scope: bool = False) -> Optional[replies.Message]:
    """The lists of the documents that answer the question, or None when nothing answers it well enough: the
    documents' own passages only when they hold enough of the question, more of it when the classifier took
    the question to be about something else ("what time is it" shares a word with a passage). When nothing answers
    it whole, what answers the rest of it, without the words no document uses ("the formal entry requirements")."""
    return _search(text, out_of_scope) or (None if out_of_scope else nearest(text, source_index().unknown_words(about(text))))


def nearest(text: Text, unheard: Sequence[Text]) -> Optional[replies.Message]:
    """What answers a question without the words no document uses ("the formal entry requirements", "other things"), when
    enough of it is left to search by; None otherwise ("what is makaton?"). Its note says what they do not mention."""
    rest = re.sub("|".join(rf"(?<![\w'-]){re.escape(u)}(?![\w'-])" for u in unheard), " ", text, flags=re.IGNORECASE) if unheard else text
    return _search(rest, False) if rest != text and enough_asked(rest) else None


def enough_asked(text: Text) -> bool:
    """Whether a question holds enough of the documents' words to search by (without those they never use, or as "more")."""
    return len(index().asked_words(about(text))) >= NEAREST_WORDS


def asks_nothing_of_theirs(text: Text) -> bool:
    """Whether a question holds no word the documents use ("who won the football?", not "is it online?")."""
    return not index().asked_words(about(text)) & source_index().coverage.idf.keys()


def _search(text: Text, out_of_scope: bool) -> Optional[replies.Message]:
    text = about(text)
    sourced, curated = list(_sourced(text)), index().search(text)
    phrase = quoted(text)
    if phrase:  # "what does 'achievement' mean in the senco spec": only what holds the word asked about
        sourced, curated = ([a for a in answers if phrase.casefold() in _shown([a]).casefold()] for answers in (sourced, curated))
    theirs, ours = (index().covers(text, _shown(answers)) if answers else 0.0 for answers in (sourced, curated))
    if sourced and theirs < (OUT_OF_SCOPE_COVERS if out_of_scope else COVERS) \
            and (out_of_scope or theirs < ours + COVERS_MORE or source_index().unknown_words(text)):
        sourced = []  # too little of the question, unless far more than the curated lists hold of one in the documents' words
    if curated and out_of_scope and ours < OUT_OF_SCOPE_COVERS:
        curated = []
    answers = _with_local(text, _better(text, curated, sourced), out_of_scope)
    return _message(answers) if answers else None


def about(question: Text) -> Text:
    """What a question is about, without the job its asker names before it ("Careers adviser at a secondary.")."""
    wording = guide().kb.wording
    return without_the_asker(question, (*wording.job_words, *wording.job_nouns))


def _with_local(question: Text, answers: List[Answer], out_of_scope: bool) -> List[Answer]:
    """The organisation's own documents beside the five: their best section first when it holds more of the question,
    after the five's answer otherwise, and not at all when it holds too little of it."""
    try:
        theirs, local = local_documents().current(), local_documents().answering(question, OUT_OF_SCOPE_COVERS if out_of_scope else COVERS)
    except SQLAlchemyError:  # the five documents still answer while the organisation's cannot be read
        logger.warning("The organisation's documents could not be read; answering from the five documents only.")
        return answers
    if not local:
        return answers
    if not answers or theirs.hits(question, _shown(local)) > theirs.hits(question, _shown(answers)):
        return local + answers[:1]
    return answers + local


def _message(answers: List[Answer]) -> replies.Message:
    citations: List[Dict[Text, Text]] = []
    sections = [replies.section(cited_lines(list(a.passages), citations), _title(a.title, a.heading),
                                more=f"(and {a.more} more in the documents)" if a.more else None) for a in answers]
    return replies.message(replies.reply("answer", sections, citations))


def _better(question: Text, curated: List[Answer], sourced: List[Answer]) -> List[Answer]:
    """The curated lists' answer, unless the documents' own passages hold clearly more of what is asked (or alone);
    with the passages' best section after it when they hold as much and say something it does not."""
    if not sourced or not curated:
        return sourced or curated
    theirs, ours = source_index().hits(question, _shown(sourced)), source_index().hits(question, _shown(curated))
    if theirs > ours + SOURCE_MARGIN:
        return sourced
    return curated + sourced[:1] if theirs >= ours and _says_more(sourced[0], _shown(curated)) else curated


def _says_more(answer: Answer, said: Text) -> bool:
    """Whether a section of the documents shows a passage that an answer does not (in the documents' words, or as a
    reply shows them: a table row's cells apart)."""
    return any(p.text not in said and shown_text(p.text) not in said for p in answer.passages)


def sharper(question: Text, message: replies.Message, answers_to: Text = "") -> replies.Message:
    """An answer, or the documents' own passages when they hold clearly more of what the question asks about
    ("who approves SENCO training providers?" answered by the award's topic, whose answering line is not shown).
    ``answers_to``: words the answer's kind answers without showing them ("hours" for a level's hours)."""
    question = about(question)
    sourced = list(_sourced(question))
    if sourced and index().covers(question, _shown(sourced)) < COVERS:
        return message
    doc = (message.get("json_message") or {}).get(replies.KEY) or {}
    titles = " ".join(dict.fromkeys(s["title"] for s in doc.get("sources", [])))  # the documents it is from ("... the senco spec")
    answered = f"{answers_to} {said(message)} {titles}"  # the kind's words belong to its title line
    theirs, ours = (source_index().hits(question, _shown(sourced)), source_index().hits(question, answered)) if sourced else (0.0, 0.0)
    if theirs > ours + SOURCE_MARGIN:
        return _message(sourced)
    each = doc.get("each")  # a line for each level: whole as it is
    if sourced and theirs >= ours and not each and _says_more(sourced[0], answered):  # as good: both, the answer first
        return replies.joined(message, _message(sourced[:1]))
    return message


def said(message: replies.Message) -> Text:
    """A reply's text without its list of sources."""
    return message.get("text", "").split("\n\nSources:\n")[0]


def whole_topic(topic_id: Text) -> Dict[Text, Text]:
    """The button that asks for all of a topic ("Everything on SENCOs")."""
    return {"title": WHOLE.format(title=guide().kb.topic(topic_id).title)[:75], "payload": f'/ask_responsibilities{{"topic": "{topic_id}"}}'}


def _title(title: Text, heading: Optional[Text]) -> Text:
    return f"{title}: {heading.rstrip(':')}:" if heading else f"{title}:"


def topic(topic_id: Text, question: Optional[Text] = None, asked: bool = False) -> replies.Message:
    """A topic: the list the question asks about when it asks about something in particular ("what should
    TAs be trained to do?"), with a button for the rest; otherwise every list of it, a few items each. Where it sets
    duties place by place and the question names one place ("SENCo in a pre-school"), only that place's. ``asked``: the
    question is known to ask about this topic ("can we appoint our HLTA as SENCO?"), whatever else scores better."""
    kb = guide().kb
    question = about(question) if question else question  # not its asides: "... outcomes? for a year 9 review slide"
    found = kb.topic(topic_id)
    own = " ".join(name for r in kb.roles if r.topic == topic_id for name in (r.name, *r.aliases))  # "the head" is the headteacher
    named = place_named(question, kb.wording.job_words + kb.wording.job_nouns) if question else None
    if question and named is None and not own:  # a topic no role owns: "do pre-schools get SEND funding?" names its place
        sectors = sectors_named(question, None) & lookup.sectors_of(found)
        named = sectors.pop() if len(sectors) == 1 else None
    place = named if named in lookup.sectors_of(found) and len(lookup.sectors_of(found)) > 1 else None  # "SENCo in a pre-school"
    elsewhere = frozenset(group_of(topic_id, s) for s in lookup.sectors_of(found) - {place}) if place else frozenset()
    found, where = (lookup.for_sector(found, place), {"place": place}) if place else (found, {})  # its own list stays the answer
    particular = bool(question) and asks_about(question, guide().catalogue, f"{found.title} {own}")  # not "teachers' duties for SEND kids"
    if particular and not elsewhere and not asked and index().better_elsewhere(question, topic_id):  # (a place named: its own list answers)
        answer = search(question)
        if answer:
            return answer
    if particular:
        # Within a topic the lists are scored on the question's words beyond the topic's own, so the documents'
        # passages (scored on the whole question) are asked only when none of its lists answers.
        within = index().search(question, groups=1, within=topic_id, whole=TOPIC_LINES, leave_out=elsewhere)  # the list asked about
        answers = within or ([] if place else list(_sourced(question)))
        if answers:  # (neither a list of the topic nor the documents' own passages may answer)
            title = found.title if answers is within else answers[0].title
            citations: List[Dict[Text, Text]] = []
            answer = answers[0]
            section = replies.section(cited_lines(list(answer.passages), citations), _title(title, answer.heading))
            return replies.message({**replies.reply("answer", [section], citations), **where}, [whole_topic(topic_id)])
    citations = []
    sections = []
    groups = _lists(found)
    per = max(PER_GROUP, TOPIC_LINES // len(groups))  # a topic of one or two lists is shown whole, or nearly
    for heading, items in groups:
        lines = cited_lines([Shown(i.text, i.citation) for i in items[:per]], citations)
        more = f"(and {len(items) - per} more)" if len(items) > per else None
        sections.append(replies.section(lines, _title(found.title, heading[1]), more=more))
    notes = [Shown(t.statement, t.citations[0]) for t in kb.tensions_for(topic_id)]  # where the documents disagree about it
    sections.append(replies.section(cited_lines(notes, citations), "Please note:"))
    return replies.message({**replies.reply("answer", sections, citations), **where})


def _lists(topic: Any) -> List[Tuple[Tuple[Text, Optional[Text]], List[Any]]]:
    """A topic's lists: its items grouped by kind and lead-in, in the documents' order."""
    return [(key, list(group)) for key, group in groupby(topic.items, key=lambda i: (i.kind, i.heading))]


def among(topic_ids: Sequence[Text], question: Text) -> Optional[replies.Message]:
    """A question naming two roles ("who is responsible for medical conditions, governors or head?"): the lists of their
    topics that hold what it asks about, whoever's they are; None when none of them does ("can a TA be the SENCO?")."""
    answers = [a for a in index().search(question, groups=2, within=tuple(topic_ids)) if a.score >= MIN_SCORE]
    return _message(answers) if answers else None


def side_by_side(topic_ids: Sequence[Text]) -> replies.Message:
    """Two roles compared ("difference between the SENCO and the head"): each topic's longest list the documents lead
    into ("It is the role of the headteacher to:"), a few lines each."""
    citations: List[Dict[Text, Text]] = []
    sections = []
    for topic_id in topic_ids:
        found = guide().kb.topic(topic_id)
        (kind, heading), items = max(_lists(found), key=lambda g: (g[0][1] is not None, len(g[1])))
        lines = cited_lines([Shown(i.text, i.citation) for i in items[:PER_GROUP]], citations)
        sections.append(replies.section(lines, _title(found.title, heading), more=f"(and {len(items) - PER_GROUP} more)"
                                        if len(items) > PER_GROUP else None))
    return replies.message({**replies.reply("answer", sections, citations), "compared": list(topic_ids)}, [whole_topic(t) for t in topic_ids])


class Shown(NamedTuple):
    """A topic item as a passage to show."""
    text: Text
    citation: Any


def mentions_job(text: Text) -> bool:
    """"porters", "dinner ladies": a job word of the catalogue's wording, named or not by the documents."""
    wording = guide().kb.wording
    return mentions_a_job(text, (*wording.job_words, *wording.job_nouns))
