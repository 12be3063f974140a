"""Whether a sentence reads on its own, out of its article, as a statement of the news.

A summary is read without the articles: a sentence that leans on text left out ("He stressed the
sale remained illegal.", "Instead, the school called Elijah's mother"), speaks to or as someone
the reader never meets ("I did not for a minute think this was going to happen."), quotes nobody
("'The outcome of this case does not affect existing laws...'"), only names a speaker ("Sen.
Lindsey Graham charged on Sunday."), teases ("Who would have thought...?") or is page furniture
(photo captions, "Watch ... in the clip above", web-archive notices) tells the reader nothing
they can trust. Each rule below was written from such sentences in the real-news tune half
(benchmarks/gold/real/, judged by reading); `dependence(text)` names the first rule a sentence
breaks, or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storydesk.lexicon import MONTH_PATTERN, MONTHS, REPORTING_PATTERN, STOP_WORDS, WEEKDAY_PATTERN, WEEKDAYS

# Opening words that point back at an earlier sentence: pronouns, and connectives that continue
# or contrast with what came before ("But", "Instead", "Hence", "Rather").
_ANAPHOR = re.compile(
    r"^(?:he|she|they|it|its|his|her|their|them|him|those|these|such|"
    r"and|but|or|so|yet|instead|rather|hence|thus|also|however|still|then|now|meanwhile|moreover|"
    r"furthermore|besides|otherwise|nonetheless|nevertheless|indeed|likewise|similarly|in fact|worse|even worse|"
    r"in addition|as a result|at the time|at that time|by then|even so|other|another|both|in one|"
    # an example of a claim made before ("For instance, GPS trackers do not work indoors.")
    r"for instance|for example|"
    r"the (?:other|same|latter|former|two|three|pair|duo|couple|statement|letter|post|move|decision|"
    r"incident|actions?|step|comments?|remarks?|announcement|exchange|\d+-year-old|agency|company|firm|couple|"
    r"woman|man|boy|girl|victim|suspect|singer|actor|actress|star|film|movie|romance|band|"
    # what an earlier sentence set out ("The argument Obama made Saturday went further.")
    r"argument|problem|question|answer|reason|idea|irony|(?:sales )?figures?)\b)\b",
    re.I,
)
# A demonstrative after an opening preposition points at what an earlier sentence described
# ("During that meeting, ...", "In those years, ..."), unless "this" names the present time ("In
# this year's budget"), the sentence completes the noun itself ("At that point in the inquiry") or
# "those" stands for people ("For those keeping score").
# A month is a time too ("This July, nine months after the shutdown, ...", real pairs ta064);
# capitalised, so that "This may take weeks" still leans.
_MONTHS = rf"(?-i:{MONTH_PATTERN})"
_TIMES = (r"(?:week|month|year|morning|afternoon|evening|weekend|summer|spring|fall|autumn|winter|season|time|"
          rf"{_MONTHS})")
_PREPOSITION_DEMONSTRATIVE = re.compile(
    r"^(?:during|at|in|after|before|by|since|from|on|until|following|despite|for|with|under)\s+"
    # "those" before a participle stands for people ("For those keeping score, ...")
    rf"(?:that\s+|those\s+(?!\w+(?:ing|ed)\b)|(?:this|these)\s+(?!{_TIMES}\b))[\w-]+\b(?!['’]s)"
    r"(?!\s+(?:of|in|on|at|when|where|which|who|that)\b)",
    re.I,
)
# Connectives that add to, weigh against or number an earlier claim, with their comma ("Plus, at $15
# ...", "On the other hand, ...", "Fortunately, the monkey ... doesn't suffer the same fate", "Third,
# weeks later Trump fired Comey."): judged dangling on the real fresh4, fresh7, fresh2 and pairs2
# sets. "First," opens a list rather than continuing one; without the comma "Second-degree" or
# "Finally home" is no connective.
_CONNECTIVE_COMMA = re.compile(r"^(?:plus|on the other hand|fortunately|unfortunately|thankfully|luckily|sure|"
                               r"second|third|fourth|finally|lastly|then again|after all)\s*,", re.I)
# A pronoun right after an opening preposition: "In it Mr Zuckerberg quotes...", "For him it will be
# a long journey..." (real fresh5 ta026, pairs2 ta148).
_PREPOSITION_PRONOUN = re.compile(r"^(?:in|on|at|with|from|of|for|by|to|into|after|before|without|about|like|"
                                  r"unlike|under|against)\s+(?:it|them|him|her)\b", re.I)
# "This"/"That"/"These" refer back, except before a time ("This week, Lenovo...").
_DEMONSTRATIVE = re.compile(rf"^(?:this|that|these)\b(?!\s+{_TIMES}\b)", re.I)
# Quoted stretches, removed before looking for the writer's own voice.
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*’')
# A first or second person outside quotation marks: a writer, blogger or speaker talking to the
# reader in their own voice ("Let me offer...", "you read that right").
# The "I" of an initialism ("F.B.I.", "I.B.M.") is no speaker.
_PERSONAL = re.compile(r"(?<!\.)(?<!War )\bI\b(?!\.\w)|\b(?:I'm|I've|I'd|me|my|mine|we|we're|we've|us|our|ours|you|you're|your|yours)\b"
                       r"|^(?:My|We|We're|Our|You|You're|Your|Let me)\b")  # capitalised only where a sentence starts
# A writer's own first person in a paragraph, at a sentence's start too ("... next step. Our greatest
# opportunities"). Not "you": a report's indirect speech addresses the reader too ("Kolb says if you
# have implants, you should...").
_FIRST_PERSON = re.compile(r"(?<!\.)(?<!War )\bI\b(?!\.\w)|\b(?:I'm|I've|I'd|me|my|mine|we|we're|we've|us|our|ours)\b"
                           r"|(?:^|[.!?]\s+)(?:My|We|We're|We've|Our|Let me)\b")
# A sentence that is one quotation from first mark to last: nobody is named as saying it.
_WHOLE_QUOTE = re.compile(r'^\s*["“‘\']([^"”]*)["”’\']\s*$')
# A speaker named only by a pronoun anywhere in the sentence ('..."," he said, "...').
_PRONOUN_SPEAKER = re.compile(rf"[,\"”’']\s+(?:he|she|they)\s+(?:{REPORTING_PATTERN})\b", re.I)
# A bare attribution: a speaker, a speech verb, maybe a day, and nothing said.
_BARE_ATTRIBUTION = re.compile(
    rf"^[^\"“”,]{{0,80}}\b(?:{REPORTING_PATTERN}|charged)\b(?:\s+(?:on\s+)?(?:\w+day|today|tonight|yesterday|"
    r"this (?:week|morning|afternoon|evening)))?\s*[.!]?\s*$",
    re.I,
)
# A speaker, a speech verb and only where or when, then a clause about something else, nothing said:
# "Colbert said on The Colbert Report Thursday night, as his left hand tried to smother his right."
_SETTING_ATTRIBUTION = re.compile(
    rf"^[^\"“”,]{{0,80}}\b(?:{REPORTING_PATTERN})\s+(?:on|in|at|during)\b[^,\"“”]*,\s+(?:as|while|before|after)\b(?!.*\bthat\b)",
    re.I,
)
# Captions, players and archive notices the clean stage let through.
_FURNITURE = re.compile(
    r"\b(?:in this (?:\w+ )?(?:photo|photograph|image)|is pictured\b|editor['’]s (?:note|picks?)\b|poses? for (?:photographers|a photo)|"
    r"\(associated press\)|\(ap photo|/getty images|getty images/|reuters/|photo(?:graph)? provided by|is seen (?:during|at|in)\b|"
    r"file photo|hide caption|(?:clip|video|photo|gallery|player|slideshow) (?:above|below)|"
    r"video has been rented|feature is not available|wayback machine|internet archive|this crawl|"
    r"crawl data|web collections?|newsletters\b|archive-it|watch (?:the )?(?:full )?(?:episodes?|video|clip)|"
    r"weeknights at|only on \w+\.?$|available on (?:itunes|amazon|netflix)|"
    r"(?:shared|posted|tweeted) this (?:picture|photo|photograph|image|video)|"
    # a wire caption's place and date: "...in Newtown, Connecticut December 14, 2014."
    r"(?-i:[A-Z][a-z]+),? (?-i:(?:" + MONTH_PATTERN + r")) \d{1,2},? \d{4}\W*$)",
    re.I,
)
# A scientific paper's reference numbers ("(42, 43, 55)", "[12]"): a paper's text, not the news.
_REFERENCE_NUMBERS = re.compile(r"\(\d{1,3}(?:[,–-]\s?\d{1,3})+\)|\[\d{1,3}(?:[,–-]\s?\d{1,3})*\]")
# Words pointing back at an earlier sentence ("Eleven of these sets of parents", "such a president", "that day").
# "that" or "this" as the object of a verb, closing a clause ("Maybe brands realize that, because...",
# "They did this.").
_BACK_REFERENCE = re.compile(r"^\W*\w+ of (?:these|those|them)\b|\bsuch an? (?!as\b)|\b(?:that|the same) (?:day|night|morning|week|time)\b"
                             r"|\b(?:that|this),\s+(?:because|since|so|and|but|as)\b|\b(?:that|this)[.!]?$"
                             # an idea the sentence does not state ("Conservatives are throwing cold water on the idea")
                             r"|\bthe idea\b(?!\s+(?:of|that|to|is|was)\b)", re.I)
# "Part of that Indigenous Knowledge", "Much of that support": a share of something an earlier
# sentence named (real pairs6 ta233); "Part of this year's budget" names its own time.
_SHARE_OF_THAT = re.compile(rf"^\W*\w+ of (?:that|this)\s+(?!{_TIMES}\b)[\w-]+\b(?!['’]s)"
                            r"(?!\s+(?:of|in|on|at|when|where|which|who|that)\b)", re.I)
# A researcher quoted on "this study" or "these findings" speaks of the work the news is about:
# '"In this study, the dose of running that was most favorable ... was jogging 1 to 2.4 hours per
# week," said study researcher Jacob Marott of the Frederiksberg Hospital' (real pairs6 ta074).
# Only inside a quotation whose speaker the sentence names in full.
_QUOTED_OWN_WORK = re.compile(r"^(?:in\s+)?(?:this|these)\s+(?:study|studies|research|paper|trial|survey|analysis|"
                              r"findings?|discovery|experiment)\b", re.I)
# A quotation given to a speaker named by one bare name ('..." said Vecchio.', '..." Cutter added'):
# the reader was never told who that is. A first and last name ("said Jamie Zeitzer") is fine.
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?"
_SURNAME_SPEAKER = re.compile(
    rf"[\"”’'],?\s+(?:(?:{REPORTING_PATTERN})\s+{_TITLE}[A-Z][\w'-]+\s*[.,;]|{_TITLE}[A-Z][\w'-]+\s+(?:{REPORTING_PATTERN})\b)"
)
# A pronoun right after an opening connective or adverb ("But she believes...", "Unfortunately, he...").
_LATE_ANAPHOR = re.compile(r"^(?:but|and|so|still|yet|unfortunately|fortunately|however|instead|meanwhile|now|then|at least|"
                           r"also|again|later|today|there)\W+(?:he|she|they|it|his|her|their|its|this|that)\b", re.I)
# A person or "that" right after a short opening phrase that names nobody ("For years, she
# dealt...", "Allowing for rounding, that only accounts..."): the phrase has no capitalised word.
_PHRASE_THEN_PRONOUN = re.compile(r"^\w+(?:\s+(?-i:[a-z])[\w'-]*){0,2},\s+(?:he|she|his|her|that|this|they|their|it)\b",
                                  re.I)
# A clause or phrase opening on a person by pronoun, then a pronoun as the subject ("When she signed
# her Miss Delaware contract, she notified...", "If their demands are not met by Friday, they will
# call...": real fresh ta016, fresh2 ta206): who she or they are was said before. "When he took
# office, Obama promised" names them (cataphora); "In its ruling, the tribunal said" too.
_PERSON = r"(?:he|she|they|his|her|their)"
_OPENING_PRONOUN = re.compile(
    r"^(?:when|if|because|as|after|before|while|since|although|though|once|until|unless|whether|with|in|for|"
    rf"during|despite|at|on|by|from|unlike|like|under|without|through|to)\s+{_PERSON}\b[^,\"“”]{{0,120}},\s+{_PERSON}\b",
    re.I)
# A phrase that names nobody (no capitalised word past its first but a weekday or a month), then
# "he" or "she" as the subject: "Asked on Sunday to comment on his discovery, he quoted...", "In
# March, she sold a majority stake..." (real pairs6 ta179, fresh6 ta199). "they" is left out: a
# phrase's own plural is often who they are ("When people share a plate, they reach deals faster").
_NAMELESS_PHRASE_THEN_PERSON = re.compile(r"^([^,\"“”;:]{3,140}),\s+(?:he|she|his|her)\b")
_PHRASE_OPENERS = frozenset("when if because as after before while since although though once until unless in on at "
                            "for during despite with from by under without through to last earlier later".split())
_TIME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Asked for a response the reader does not see ("Asked to respond, a TSA spokesman reiterated...",
# real pairs6 ta024); "Asked whether the ferry would run, X said it would" says what was asked.
_ASKED_TO_RESPOND = re.compile(r"^asked (?:to (?:respond|comment)|about (?:it|this|that|them)\b)", re.I)
# A reply of a few words and who gave it, nothing else ("“Absolutely false,” the spokesperson told
# The Daily Beast.", '"Not that I'm aware of," said the White House press secretary.': real pairs6
# ta130, fresh ta034): an answer to something the reader was not told.
_SHORT_REPLY = re.compile(r"^[\"“]([^\"”]+)[\"”],?\s+(?:[\w.’'-]+\s+){0,6}"
                          rf"(?:{REPORTING_PATTERN}|replied|responded)\b[^\"“”]{{0,60}}$", re.I)
MAX_REPLY_WORDS = 4
# Someone adding to remarks the reader does not see ("Mr. Oppenheim added that the day before ...",
# "X also said that ...": real pairs6 ta130, where it became the lead).
_ADDED = re.compile(rf"^{_TITLE}(?:[A-Z][\w'’-]+\s+){{1,3}}(?:added|also (?:said|told|noted|wrote)|went on to say)"
                    r"(?:\s+that\b|\s*[,:])")
# "..., it said." closing a sentence: a group or agency named in a sentence the reader does not see
# ("Sixty-five more were killed on Tuesday, it said.", real fresh4 ta047).
_IT_SAID = re.compile(r",\s+it\s+(?:said|says|added|reported|reports)\W*$")


def _nameless_phrase_then_person(text: str) -> bool:
    """'Asked on Sunday to comment on his discovery, he quoted ...': a phrase that names nobody
    (`_NAMELESS_PHRASE_THEN_PERSON`) and no speech verb ("Police said after ..., she found")."""
    match = _NAMELESS_PHRASE_THEN_PERSON.match(text)
    if not match:
        return False
    words = match.group(1).split()
    if words[0].lower() not in _PHRASE_OPENERS and not re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", words[0]):
        return False
    if re.search(rf"\b(?:{REPORTING_PATTERN})\b", " ".join(words[1:]), re.I):  # "Asked ..." opens it
        return False
    return not any(w[:1].isupper() and w.strip(".,'’s") not in _TIME_WORDS for w in words[1:])


def _short_reply(text: str) -> bool:
    match = _SHORT_REPLY.match(text)
    return bool(match) and len(match.group(1).split()) <= MAX_REPLY_WORDS


# A contrast closing the sentence ("Not all hospitals said they saw a boom, however.") answers a
# claim made before it, as "However," opening it does (real pairs ta064 led with one).
_CLOSING_CONTRAST = re.compile(r",\s+(?:however|though|nevertheless|nonetheless)\s*[.!]?\s*$", re.I)
# "A similar case ..." compares with one told before, unless it says which ("similar to ...",
# "a similar fire to the one at ..."); real pairs ta064 opened its summary with one.
_SIMILAR = re.compile(r"^(?:an?|the)\s+similar\s+\w+\b(?!\s+(?:to|as)\b)(?!.*\b(?:to|as) the one\b)", re.I)
# A sentence the splitter cut after a title ('...something else."Dr.') or ran into the next
# ("accurate.If Ziegenhorn had known").
_CUT_AFTER_TITLE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Gov)\.\s*$")
_RUN_TOGETHER = re.compile(r"[a-z]{2}[.!?][\"”’]?[A-Z][a-z]")
# A sentence needs this many lower-case words (of 3+ letters) outside brackets; fewer is a title
# ('Mobb Deep – “Shook Ones” (Spaveech Remix)').
MIN_PLAIN_WORDS = 2
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\]]*\]")
# Openings of feature ledes that tease rather than tell.
_TEASER = re.compile(r"^(?:who would have thought|have you seen|ever wonder|imagine|picture this|guess what|"
                     r"it'?s always|it'?s not every day|let me|in an? (?:\w+ )?twist|like every year|read on|think about|"
                     r"consider this|take a look|check out)\b", re.I)
# Musings that open a feature in the writer's voice ("In a year when every day feels like a cruel
# joke, ...", "Maybe brands realize that, ...", "So it was with the 2012 Emmys, ..."); inside a
# quotation they are someone's words ('“Perhaps unsurprisingly, we found...,” said Silveira').
# "Well," opens a spoken reply or a musing, not a report.
_MUSING = re.compile(r"^(?:in an? (?:year|world|week|time|age|era) when|maybe|perhaps|so it was|remember when|well(?=,)|"
                     r"if only|hard to believe)\b", re.I)
# A teaser anywhere: "But what happened next left her in tears." (real pairs2 ta239).
_TEASE = re.compile(r"\bwhat happened next\b", re.I)
# A description continued with its subject held back: "Tagging along are X" (along with whom?),
# "Joining them were X" (fresh7 ta046 of the real gold); "Standing outside were X" stands alone.
_INVERTED_ADDITION = re.compile(r"^[A-Z]\w+ing\s+(?:along|him|her|them|us|too)\b[^,]{0,40}\b(?:are|is|were|was)\b")
# A person called by nationality, then what they did ("Sollecito said the American had left his
# flat", "..., the German wrote."): someone the article named in a sentence the reader does not see.
_DEMONYMS = ("American|Briton|Englishman|Englishwoman|Scot|Welshman|Irishman|Frenchman|Frenchwoman|German|"
             "Italian|Spaniard|Portuguese|Dutchman|Swede|Dane|Norwegian|Finn|Pole|Russian|Ukrainian|Greek|Turk|"
             "Canadian|Mexican|Brazilian|Argentine|Australian|New Zealander|Chinese|Japanese|Korean|Indian|"
             "Pakistani|Afghan|Iranian|Iraqi|Syrian|Israeli|Palestinian|Egyptian|Saudi|Nigerian|Kenyan|South African")
_EPITHET_SUBJECT = re.compile(rf"\bthe (?:{_DEMONYMS})\s+(?:had|has|was|is|said|says|wrote|writes|told|tells|would|will|"
                              r"(?-i:[a-z]+ed))\b")
# A list announced rather than told ("here are ten of the most memorable things...").
_LISTICLE = re.compile(r"\bhere (?:are|is) (?:\w+ )?(?:of )?(?:the )?(?:most|best|worst|top)\b", re.I)


def in_writers_voice(paragraph: str) -> bool:
    """Whether a paragraph speaks in its writer's first person outside quotation marks (a
    letter, blog post, column or write-up): each of its sentences is that writer's view ("Progress
    now requires humanity coming together" beside "Our greatest opportunities are now global"),
    not a report, though it says no "we" itself. Quotations are taken out over the whole paragraph,
    so someone's words quoted across sentences stay theirs."""
    return bool(_FIRST_PERSON.search(_QUOTED.sub(" ", paragraph)))


