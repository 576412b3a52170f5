"""Words as the search reads them: a question's and a passage's words folded to one form ("colleges" and
"college", "three" and "3", "hrs" and "hours"), and the words every question uses, which say nothing about
what it asks."""
from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SHORT_FORMS = {**{f"l{n}": f"level {n}" for n in range(1, 6)}, **{f"t{n}": f"tier {n}" for n in range(1, 3)},
               "lincs": "lincolnshire", "esx": "east sussex", "info": "information", "govs": "governors", "kids": "children", "pls": "", "plz": "",
               "hrs": "hours", "hr": "hour", "yrs": "years", "yr": "year", "mins": "minutes", "wks": "weeks",
               "vid": "video", "vids": "videos", "spec": "specification", "nat": "national", "intro": "introduction", "enquiry": "inquiry", "r": "are", "u": "you", "ur": "your", "wat": "what", "wot": "what", "wats": "whats", "wots": "whats", "wht": "what", "hav": "have", "b4": "before",
               "abt": "about", "avg": "average", "natl": "national", "mgr": "manager", "mgrs": "managers", "ppl": "people", "govt": "government",
               "reqd": "required", "thru": "through", "wk": "week", "paeds": "paediatric", "paed": "paediatric", "qs": "questions", "q's": "questions", "reqs": "requirements", "quals": "qualifications",
               # schools' short forms the documents never spell out (SLT is also the speech and language therapist)
               "slt": "slt senior leadership team", "salt": "speech and language therapy", "asd": "autism autistic", "gb": "governing board", "pfa": "preparing for adulthood",
               "cop": "code of practice", "pvi": "private voluntary independent", "nasenco": "national award sen co-ordination",
               "ey": "early years", "eyfs": "early years foundation stage", "plt": "protected learning time",
               # everyday words for the documents' ones
               "nursery": "nursery early years", "nurseries": "nurseries early years", "preschool": "preschool early years",
               "exam": "examination", "exams": "examinations",
               # one word the documents write as two
               "signposting": "signposting sign post", "signpost": "signpost sign post"}
# Words the documents say another way, added to a question's search but never required of its answer: an answer
# about new SENCOs need not say "newly".
ALSO = {"online": "elearning", "virtual": "elearning", "remote": "elearning", "new": "newly", "newly": "new", "cover": "including",
        "covers": "including", "extra": "additional",
        "regardless": "irrespective", "para": "paragraph", "paras": "paragraphs", "exist": "available", "exists": "available",
        "class": "classroom", "law": "legislation", "laws": "legislation", "council": "authority", "councils": "authorities",
        "override": "replace", "overrides": "replace", "contract": "contractual", "contracts": "contractual",
        **{spot: "identify identified" for spot in ("spot", "spots", "spotted", "spotting", "notice", "noticed", "notices")},
        "toddler": "under school entry age", "toddlers": "under school entry age", "notify": "alert", "inform": "alert",
        **{pay: "funding financial" for pay in ("pay", "pays", "paying", "paid", "payment", "payments")},
        "based": "informed", "parts": "aspects", "needing": "require",
        **{c: "discussions" for c in ("consult", "consulted", "consulting", "consultation")}}
_ALSO_BOTH: dict = {}
for _word, _other in ALSO.items():
    _ALSO_BOTH.setdefault(_word, set()).add(_other)
    _ALSO_BOTH.setdefault(_other, set()).add(_word)


def also_said(text: str) -> str:
    """The other words for those of a text (ALSO, both ways): an answer that says "newly" holds a question's "new"."""
    return " ".join(sorted({o for w in WORD.findall(phrased(text)) for o in _ALSO_BOTH.get(w, ())}))


