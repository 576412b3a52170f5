"""The words people answer the level questions in, option by option: what is read as contact, assessing, leading; as a
workplace; as a yes or a no; as a SENCO's time before this post; as not knowing, or as asking what the options mean."""
from __future__ import annotations

import re
from typing import Mapping

# Departments that are a job's place in an organisation: "I work in estates at the trust" tells a job, "I'm on reception" too.
# ("Reception" in a school is a year group: only "on reception" is the front desk.)
DEPARTMENTS = ("estates|facilities|finance|payroll|hr|human resources|catering|housekeeping|administration|procurement|"
               "medical records|health records|switchboard|portering|security|maintenance|accounts|domestic services")
FRONT_DESKS = "reception|front desk|switchboard|wards?"  # "I'm on reception", "I'm on the wards"
# Told as where the person works in an organisation, up to the department: "I work in estates", "I'm on reception".
IN_A_DEPARTMENT = rf"(?:i work|i'?m|i am|i'?m based) (?:in (?=(?:the )?(?:{DEPARTMENTS})\b)|on (?=(?:the )?(?:{FRONT_DESKS})\b))"
TOLD = r"(?:let|lets|notify|notifies|notifying|inform|informs|informing|contact|contacts|contacting|alert|alerts|tell|tells|telling|email|emails)"
SENDING = ("refer", "report", "send", "sent", "flag", "escalat", "submit", "signpost", "pass", "forward")


def sent_to(before: str) -> bool:
    """Whether a place named after these words is where something is sent, not where the person works ("I flag possible
    SEND in under-5s to the local authority")."""
    words = [w for w in re.findall(r"[\w'-]+", before.casefold()) if w not in ("the", "a", "an", "our", "my", "their", "local")]
    return (words[-1:] == ["to"] and any(w.startswith(SENDING) for w in words[-6:-1])) \
        or bool(words[-1:] and re.fullmatch(TOLD, words[-1]))  # "I let the local authority know", "we notify the LA"
# Words that point at an involvement option, as people answer it in their own words.
INVOLVEMENT_WORDS: Mapping[str, tuple[str, ...]] = {
    "designated": (r"designated (?:send|health officer)", r"dho", r"deputy dho", r"designated (?:role|post) for send"),
    "lead": (r"send (?:lead|champion)", r"lead(?:s|ing)? (?:on|for) (?:the )?send", r"send agenda", r"service lead",
             r"children'?s commissioner", r"lead(?:s|ing)? (?:the )?send", r"i lead(?= (?:on |for )?(?:it|that|this)\b|$)"),
    "assess": (r"assess\w*", r"plan(?:s|ning)?", r"interven\w*", r"evaluat\w*", r"treat\w*", r"diagnos\w*", r"therapy", r"contribute",
               r"teach\w*", r"educat\w*", r"continuous\w*", r"every lesson"),
    "contact": (r"contact", r"see\w*", r"meet\w*", r"now and then", r"sometimes", r"occasional\w*", r"rarely", r"hardly ever", r"confidential",
                r"(?:once|twice|a few times|\d+ times) (?:a|per|each) (?:year|month|term|week)", r"the odd (?:one|child|kid|teenager|patient|pupil)",
                r"correspondence", r"letters?", r"records?", r"notes", r"interact\w*", r"adjust\w*", r"every day", r"daily", r"regular\w*",
                r"work with (?:them|children|kids|pupils|young people)", r"kids", r"children", r"pupils", r"young people"),
}
# The school tiers' descriptions are about educating, not a clinician's assessing and planning: "I write their care plans"
# does not say continuous and direct involvement in educating them.
EDUCATING_WORDS: Mapping[str, tuple[str, ...]] = {
    "assess": (r"teach\w*", r"educat\w*", r"continuous\w*", r"every lesson", r"all (?:my|the) lessons", r"one to one", r"1 (?:to )?1",
               r"support\w* (?:his|her|their|the (?:child|pupil|student)'?s?|pupils'?|children'?s) learning", r"in (?:class|lessons) all day",
               r"all day in (?:class|lessons)", r"interventions?", r"differentiat\w*", r"lessons?",
               r"with (?:him|her|the child|the pupil) all day", r"(?:his|her|their) (?:work|learning|lessons) with (?:him|her|them)",
               r"direct(?:ly)? (?:involved|involvement|teach\w*|educat\w*|support\w*)", r"(?:daily|every day),? directly",
               r"directly,? (?:daily|every day)"),
    # Tier 1 is more specific interaction with CYP with SEND, where the role lets them adjust: seeing the children every day is
    # everyone in the school; seeing the SEND children, or adjusting for the children, is more.
    "contact": (r"interact\w*", r"specific interaction", r"reasonable adjustments?",
                r"(?:adjust|adapt|tailor|modif)\w*\b.{0,40}\b(?:them|him|her|pupils?|children|child|kids?|students?|learners?)",
                r"(?:see|meet|work with|support|help|look after|deal with)\w* (?:the |some |a few |our )?(?:send|sen|autistic|disabled|ehcp) "
                r"(?:kids|children|pupils|students)", r"(?:kids|children|pupils|students) with (?:send|sen|ehcps?|additional needs|special needs|"
                r"autism|disabilit\w*)"),
}
WORDS_OF = {"schools": EDUCATING_WORDS}  # by the question's framework; any other reads INVOLVEMENT_WORDS
YES = r"(?:yes|yeah|yep|yup|y|correct|sure|absolutely|i am|i do|that'?s right|that'?s me|right)"
NO = r"(?:no|nope|nah|n|not really|none|neither|nothing|none of (?:these|them|those|the above)|no to all|not at all|n/?a)"
NEW = (r"newly appointed", r"new (?:senco|sendco)", r"new to (?:it|the role|being a senco)", r"first (?:senco|sendco) (?:post|job|role)",
       r"never been a senco")  # (time in this post, "just started", does not say whether they were a SENCO before it)