def first_names_alone(text: str, met: dict[str, str]) -> frozenset[str]:
    """The first names of people met in full (`met`: first name -> last name) that `text` uses
    alone ("Ida, 88, is a resident..." after "Ida Mitchell taps her slippers..."): out of the
    article it is about someone the reader never met, until the summary has named them."""
    opening = _FIRST_NAME_OPENING.match(text)
    if not opening or opening.group(1) not in met or opening.group(1) in full_names(text).values():
        return frozenset()
    return frozenset({opening.group(1)})


# A name opening a sentence on its own, followed by a comma or a lower-case word ("Ida, 88, is",
# "Devin died"): only there is a capitalised word read as someone's first name; elsewhere "Dow"
# (of "Dow Jones") or "American" (of "American Bankers") is no person.
_FIRST_NAME_OPENING = re.compile(r"^([A-Z][a-z]+)(?:,|\s+(?-i:[a-z]))")


def dependence(text: str) -> str | None:
    """Why `text` does not read on its own, or None when it does."""
    return next(iter(dependences(text)), None)


def leans_on_previous(text: str) -> bool:
    """Whether `text` fails only for leaning on the sentence before it (a pronoun, a connective, a
    quotation continued or given to "he"): placed right after that sentence it reads on its own."""
    reasons = dependences(text)
    return bool(reasons) and all(r in FOLLOWER_REASONS for r in reasons)