PHRASES = {"make sure": "ensure", **{f"whose {job}{is_it}": "whose" for job in ("job", "role", "responsibility", "duty")
                                     for is_it in ("", " is it")},  # "whose job is it to ...": who, not jobs
           "e-learning": "elearning", "e learning": "elearning",  # read as one word, on both sides
           **{f"{verb} out": "implementation" for verb in ("roll", "rolled", "rolling", "rolls")}, "rollout": "implementation",
           "roll-out": "implementation", **{f"{verb} at": "assess" for verb in ("look", "looks", "looking", "looked")},  # "the panel that looks at"
           **{f"{verb} {on}": "login" for verb in ("log", "logs", "logged", "logging", "sign", "signs", "signed", "signing") for on in ("in", "on")},
           "log-in": "login", "logon": "login", "in touch": "contact",  # "how do schools log in": "individual logins"
           **{f"how long {do} {who}{really} {have}": f"{who} within" for do, have in (("do", "have"), ("does", "have"), ("have", "got"), ("has", "got"))
              for who in ("i", "we", "they", "a senco", "the senco", "new sencos", "sencos") for really in ("", " actually", " really")},
           "deadline": "within", "time limit": "within",  # by when, not how long it takes
           **{f"{off} {tt}": "time away from teaching" for off in ("off", "out of") for tt in ("timetable", "the timetable")},  # the
           "off-timetable": "time away from teaching",  # SENCO's time, in the documents' words
           **{f"{write} up my": "record my" for write in ("write", "writing", "log", "logging")},  # "how do I write up my learning"
           **{f"how long {verb} {thing} take": f"{thing} take length of time required to complete" for verb in ("does", "will", "would", "do") for thing in (
               "the course", "the award", "the national award", "the senco award", "the senco course", "the qualification", "nasenco",
               "the nasenco", "courses")},
           **{f"{pre}school{s}": "earlyyears" for pre in ("pre-", "pre ", "pre") for s in ("", "s")},  # not "schools"
           **{f"early{sep}{years}": "earlyyears" for sep in (" ", "-") for years in ("years", "year's", "years'")}}
_WHO_RUNS = re.compile(r"(?:^|[.?!]\s+)\s*(?:and |so |but )?who(?:'s| is)? (?:provides|provide|runs|run|running|delivers|delivering|puts on|organises|offers)\b")
_WIDE = re.compile(r"\b([a-z]{4,})-?wide\b")  # "sectorwide", "county-wide": the sector, the county
_PHRASED = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, PHRASES)) + r")(?![\w-])")
CAPITALS = re.compile(r"\b([A-Z]{2,5})s?\b")  # a short form in capitals, as a question writes it ("EYPP", "ICBs")
STANDS_FOR = r"(?:stands?|short)\s+for"  # what a short form is asked by: "what does DHO stand for", "EHCP is short for"


def written_out(text: str) -> str:
    """A text's words in lower case with their short forms written out ("lincs" as "lincolnshire", "hrs" as "hours")."""
    return " ".join(SHORT_FORMS.get(w, w) for w in WORD.findall(text.casefold()))


A_LEVEL = r"(?:level|tier|l)\s?[1-5]\b"  # a level or tier named by its number, as people write it ("Level 2", "tier 1", "L3")
# What a level's training holds, asked of one already named: "what will the training cover?", "what's in it?"
CONTENT_ASKED = re.compile(r"\bwhat (?:will|does|do|would) (?:it|that|this|the (?:training|course|level|tier|module|e-?learning)) (?:cover|involve|include)\b"
                           r"|\bwhat'?s in (?:it|that|this)\b|\bwhat will i (?:learn|cover)\b|\bwhat (?:is|are) the contents?\b", re.IGNORECASE)
NUMBERS = dict(zip("one two three four five six seven eight nine ten eleven twelve".split(), map(str, range(1, 13))))
# Question words say what is asked, not what about; SEND and the like are in nearly every passage.
# "List the level 1 learning outcomes" asks; it is not about a list.
IGNORED = ENGLISH_STOP_WORDS | {"send", "sen", "cyp", "tell", "does", "say", "mean", "means", "stand", "stands", "whats", "what's", "like",
                                "list", "show", "give", "correct", "incorrect", "sorry", "oops", "scrap", "explain", "describe", "summarise", "summarize", "outline", "just", "really", "actually", "basically",
                                # the asker's own asking ("quick q", "remind me", "what's the actual definition"), never a topic
                                "actual", "mention", "mentions", "mentioned", "quick", "remind", "reckon", "reckons", "wondering",
                                "wonder", "query", "confirm", "clarify", "definition", "meant", "according", "going", "gonna",
                                "wrote", "author", "authored", "refers",  # "am I meant to"; "who wrote it": who, and the document
                                # courtesies and fillers around a question ("Good morning.", "thanks", "which pieces of legislation")
                                "morning", "afternoon", "evening", "thanks", "thank", "thankyou", "cheers", "please", "hi", "hello",
                                "hiya", "hey", "regards", "appreciated", "advance", "piece", "pieces", "bits",
                                "nutshell", "rundown", "gist",  # the form of the answer asked for ("in a nutshell"), not its subject
                                "slide", "slides", "bullet", "bullets", "briefing", "pls", "plz",  # ("for a slide", "bullet points pls")
                                "thing", "things", "stuff", "apart",  # words that stand for others ("the expensive stuff", "apart from")
                                # "not" typed without its apostrophe ("isnt it?"), as the stop words have "cant"
                                "doesnt", "isnt", "havent", "hasnt", "dont", "didnt", "wont", "arent", "wasnt", "werent", "shouldnt",
                                "wouldnt", "aint"}


