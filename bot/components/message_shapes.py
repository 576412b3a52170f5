"""What a message's shape says about it, as the role intent component reads it: the words of a job title, a question's
opening words, a request to act, a level asked about. Patterns only; bot/components/role_intent.py decides with them."""
from __future__ import annotations

import re

from knowledge.roles import GREETED, GREETINGS

MAX_JOB_WORDS = 12  # a job said in passing is a few words; a longer statement is left to the classifier
NOT_TEXT = re.compile(r"[<>{}\[\]=|\\]|'\s*;|;\s*(?:--|$|(?:drop|select|insert|delete|update|alter)\b)", re.I)  # markup, code and
# payloads are not a job ("'; DROP TABLE x; --"); a semicolon between clauses is prose ("... team; about a third of ...")
# What a word of a job title looks like: a job word, an ending such as "-ist" or "-er" ("orthotist",
# "interpreter", "domestic"), or a short form in capitals ("ANP", "DSL"). An answer such as "in a
# hospital", "the third one" or "blorp zzzz qqq" has none, so it keeps its intent.
JOB_SHAPED = re.compile(r"[a-z]{2,}(?:ist|ian|er|or|eer|ic)s?|[a-z]*(?:man|men|woman|women|lady|ladies|staff)|[A-Z]{2,5}s?")
PROFESSIONAL = re.compile(r"[a-z]*(?:ologist|therapist|specialist|iatrist|ometrist|optist|ician|itian)")  # "play specialist", "technician"
NOT_JOBS = {"other", "others", "either", "neither", "never", "whatever", "together", "rather", "under", "over", "after", "ever",
            "however", "whether", "number", "order", "letter", "letters", "paper", "papers", "answer", "later", "better", "another",
            "corner", "sooner", "per", "for", "or", "nor", "floor", "door", "public", "specific", "basic", "clinic", "music", "academic",
            "list", "checklist", "assist", "exist", "insist", "persist", "resist", "twist", "gist"}  # shaped like "-ist", no jobs
WORD = re.compile(r"[^\W\d_][\w'&-]*")  # a word in letters: "A&E", "paeds", "ex-nursery"
TITLE_ENDS = re.compile(r"\s(?:in|at|for|with|on|from|of|to|per|within|who|that|based|working)\s", re.IGNORECASE)  # "ANP in A&E"
QUALIFIER = re.compile(r"\d+|[a-z]{0,3}\d+[a-z]?|band|grade|nights?|days?|bank|locum|part-?time|full-?time|only|too|also", re.IGNORECASE)  # "band 6"
AND_I = re.compile(r"\s+(?:and|&)\s+(?=i\b)", re.IGNORECASE)  # the job comes before "and I": "gp partner and i've got the lead role ..."
HEAD = re.compile(r"[,;:(]| - |\band i\b|\bi\b", re.IGNORECASE)  # the job comes before these: "dinner lady, I see ..."
YES_OR_NO = {"affirm", "deny"}
CHAT = YES_OR_NO | {"start_again", "greet", "goodbye", "thank"}
UNSURE_CHAT = 0.7  # below this, a question the classifier took for chat is a question
SURE_QUESTION = 0.8  # a question intent this sure, about more than a role, is a question ("senco duties in a school")
QUESTION_START_WORD = re.compile(r"\s*(?:if|how|what|what's|whats|when|which|who|whose|why|where|is|are|does|do|can|should|must)\b", re.I)
ASKING_WORD = re.compile(r"\b(?:what|what's|whats|which|when|how|why)\b", re.I)
QUESTION_WORD = re.compile(r"\b(?:how|what|when|which|who|whose|why|where)\b|\?", re.IGNORECASE)
ACTIONS = {"make_plan", "record_learning", "show_records", "check_skills"}  # what a person asks the guide to do
# A request to act is the person's own ("make my plan", "can you check my skills") or a command ("skills check"): a
# longer message with neither asks about something ("does the governing body have to publish an accessibility plan").
ADDRESSED = re.compile(r"\b(?:you|u|ya|yourself|let's|lets|us|we|our|ive)\b|^\s*(?:do|make|start|show|check|list|create|run)\s+(?:a|an|the|my)\b",
                       re.IGNORECASE)  # "do the skills check" is a command, though it starts as a question would
COMMAND = re.compile(r"\b(?:make|create|build|draw|show|see|view|list|check|start|begin|do|record|log|add|delete|remove|clear|assess|"
                     r"test|rate|score|track|want|need|give|get|open|save|print|download|export)\b", re.IGNORECASE)
# What names the thing to do, in a message of a few words: "skills check", "self-assessment", "cpd log" (not "senco skills outcomes")
ACTION_NOUN = re.compile(r"\b(?:self|check|checker|assessment|audit|benchmark|plan|planner|records?|log|logbook|diary|portfolio|tracker|"
                         r"quiz|questionnaire|history|journal)\b", re.I)
# What asks about the parts of a thing the guide can also do, not to do it: "reflection record headings appendix 2"
PARTS_ASKED = re.compile(r"\b(?:headings?|fields?|columns?|sections?|contents|layout|format|appendix|appendices|template)\b", re.I)
UNSURE_ACTION = 0.6  # below this, a question the classifier took for an action asks about something ("can my employer make me ...")
ABOUT_MY_LEVEL = re.compile(r"\b(?:apply|applies) to me\b|\bwhat (?:level|tier) am i\b|\bdo i (?:need|have to|follow|fall under|come under)\b"
                            r"|\bwhich one am i\b|\b(?:send )?(?:training|course|level|tier)s? (?:do |should |must )?i (?:need|do|take|go on)\b", re.I)