# What the article's previous sentence, placed just before, supplies.
FOLLOWER_REASONS = frozenset({
    "leans on an earlier sentence", "quotes a speaker it names only as a pronoun", "a quotation with no speaker",
    "quotes a speaker it names only by one name",
})


@lru_cache(maxsize=50_000)
def dependences(text: str) -> tuple[str, ...]:
    """Every reason `text` does not read on its own, in the order they are checked."""
    found = []
    stripped = text.strip().lstrip("\"“‘'(")
    if _WHOLE_QUOTE.match(text):
        found.append("a quotation with no speaker")
    if _CUT_AFTER_TITLE.search(text) or _RUN_TOGETHER.search(text):
        found.append("cut or run together by the sentence splitter")
    if _speaks_of_own_work(text, stripped):
        pass
    elif (_ANAPHOR.match(stripped) or _DEMONSTRATIVE.match(stripped) or _LATE_ANAPHOR.match(stripped)
            or _PHRASE_THEN_PRONOUN.match(stripped) or _PREPOSITION_DEMONSTRATIVE.match(stripped)
            or _CONNECTIVE_COMMA.match(stripped) or _PREPOSITION_PRONOUN.match(stripped)):
        found.append("leans on an earlier sentence")
    outside = _QUOTED.sub(" ", text)
    if _PERSONAL.search(outside):
        found.append("first or second person outside a quotation")
    if outside.rstrip().rstrip("\"”’'").endswith("?"):
        found.append("a question teases, it does not tell")
    if _TEASER.match(stripped) or _LISTICLE.search(text) or _MUSING.match(text) or _TEASE.search(text):
        found.append("a teasing lede")
    if _INVERTED_ADDITION.match(stripped) or _CLOSING_CONTRAST.search(outside) or _SIMILAR.match(stripped):
        found.append("leans on an earlier sentence")
    if (_OPENING_PRONOUN.match(stripped) or _nameless_phrase_then_person(stripped) or _ASKED_TO_RESPOND.match(stripped)
            or _short_reply(text) or _ADDED.match(stripped)):
        found.append("leans on an earlier sentence")
    if _BACK_REFERENCE.search(outside) or _EPITHET_SUBJECT.search(outside) or _SHARE_OF_THAT.match(stripped):
        found.append("leans on an earlier sentence")
    if text.rstrip().endswith(("?\"", "?”", "?’")) and re.search(r"\basked\b", text):
        found.append("a question teases, it does not tell")
    if _PRONOUN_SPEAKER.search(text) or _IT_SAID.search(text):
        found.append("quotes a speaker it names only as a pronoun")
    if not _QUOTED.search(text) and (_BARE_ATTRIBUTION.match(text) or _SETTING_ATTRIBUTION.match(text)):
        found.append("an attribution with nothing said")
    if _SURNAME_SPEAKER.search(text):
        found.append(SURNAME_SPEAKER)
    if _FURNITURE.search(text) or _REFERENCE_NUMBERS.search(text):
        found.append("a caption, player or archive notice")
    if text.count("(") != text.count(")"):
        found.append("cut inside brackets")
    if len(re.findall(r"\b[a-z][a-z'-]{2,}\b", _BRACKETED.sub(" ", text))) < MIN_PLAIN_WORDS:
        found.append("a heading or title")
    if _opens_with_quote_without_speaker(text) or _ends_with_quote_without_speaker(text):
        found.append("a quotation with no speaker")
    return tuple(found)