_CONTRACTED = re.compile(r"(?:n't|'(?:s|re|ve|ll|d|m|t))$")  # "there's", "don't", "children's": the word they are made on
_NEGATED = {"can't": "can", "won't": "will", "shan't": "shall"}


def phrased(text: str) -> str:
    """Text with the phrases that are one word to the search written as it ("e-learning" as "elearning")."""
    text = _WIDE.sub(r"\1 wide", text.casefold().replace("\u2019", "'"))
    text = _WHO_RUNS.sub(r"\g<0> organised agency", text)  # "who runs the lincs platform?": its lead agency, who organises it
    return _PHRASED.sub(lambda m: PHRASES[m.group(0)], text)


def tokens(text: str) -> list[str]:
    words = (_NEGATED.get(w, _CONTRACTED.sub("", w)) for w in WORD.findall(phrased(text)) if w not in IGNORED)
    return [stem(w) for w in words if w and w not in IGNORED]


# A doubled consonant before -ing or -ed ("running", "planned"), not "ll", "ss", "ff", "tt" ("setting" is a noun too) or
# "mm" ("programming" beside "programme"); "add" stays
_DOUBLED = re.compile(r"^.{2,}([bdgknpr])\1$")


# Words whose other forms are not made with an ending, as the documents and questions use them ("who led it" finds "lead",
# "every child" finds "most children")
IRREGULAR = {"taught": "teach", "children": "child", "led": "lead", "met": "meet", "spent": "spend", "sought": "seek", "kept": "keep",
             "held": "hold",
             "ran": "run", "paid": "pay", "chose": "choose", "chosen": "choose", "brought": "bring", "bought": "buy"}


def stem(word: str) -> str:
    """Plural and simple verb endings folded, so "colleges" finds "college" and "funded" finds "funding";
    numbers in words as digits ("three years" finds "3 years")."""
    if word in NUMBERS:
        return NUMBERS[word]
    word = IRREGULAR.get(word, word)
    if word.endswith("lly") and len(word) >= 7:  # "nationally" finds "national", "successfully" "successful"
        word = word[:-2]
    if word.endswith("ings") and len(word) >= 8:  # "settings" as "setting", "meetings" as "meeting"
        word = word[:-1]
    for ending, keep in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(ending) and not word.endswith("ss") and len(word) - len(ending) >= 3:
            word = word[: len(word) - len(ending)] + keep
            if ending in ("ing", "ed") and _DOUBLED.search(word):  # "running" finds "run", "planned" "plan"
                word = word[:-1]
            break
    if word.endswith(("ional", "ural", "ental")) and len(word) >= 7:  # "cultural" finds "culture", "educational" "education"
        word = word[:-2]
    if word.endswith(("tive", "sive")) and len(word) >= 8:  # "reflective" finds "reflection", "inclusive" "inclusion" (and only
        word = word[:-3] + "ion"  # them: "effective" is not "effect", "direction" not "direct")
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


# Words that ask what a role does in general, not about something in particular.
GENERIC = set(tokens("do does doing role roles responsible responsibility responsibilities duty duties job jobs supposed need needs "
                     "should must expected expect work works required requirements "
                     "child children kid kids pupil pupils student students learner learners young people"))  # "... for SEND kids"