EXPERIENCED = (r"experienced", r"not new")  # (a length of time does not say whether it was before this post)
NEVER = re.compile(r"\b(?:never|none|no time|not before|not ever|zero|first)\b")  # no SENCO time before this post
IN_POST = re.compile(r"\b(?:in|into) (?:this|the|my) (?:post|role|job)\b|\bin post\b|\bhere\b")  # time in this post, not before it
# Not knowing is no answer ("no idea, does answering the phone count?"), though it starts with "no"
DOUBT = re.compile(r"\s*(?:no idea|not sure|unsure|dunno|don'?t know|do not know|i (?:don'?t|do not) know|idk|no clue|not certain)\b")
# Asking what the options mean rather than answering: "what do you mean by specific interaction?", "does answering the
# phone count as contact?", "which one am I?" (with DOUBT: "dunno", "not sure").
HELP_TO_CHOOSE = re.compile(r"\bwhat do you mean\b(?! by)|\bwhat (?:does|do) (?:that|this|it|these|those|they) mean\b|\bdoes\b.{1,60}\bcount as\b|"
                            r"\bi (?:don'?t|do not) (?:understand|get it)\b|\bwhich (?:one|of (?:these|them|those))\b[^?]{0,25}\b(?:me|am i|should i|do i)\b",
                            re.IGNORECASE)
MEANT_BY = re.compile(r"\bwhat do you mean by (.{2,60}?)\W*$", re.IGNORECASE)  # an option's words asked about
# Where someone works, in their words, by the sector question's values.
SECTOR_WORDS = {"health": ("health\\w*", "nhs", "hospital", "clinic\\w*", "gp", "(?:acute|nhs|hospital|community|foundation) trust", "icb", "ccg",
                    "ward"), "school": ("(?<!pre-)(?<!pre )schools?", "academy"),
         "early-years": ("early years", "nurser(?:y|ies)", "pre[- ]?schools?", "childminders?"), "college": ("colleges?", "further education", "fe"),
         "local-authority": ("local authority", "council", "la")}