def _speaks_of_own_work(text: str, stripped: str) -> bool:
    """A quotation opening on "this study" (`_QUOTED_OWN_WORK`) given to a speaker named in full."""
    if text.lstrip()[:1] not in ('"', "“") or not _QUOTED_OWN_WORK.match(stripped):
        return False
    outside = _QUOTED.sub(" ", text)
    return bool(full_names(outside)) and re.search(rf"\b(?:{REPORTING_PATTERN})\b", outside, re.I) is not None


# A quotation of this many words ending the sentence is someone's words: the sentence must say whose.
MIN_QUOTED_WORDS = 4
_ENDING_QUOTE = re.compile(r'["“]([^"”]+)["”]\W*$')
_SOURCE_NAMED = re.compile(rf"\b(?:{REPORTING_PATTERN}|according|called|calls|calling|titled|named|dubbed|described|"
                           r"describes|describing|reads?|saying|telling|writing)\b|:", re.I)


def _ends_with_quote_without_speaker(text: str) -> bool:
    """'...the response was a "case study of a breakdown of national security."': words quoted
    from someone the sentence does not name."""
    match = _ENDING_QUOTE.search(text)
    if not match or len(match.group(1).split()) < MIN_QUOTED_WORDS or match.start() == 0:
        return False
    return _SOURCE_NAMED.search(_QUOTED.sub(" ", text)) is None