# The person's own level asked as a choice, after their job: "salaried GP. level 2 or 3?"
LEVEL_CHOICE = re.compile(r"(?:^|[.,;:!-])\s*(?:send\s+)?(?:level|tier|l)\s*\d\s*(?:or|/)\s*(?:level\s*|tier\s*|l)?\d\s*\?*\s*$", re.I)
NOT_ME = re.compile(r"\b(?:not|never|no|isn't|aren't|wasn't)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # just before a role
DESCRIBED = re.compile(r"\s*(?:,|:|;|\.\s|\s[-\u2013]\s)\s*")  # what parts a job from what it involves
SHORT_HEAD = 8  # words: "community learning disability nurse in the adult team" before its dash tells a job
GREETING = re.compile(r"^\s*(?:" + GREETINGS + ")" + GREETED + r"\b[\s,!.]*", re.IGNORECASE)
OF_A_THING = re.compile(r"\s+(?:(?:of|in|on)\s+the\s+(?:[\w-]+\s+){1,4}?)?(?:is|are)\s+the\s+(?!(?:right|best|minimum|correct|one|role|job|fit|most|appropriate|suitable|relevant|applicable|proper)\b)(?![^?.!]*\b(?:i|me|my|mine)\b)", re.I)  # a thing's
KIND_ASKED = re.compile(r"\b(?:hours?|hrs|how (?:many|much|long|often)|outcomes|competenc\w*|covers?|refresher|before|by when|deadline)\b",
                        re.IGNORECASE)  # what a question asks of a level other than which: "how many hours do I need?"
TAG_QUESTION = re.compile(r"\b(?:aren'?t|isn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|won'?t|wouldn'?t|are|is|do|does)\s+(?:they|it|there)\s*(?=[,?!.]|$)",
                          re.IGNORECASE)  # "AHPs are level 2 aren't they, so that's me?": no one else's level asked
OTHERS = re.compile(r"\b(?:him|her|them|they|their|his|staff|team)\b", re.IGNORECASE)  # someone else's level asked
OWN_TRAINING = re.compile(r"\b(?:levels?|tiers?|band|training|trained|train|hours?|refresher|induction|course|cpd|apply|applies|enough|one for|"
                          r"minimum|role|job|sit|fit)\b", re.I)  # what a question asks of the asker's own training
# What someone says of their own work without a title, in a clause of its own: "I take blood from children in clinic",
# "... and I look after the boilers", "I'm on the front desk at a GP surgery"; not "I think", "I was told", "I need", "I did ..."
_ADVERBS = (r"(?:also|mainly|mostly|usually|often|sometimes|currently|now|regularly|normally|honestly|literally|simply|genuinely|"
            r"actually|basically|obviously|probably|definitely|really|just)")
_NOT_WORK = (r"(?:think|wonder|was|were|have|has|had|need|want|would|could|should|must|will|might|may|can|can'?t|cannot|"
             r"don'?t|do\s+(?:not|need|think|want|have|know|wonder)|did|does|guess|believe|know|knew|heard|hear|read|got|get|"
             r"ask|keep|kept|understand|mean|meant|suppose|reckon|hope|feel|felt|assume|found|find|took|went|saw|said|told|"
             r"made|came|only|still|already|never|am|start|starting|begin|retire|join|return|leave|"
             r"[a-z]+ed|[a-z]+n't|" + _ADVERBS + r")\b")
WORK_TOLD = re.compile(r"(?:^|[.,;:!?(]\s*|\s[-\u2013]\s*|\b(?:and|but|so)\s+)i(?:\s+(?:" + _ADVERBS + r"\s+)?(?!" + _NOT_WORK + r")[a-z]+"
                       r"|(?:'?m|\s+am)\s+(?:in charge|based|responsible|working|part of))(?:\s+[\w'&-]+){2}", re.I)
OWN_LEVEL_ASKED = re.compile(r"\b(?:level|tier)s? (?:do|should|must|would|will) i\b|\b(?:level|tier) am i\b|\b(?:level|tier) i need\b|\bmy (?:own )?(?:send )?(?:training )?(?:level|tier)\b(?!\s*\d)", re.I)  # the asker's own (not "what level does my team need")
A_DOCUMENT_PART = re.compile(r"\b(?:section|appendix|criterion|chapter|paragraph)\b", re.I)  # a part of a document, not a whole framework
POINTS_BACK = re.compile(r"\b(?:that|this|it|there)\b", re.I)  # "Where would that sit?": the job just told
ASKS_WHEN = re.compile(r"\b(?:how (?:soon|long|often|quickly)|by when|when(?=\s*$))\b", re.I)  # "When do I have to ...", not "when I start"
ASKS_MY_LEVEL = re.compile(r"\b(?:what|which)\s+(?:send\s+)?(?:training\s+)?(?:level|tier|lvl)\b|\b(?:level|tier) (?:do|should|must) i\b"
                           r"|(?:^|[.,;:!-])\s*(?:my\s+)?(?:send\s+)?(?:training\s+)?(?:level|tier|lvl)\s*\?+\s*(?:$|and\b)"
                           r"|\btraining\s*,?\s*which one\b|(?:^|[.,;:!-])\s*(?:what|which)\s+(?:send\s+)?training\s*\?+\s*$", re.I)  # "HR wants me to do SEND training, which one?"  # "..., see kids now n then. level?"
NEXT_GUESS = 0.2  # a question intent this likely is what a question asks; below it, the documents are searched
KEEP = {"greet", "goodbye", "thank", "start_again", "bot_challenge", "check_staff_list", "affirm", "deny", "more", "restart", "make_plan",
        "record_learning", "show_records", "delete_records", "check_skills", "talk_to_person"}  # "make my plan" is no answer about planning work