ELSEWHERE = ("elsewhere", "somewhere else", "anywhere else", "none of (?:these|them|those|the above)", "neither", "none",
             "self[- ]?employed", "freelance", "charity", "(?:a |my own )?business", "company", "firm", "shop", "gym", "prison", "church",
             "(?:leisure|sports?|youth|activity) cent(?:re|er)", "(?:youth |sports? |swimming )?club", "factory", "farm", "hotel", "restaurant")

# A question about someone's training, or about the asker's own place: what makes a workplace named in a question the
# place whose level is asked ("is there a SEND course for council staff?"), not just a place ("what % of LA areas fail?").
TRAINING_ASKED = re.compile(r"\b(?:train\w*|levels?|tiers?|hours?|courses?|cpd|modules?|awareness|compulsory|mandatory|need|needs|"
                            r"required|requirements?|have to|has to|must|should|complete|do it|do this|i|i'm|im|me|my|we|we're|our|us)\b",
                            re.IGNORECASE)


# Where someone says they work, in their own words: "for our CCG team", "I work at the hospital", "based in a school"
_OWN_PLACE = (r"(?:\b(?:at|in|for|within|across)\s+(?:our|my)\s+(?:[\w'-]+\s+){0,2}?|\b(?:work|working|based|employed)\s+(?:in|at|for)\s+"
              r"(?:(?:a|an|the|our|my)\s+)?(?:[\w'-]+\s+){0,2}?)")  # (not "our LA says", "I work with the LA", "my son's school")


def own_workplace(typed: str) -> tuple[int, int] | None:
    """The characters of a message that say where its writer works ("... the SEND correspondence for our CCG team ..."),
    when it names one kind of workplace and says so of the writer; None when it names none, several, or only a place
    something is sent to ("I refer to the local authority")."""
    text = typed[:2000]
    named = {s for s, pats in SECTOR_WORDS.items() for p in pats if re.search(rf"(?<![\w-]){p}(?![\w-])", text, re.IGNORECASE)}
    if len(named) != 1:
        return None
    for p in SECTOR_WORDS[named.pop()]:
        for m in re.finditer(rf"{_OWN_PLACE}(?<![\w-])({p})(?![\w-])", text, re.IGNORECASE):
            if not sent_to(text[: m.start(1)]):
                return m.start(1), m.end(1)
    return None


# Where to do one's own training, which the person's level answers ("Where can I do my SEND training online?")
WHERE_TO_TRAIN = re.compile(r"\b(?:where|how)\s+(?:can|do|should|would|could|shall)\s+i\s+(?:actually\s+|then\s+|best\s+)?(?:"
                            r"(?:train|get trained|sign up)\b(?=\s*(?:[?.!,]|$|for it\b|online\b|near me\b|locally\b|in send\b))|"  # not "train as"
                            r"(?:sign up|book) (?:for|to|onto|on) (?:level|tier) \d\b|"
                            r"(?:do|get|find|book|book onto|access|complete|take|go for|go to do|go to for|sign up (?:for|to))\s+(?:my|the|a|an|this|it|that)?\s*"
                            r"(?:(?:level|tier|l)\s*\d\s+)?(?:send\s+)?(?:(?:refresher|mandatory|induction|introductory|annual)\s+)?"
                            r"(?:training|course|e-?learning|module|refresher)s?\b(?!\s*-?\s*(?:for\s+(?!me\b|free\b|myself\b|level\b|tier\b)|"
                            r"on\b|about\b|in\s+(?!my area\b|send\b)|budget|dates?|fees?|costs?|prices?|certificates?|records?|plans?|matri(?:x|ces)|materials?|slides?|"
                            r"providers?|content|notes|handbook|policy|schedule|timetable|paid|funded|signed|approved|logs?|needs|deadlines?|"
                            r"evaluations?|requirements?|analysis)))", re.IGNORECASE)  # not "for our TAs", "budget", "on makaton", "paid for"