# A title opening a sentence as its subject ('“Kong: Skull Island” plays like...', '"CBS This
# Morning" has not been able to...'): a few words, no closing punctuation, a word right after.
_OPENING_TITLE = re.compile(r'^\s*["“][^"”.,!?]{1,60}["”]\s+[a-z]')
MAX_TITLE_WORDS = 6


def _opens_with_quote_without_speaker(text: str) -> bool:
    """A sentence opening inside a quotation whose attribution is not in it ('"... the end."')."""
    if text.lstrip()[:1] not in ('"', "“"):
        return False
    title = _OPENING_TITLE.match(text)
    if title and len(title.group().split()) <= MAX_TITLE_WORDS + 1:
        return False
    outside = _QUOTED.sub(" ", text)
    return re.search(rf"\b(?:{REPORTING_PATTERN}|according|reports|reported)\b", outside, re.I) is None


# A paragraph that opens on another day or event than the story's ("On Saturday, thousands marched
# on the embassy.", "A day earlier, ...") goes on about that one: its later sentences ("Dozens of
# officers were hurt.") read as statements about the story's own event unless that opening is
# read first. The markers: a time before the story's, or a weekday other than the one its
# article opens with.
_EARLIER = re.compile(
    r"\b(?:the (?:previous|prior) (?:day|night|week|month|year)|the (?:day|night|week) before|"
    r"(?:a|one|two|three|four|five|several|few) (?:days?|nights?|weeks?|months?|years?) (?:earlier|before|ago)|"
    r"earlier (?:that|this|in the) (?:day|week|month|year)|last (?:week|month|year|summer|spring|fall|winter)|"
    r"in (?:19|20)\d\d)\b",
    re.I,
)
_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY_PATTERN})\b")


