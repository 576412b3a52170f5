"""Search over the cited content: the answer to a question no intent handles, in the documents' words.

Every cited line of the knowledge base is a passage (knowledge.indexed), found by the words of its topic
and document, or with ``sources`` the documents' own paragraphs (ranked by BM25). A question
is expanded with the glossary (an abbreviation and its expansion find each other), the role
catalogue's names ("TAs" finds "teaching assistants") and spelling corrections against the
index's own words, then ranked by TF-IDF cosine similarity (scikit-learn, which Rasa already
installs). Below `MIN_SCORE` nothing is returned: the documents do not cover it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from knowledge.defining import ASKS_MEANING
from knowledge.indexed import SOURCE, Passage, indexed_passages
from knowledge.initials import spelled_by_initials
from knowledge.passages import level_named, named_document, of_level, place_names
from knowledge.sections import list_lines, source_lines
from knowledge.ranking import (NUMBERED, asks_for_a_list, Bm25, Coverage, counted, fits, group_score, introduced, irregular, kind_named,
                               lead_in_tails, list_sizes)
from knowledge.asking import particular
from knowledge.reading import quoted
from knowledge.roles import RoleCatalogue, normalise_role
from knowledge.words import ALSO, CAPITALS, also_said, GENERIC as _GENERIC, IGNORED as _IGNORED, SHORT_FORMS as _SHORT_FORMS, WORD as _WORD, phrased
from knowledge.words import tokens as _tokens, written_out
from knowledge.spelling import Spelling
from knowledge.schema import KnowledgeBase

UNFIT = 0.6  # what an answer without the kind of thing asked for is worth beside one with it
MIN_SCORE = 0.17  # below this the best passage shares too little with the question to be its answer
MAX_QUERY = 300

_POINTED = re.compile(r"\bwhat (?:does|do|is) (?:that|it|this) (?:actually |really |exactly )?mean\b")
_BARE = {"what", "whats", "what's", "is", "a", "an", "the", "about", "explain", "meaning", "of"}  # around a term asked alone
_ASKING = [(re.compile(r"\bhow (?:long|much time|many (?:hours|minutes))\b"), "hours hours refresher")]  # what a question asks for
ASKS_FOR = re.compile(r"\bhow (?:long|often|soon|quickly)\b|\b(?:have|has) (?:i|we|they|you) got\b")  # what kind of answer, not what about
GLOSSARY_WEIGHT = 0.5  # an abbreviation's entry answers what it means, not every question that uses it
ELSEWHERE = 0.03  # how much better a list outside a role's topic must answer to be shown instead
LEVEL_BOOST = 0.5  # a named level's passages gain this share of their score on the rest of the question
LIST_WHOLE = 12  # a list asked for is shown whole up to this many items
NEAR = 0.85  # a second list is shown only when it answers nearly as well as the first
LEVEL_HOLDS = 0.7  # asked which levels say something, a level says it when a passage of its holds this much of the question


@dataclass(frozen=True)
class Answer:
    """The list a question is about: its title and heading, and the passages to show, the best answer first."""

    title: str
    heading: str | None
    passages: tuple[Passage, ...]
    score: float
    more: int  # passages of the list not shown


class ContentIndex:
    """Every cited passage, ready to rank against a question: the curated content's, or with ``sources``
    the documents' own paragraphs (asked when the curated content has no answer)."""

    def __init__(self, kb: KnowledgeBase, catalogue: RoleCatalogue | None = None, sources: bool = False) -> None:
        self.passages, self.documents, self.place_names = list(indexed_passages(kb, sources)), kb.documents, place_names(kb.passages)
        self.levels = kb.levels
        self.of_level = {lv.id: np.array([p.group.startswith(f"{lv.id}/") or sources and of_level(lv, p.citation.section, p.text, p.heading)
                                          for p in self.passages]) for lv in kb.levels}
        self.of_other_level = {lv: np.logical_or.reduce([m for other, m in self.of_level.items() if other != lv]) & ~mask
                               for lv, mask in self.of_level.items()}
        self.catalogue = catalogue or RoleCatalogue(kb.roles, kb.wording)
        self.vectorizer = TfidfVectorizer(tokenizer=_tokens, lowercase=False, token_pattern=None, ngram_range=(1, 2),
                                          sublinear_tf=True)
        self.matrix = self.vectorizer.fit_transform([self._indexed(p) for p in self.passages])
        # The documents' own passages are ranked by BM25, which finds their answer more often (scripts/retrieval.py).
        self.bm25 = Bm25([self._indexed(p, boosted=True) for p in self.passages], [p.text for p in self.passages],
                         _tokens) if sources else None
        self.list_size, self.tails = list_sizes(self.passages), lead_in_tails(self.passages, _tokens, _GENERIC)
        self.coverage = Coverage([self._indexed(p) for p in self.passages], _tokens)
        self.asked_words = lru_cache(maxsize=256)(self._asked_words)  # one question is weighed against several answers
        quotes = [p.citation.quote for p in kb.passages]
        self.initials = lru_cache(maxsize=256)(lambda term: (spelled_by_initials(term, quotes) or ("",))[0])
        # Names of one thing (a level and what else it is called, an abbreviation and its expansion): an answer
        # that names one holds the others ("Introductory" answers a question about the induction tier).
        self.names = [tuple(normalise_role(n) for n in (lv.name, *lv.also_called, *(
            name for r in kb.roles if r.level == lv.id and not r.tension for name in (r.name, *r.aliases)))) for lv in kb.levels]
        self.names += [(normalise_role(g.term), normalise_role(g.expansion)) for g in kb.glossary if g.expansion]
        self.names += [tuple(normalise_role(n) for n in (r.name, *r.aliases)) for r in kb.roles if r.aliases]
        self.name_groups: dict[str, list[int]] = {}
        for n, names in enumerate(self.names):
            for name in filter(None, names):
                self.name_groups.setdefault(name, []).append(n)
        self.named_re = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, sorted(self.name_groups, key=len, reverse=True)))
                                   + r")(?![\w'])")
        self.spelling = Spelling(self._indexed(p) for p in self.passages)
        self.words, self.spelt = self.spelling.words, self.spelling.spelt
        self.topics = {t.id: t.title for t in kb.topics}
        self.glossary = [n for n, p in enumerate(self.passages) if p.group.startswith("glossary/")]
        self.terms = {normalise_role(g.term) for g in kb.glossary}
        # The long form finds the abbreviation; the abbreviation finds its long form only when its meaning is asked.
        self.expansions = [(normalise_role(g.expansion), normalise_role(g.term), False) for g in kb.glossary if g.expansion]
        self.expansions += [(normalise_role(g.term), normalise_role(g.expansion), True) for g in kb.glossary if g.expansion]

    def asks_meaning(self, question: str) -> bool:
        """Whether a question asks what something means: "what does SENCO stand for", a term alone ("RAS?", "uncrc") or
        set equal to a question mark ("CYP = ?")."""
        text = normalise_role(question[:MAX_QUERY])
        equals = re.search(r"([\w-]+)\s*=\s*\?", question[:MAX_QUERY])  # "quick one - CYP = ?"
        pointed = _POINTED.search(text)  # "we're told to use our best endeavours for send pupils, what does that mean?": a phrase's
        if pointed and len(text[: pointed.start()].split()) > 2:  # meaning, said before it, not a short form's ("SEND - what's that?")
            return False
        return any(ASKS_MEANING.search(t) for t in (text, question[:MAX_QUERY], written_out(question[:MAX_QUERY]))) or " ".join(w for w in text.split() if w not in _BARE) in self.terms or \
            bool(equals and normalise_role(equals.group(1)) in self.terms)

    def unknown_words(self, question: str) -> list[str]:
        """The question's words of five letters or more that no document uses, even spelt a little differently
        ("scotland") or in another form ("referring"), and its short forms in capitals that they never use or spell out ("NPQ"): what the documents
        cannot speak to."""
        words = _WORD.findall(normalise_role(question[:MAX_QUERY]))
        capitals = [c for c in dict.fromkeys(CAPITALS.findall(question[:MAX_QUERY]))  # "NPQ", "PECS": a short form they never use
                    if len(c) >= 3 and c.casefold() not in self.words | _SHORT_FORMS.keys() | self.terms and not self.initials(c)]
        return [w for w in dict.fromkeys(words) if len(w) >= 5 and w not in _IGNORED and w not in _SHORT_FORMS and w not in ALSO
                and not set(_tokens(w)) & _GENERIC for mended in [self.spelt(w)] if mended not in self.words and not self.spelling.another_form(mended)
                and not set(_tokens(mended)) <= self.coverage.idf.keys()] + capitals  # "covered": they write "cover", "referring" "referral"

    def asked_short_form(self, question: str) -> str | None:
        """The short form a question asks the meaning of when the glossary does not have it ("ELSA?", "what does
        EYPP stand for?"): a word in capitals, or the only word of a question that asks what something means."""
        words = re.findall(r"[A-Za-z][A-Za-z-]*", question[:MAX_QUERY])
        rest = [w for w in words if w.casefold() not in _BARE and not ASKS_MEANING.fullmatch(w.casefold())]
        if not self.asks_meaning(question) and len(rest) != 1:
            return None
        capitals = [w for w in rest if w.isupper() and 2 <= len(w) <= 6]
        term = capitals[0] if len(capitals) == 1 else rest[0] if len(rest) == 1 else None
        return term if term and normalise_role(term) not in self.terms else None

    @staticmethod
    def _indexed(p: Passage, boosted: bool = False) -> str:
        """The words a passage is found by; ``boosted`` counts a list's lead-in twice, as BM25 ranks them."""
        lead_in = (p.heading, p.heading) if boosted else (p.heading,)  # (a paragraph's own number is none of its words)
        return " ".join(filter(None, (NUMBERED.sub("", p.text), p.title, *lead_in, p.keywords, p.citation.title, p.citation.section)))

    def _asked_words(self, question: str) -> frozenset[str]:
        """The words of a question that say what it is about, spelling mended and short forms written out ("hrs"),
        less the words any question uses. (An answer holds a word when it names the thing by any of its names.)"""
        text = ASKS_FOR.sub("how", phrased(normalise_role(question[:MAX_QUERY])))  # "how long": a length of time, not the word
        return frozenset(_tokens(" ".join(self.spelt(_SHORT_FORMS.get(w, w)) for w in _WORD.findall(text)))) - _GENERIC

    def hits(self, question: str, answer: str) -> float:
        """How much of what the question is about an answer holds (0 to 1): half for its whole text, half for its
        best line (with the first line, its title), so one line that answers beats a list that mentions the words
        here and there. The other names of what it names count; an answer without the kind of thing asked for (no
        date for "when") counts less."""
        asked = self.asked_words(question)
        lines = [line for line in answer.split("\n") if line.strip()] or [""]
        whole = self.coverage(asked, f"{self._named(answer)} {kind_named(question, answer)} {also_said(answer)}")
        best = max(self.coverage(asked, self._named(lines[0] + "\n" + line) + " " + also_said(line)) for line in lines)
        held = (whole + best) / 2
        return held if fits(question, answer) else held * UNFIT

    def covers(self, question: str, answer: str) -> float:
        """How much of the question an answer holds, counting the words no document uses against it: whether
        the documents answer the question at all, not which of their answers is better."""
        return self.coverage(self.asked_words(question), f"{self._named(answer)} {kind_named(question, answer)} {also_said(answer)}",
                             strict=True)

    def _named(self, answer: str) -> str:
        """An answer with the other names of what it names ("Introductory" is also the induction tier)."""
        groups = sorted({g for m in self.named_re.finditer(normalise_role(answer)) for g in self.name_groups[m.group()]})
        return " ".join([answer, *(name for g in groups for name in self.names[g])])

    def _scores(self, asked: str, question: str):
        if self.bm25 is not None:
            return self.bm25.scores(f"{asked} {irregular(question)}", question)
        return (self.matrix @ self.vectorizer.transform([asked]).T).toarray().ravel()

    def expand(self, question: str) -> str:
        """The question with typos corrected and glossary and role names added."""
        text = normalise_role(question[:MAX_QUERY])
        meaning = self.asks_meaning(text) and not quoted(question)  # "what does 'achievement' mean in the senco spec": not SENCO
        text = " ".join(self.spelt(_SHORT_FORMS.get(w, w)) + (f" {ALSO[w]}" if w in ALSO else "") for w in _WORD.findall(phrased(text)))
        # What a question asks for finds the curated lists' hours; the documents' own passages lean on a number instead.
        extra = [words for asking, words in _ASKING if asking.search(text)] if self.bm25 is None else []
        extra += [b for a, b, asked in self.expansions
                 if (meaning or not asked) and re.search(rf"(?<![\w']){re.escape(a)}(?![\w'])", text)]
        for short in CAPITALS.findall(question[:MAX_QUERY]):  # "can EYPP be used for SEND": Early Years Pupil Premium
            if short.casefold() not in self.words:
                extra.append(self.initials(short))
        roles = self.catalogue.resolve(text).roles
        one_topic = len({r.topic for r in roles if r.topic}) <= 1  # two roles' topics would outweigh what is asked of them
        for role in roles:
            if not set(_tokens(role.name)) <= set(_tokens(text)):  # "TAs" is teaching assistants; "teacher" is said already
                extra += [role.name, self.topics.get(role.topic, "") if one_topic else ""]
        return " ".join([text, *extra])

    def _particular(self, question: str, topic_ids: tuple[str, ...]) -> set[str]:
        return particular(" ".join(self.spelt(_SHORT_FORMS.get(w, w)) for w in _WORD.findall(normalise_role(question))), self.catalogue,
                          " ".join(self.topics.get(t, "") for t in topic_ids))

    def _asked_within(self, question: str, within: tuple[str, ...]) -> str:
        """The question's words beyond a topic's, mended, in its order (its pairs found), unstemmed (the scoring stems: "course" twice is "cour")."""
        wanted, said = self._particular(question, within), _WORD.findall(normalise_role(question[:MAX_QUERY]))
        words = list(dict.fromkeys(w for w in _WORD.findall(" ".join(self.spelt(_SHORT_FORMS.get(w, w)) for w in said)) if set(_tokens(w)) & wanted))
        return " ".join([*words, *(wanted - set(_tokens(" ".join(words))))])

    def _groups(self, question: str) -> dict[str, float]:
        """Each list's score for the question, as `search` ranks them."""
        scores = (self.matrix @ self.vectorizer.transform([self.expand(question)]).T).toarray().ravel()
        if not self.asks_meaning(question):
            scores[self.glossary] *= GLOSSARY_WEIGHT
        members: dict[str, list[int]] = {}
        for n, p in enumerate(self.passages):
            members.setdefault(p.group, []).append(n)
        return {group: group_score(scores, ns) for group, ns in members.items()}

    def better_elsewhere(self, question: str, topic_id: str) -> bool:
        """Whether the question is answered clearly better outside a topic it seemed to be about ("can an experienced
        teacher get the SENCO award...?" names teachers, and asks about the award)."""
        groups = {g: s for g, s in self._groups(question).items() if g.split("/")[0] in self.topics}  # other topics only
        best = max(groups.items(), key=lambda g: g[1])
        inside = max((s for g, s in groups.items() if g.startswith(f"{topic_id}/")), default=0.0)
        return not best[0].startswith(f"{topic_id}/") and best[1] >= MIN_SCORE and best[1] > inside + ELSEWHERE

    def search(self, question: str, groups: int = 2, limit: int = 8, within: str | tuple[str, ...] | None = None,
               whole: int = 0, leave_out: frozenset[str] = frozenset()) -> list[Answer]:
        """The lists that answer the question best (a second only when it scores nearly as well), each
        with its best passages, at most ``limit`` (all of a list of ``whole`` or fewer), best first; none when nothing scores enough.
        ``within`` keeps to one topic's lists (or a few topics'), ranked by the words beyond their own, any match counting;
        ``leave_out``: lists not to answer with (another place's duties)."""
        within = (within,) if isinstance(within, str) else within
        whole = max(whole, LIST_WHOLE) if asks_for_a_list(question) else whole  # "in what ways do TAs support learning?"
        asked = self.expand(question) if within is None else self._asked_within(question, within)
        scores = (self._scores(asked, question) if within else self._in_named(asked, question)) * counted(question, self.list_size)
        if asks_for_a_list(question) and self.bm25 is not None:  # the list its lead-in names first
            scores = scores + scores.max() * introduced(self.tails, self.asked_words(question))
        if not self.asks_meaning(question):
            scores[self.glossary] *= GLOSSARY_WEIGHT
        by_group: dict[str, list[int]] = {}
        for n in range(len(self.passages)):
            if (within is None or self.passages[n].group.split("/")[0] in within) and self.passages[n].group not in leave_out:
                by_group.setdefault(self.passages[n].group, []).append(n)
        ranked = sorted(by_group.items(), key=lambda g: -group_score(scores, g[1]))
        answers: list[Answer] = []
        for group, members in ranked[:groups]:
            score = group_score(scores, members)
            if score < (MIN_SCORE if within is None else 0.01) or (answers and score < NEAR * answers[0].score):
                break
            best = sorted(members, key=lambda n: -scores[n])  # the line that answers first, then the rest that share its words
            first = self.passages[members[0]]
            heading, shown, pool = (first.heading, list_lines(self.passages, members, best, scores, max(limit, len(members) if len(members) <= whole else 0)), members) \
                if not group.startswith(f"{SOURCE}/") \
                else source_lines(self.passages, members, best, scores, asks_for_a_list(question))
            answers.append(Answer(first.title, heading, tuple(self.passages[n] for n in shown), score, len(pool) - len(shown)))
        return answers

    def by_level(self, question: str) -> list[tuple[object, Passage]]:
        """"Which levels cover tribunals?": for each level with a passage that holds what the question asks (asked without
        its "which levels"), the best such passage; none when no level's does."""
        scores, asked = self._scores(self.expand(question), question), self.asked_words(question)
        holds = np.array([self.coverage(asked, self._named(p.text)) >= LEVEL_HOLDS for p in self.passages]) if asked else False
        found = []
        for lv in self.levels:
            held = np.where(self.of_level[lv.id] & holds, scores, -1.0)
            if held.max() > 0:  # (a long line that holds it all scores little)
                found.append((lv, self.passages[int(np.argmax(held))]))
        return found

    def _role_level(self, question: str):
        """The one level the roles a question names are placed in by the documents, where none is disputed, and the
        words of their names (what the rest of the question is asked of the level without)."""
        roles = self.catalogue.resolve(normalise_role(question[:MAX_QUERY])).roles
        placed = {r.level for r in roles}
        if len(placed) != 1 or any(r.tension or not r.level for r in roles):
            return None, set()
        return next((lv for lv in self.levels if lv.id in placed), None), set(_tokens(" ".join(n for r in roles for n in (r.name, *r.aliases))))

    def _in_named(self, asked: str, question: str):
        """Passages scored for a question; when it names one of the five documents (``named_document``), only its
        passages, on the rest of the question (the name found it, and would rank its shortest lines first); when it
        names one level, or a role the documents place in one, its passages first among those as good ("does L3 cover
        annual reviews?", "does the DHO have to work with adult services?")."""
        named = named_document(self.documents, written_out(question), self.place_names)
        level, role_words = level_named(self.levels, question), set()
        if level is None:
            level, role_words = self._role_level(question)
        scores = self._scores(asked, question)
        if level is not None:
            said = {*_tokens(level.name), level.name.split()[-1], *role_words}
            rest = " ".join(w for w in asked.split() if w.casefold() not in said and not set(_tokens(w)) <= said)
            scores = (scores + LEVEL_BOOST * self._scores(rest, question) * self.of_level[level.id] if _tokens(rest) else scores) \
                * np.where(self.of_other_level[level.id], 1 - LEVEL_BOOST, 1.0)  # and another level's passages after them
        inside = np.array([named is not None and p.citation.document == named[0].file_name for p in self.passages])
        if not inside.any():  # (an organisation's own documents are not the five)
            return scores
        rest = " ".join(w for w in asked.split() if w.casefold() not in named[1])
        for scores in (self._scores(rest, question) * inside if _tokens(rest) else inside * 0.0, self._scores(asked, question) * inside):
            if scores.max() >= MIN_SCORE:
                return scores
        return self._scores(asked, question)  # the document named does not answer it: every document