def opens_another_time(opening: str, article_lead: str) -> bool:
    """Whether a paragraph opening `opening` is set before the story, or on another weekday than
    its article's lead names."""
    if _EARLIER.search(opening):
        return True
    days, lead_days = set(_WEEKDAY.findall(opening)), set(_WEEKDAY.findall(article_lead))
    return bool(days and lead_days and not days & lead_days)


def names_its_time(text: str) -> bool:
    """Whether a sentence says when it happened itself (a weekday, a year, 'earlier')."""
    return bool(_EARLIER.search(text) or _WEEKDAY.search(text))


# A person met by first and last name ("Nadia Al-Rahabi", "Jim DeMint") and later by the last
# name alone ("Al-Rahabi landed on top of her daughter."): out of the article that sentence is
# about someone the reader was never introduced to, unless the summary has named them before.
# A lookahead, so that "Editor in Chief Frank Newport" yields "Chief Frank" and "Frank Newport".
_FULL_NAME = re.compile(r"(?=\b([A-Z][a-z]+)\s+([A-Z][a-z]*(?:[-'’]?[A-Z][a-z]+)+|[A-Z][a-z]+)\b)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[a-z]\b")
# Capitalised words that are no first name: titles, months, days, and function words opening a
# sentence ("When Smith...").
_NOT_FIRST_NAMES = frozenset(
    "mr mrs ms dr sen rep gov gen president senator governor mayor judge chief minister prime secretary "
    "director officer sergeant captain lieutenant professor pope king queen prince princess lord lady saint st "
    "north south east west new old great fort port mount lake former late".split()
) | {w.lower() for w in MONTHS + WEEKDAYS}


def full_names(text: str) -> dict[str, str]:
    """Last name -> first name of every "First Last" in `text` whose first word may be a first name."""
    found = {}
    for match in _FULL_NAME.finditer(text):
        first, last = match.groups()
        lowered = first.lower()
        # "at Averly Harbour", "out of Ferrymead Marina": a place, so a later "Harbour workers"
        # leans on no one.
        if lowered not in STOP_WORDS and lowered not in _NOT_FIRST_NAMES \
                and not _PLACE_BEFORE.search(text, 0, match.start()):
            found.setdefault(last, first)
    return found


_PLACE_BEFORE = re.compile(r"\b(?:at|in|near|outside|inside|across|out of|into)\s+$", re.I)


def surnames_alone(text: str, introduced: dict[str, str]) -> frozenset[str]:
    """The last names of `introduced` people that `text` uses without their first name."""
    named_in_full = set(full_names(text))
    return frozenset(w for w in mentions(text) if w in introduced and w not in named_in_full)


def mentions(text: str) -> frozenset[str]:
    """The capitalised words of `text` (names, as a later sentence may lean on them), without a
    possessive ending ("Peinovich’s" is Peinovich)."""
    return frozenset(_POSSESSIVE.sub("", w) for w in _CAPITALISED.findall(text))


_POSSESSIVE = re.compile(r"['’]s$")


# "The <noun>" opening a sentence: maybe a thing its article introduced before ("The team dug a
# small trench across the mound", real pairs2 ta002; "The magazine also spoke to...", "The church
# allowed..."), which out of the article is a thing the reader never met.
_THE_COMMON_NOUN = re.compile(r"^The\s+(?-i:[a-z])")
_WORD = re.compile(r"[a-z][a-z'-]+")


def definite_subject(text: str) -> str | None:
    """The head noun (singular, lower case) of a "The <common noun>" phrase opening `text`, or
    None: "The team dug..." -> "team"; "The White House said..." (a name) -> None."""
    if not _THE_COMMON_NOUN.match(text):
        return None
    from storydesk.nlp import parse

    chunk = next(iter(parse([text])[0].noun_chunks), None)
    if chunk is None or chunk.start != 0 or chunk.root.pos_ != "NOUN" or not chunk.root.text.islower():
        return None
    head = chunk.root
    # The sentence says which itself: "The average cost of a wedding last year", "The biopic titled
    # 'Thatcher'", "The main psychoactive ingredient in marijuana" (leads of real new ta018, ta098).
    if any(child.dep_ in _SAYS_WHICH for child in head.children) or head.lemma_.lower() in _ONE_OF_A_KIND:
        return None
    return head.lemma_.lower()


# Dependents of the head noun that say which thing it is: a preposition's phrase, a participle or
# relative clause, an apposition.
_SAYS_WHICH = frozenset({"prep", "acl", "relcl", "appos"})
# Offices of which a country has one, read as the story's own ("The president said yesterday...",
# real fresh ta144's lead).
_ONE_OF_A_KIND = frozenset({"president", "pope", "queen", "king"})


def words_said(text: str) -> frozenset[str]:
    """The lower-case words of `text`, each also without a plural "s" ("teams" says "team"), for
    `definite_subject` to find the thing mentioned."""
    words = set(_WORD.findall(text.lower()))
    return frozenset(words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3})


SURNAME_SPEAKER = "quotes a speaker it names only by one name"
_SPEAKER_NAME = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+|([A-Z][\w'-]+)")


def one_name_speakers(text: str) -> frozenset[str]:
    """The speakers `text` names by one name only ('..." said Vecchio.'), when that is the only
    reason it does not read on its own: it does once the summary has named them before."""
    if dependences(text) and set(dependences(text)) == {SURNAME_SPEAKER}:
        found = set()
        for match in _SURNAME_SPEAKER.finditer(text):
            found |= {m.group(1) for m in _SPEAKER_NAME.finditer(match.group()) if m.group(1)}
        return frozenset(found)
    return frozenset()
