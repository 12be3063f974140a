"""The English word lists and the stemmer every stage shares: one home each.

Stages compare sentences by their content words, so they must agree on what a content word is.
A module that needs more words out (the timeline drops date words, clustering drops words common
to all news) builds its set from these, in the open: `STOP_WORDS | DATE_WORDS`.
"""

from __future__ import annotations

import re

# Function words, plus the words of attribution ("said", "according") and titles: they carry no
# claim of their own, so two sentences sharing them share nothing.
STOP_WORDS = frozenset("""
a about above after again against all also already am an and any are around as at be because been before
being below between both but by can could did do does doing down during each even few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just many me more
most much my myself near no nor not now of off on onto once only or other our ours ourselves out over own
same she should since so some still such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom why will with
would yet you your yours yourself yourselves across said says say told according mr mrs ms dr s t
""".split())

# The names of the weekdays and months, as printed; patterns for a regex alternation.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAY_PATTERN = "|".join(WEEKDAYS)
MONTH_PATTERN = "|".join(MONTHS)

# Months, weekdays and the words around them ("last week", "Friday morning").
DATE_WORDS = frozenset(w.lower() for w in WEEKDAYS + MONTHS) | frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec morning afternoon
evening night early late last next this week month year today yesterday tomorrow
""".split())

# Verbs that introduce what someone said, in the forms news prints them.
REPORTING_VERBS = tuple("""
said says say added adds told tells wrote writes asked asks explained explains stated states
noted notes insisted insists argued argues warned warns recalled recalls continued continues
declared declares replied replies responded responds tweeted tweets posted posts announced
announces acknowledged acknowledges admitted admits claimed claims cautioned emphasized
emphasised stressed stresses observed remarked shouted yelled conceded concedes complained
testified recounted quipped predicted pleaded urged urges concluded agreed promised vowed
joked exclaimed confirmed confirms suggested suggests boasted reflected mused wondered
whispered demanded sobbed sighed laughed texted emailed e-mailed messaged hinted hints lamented
laments countered counters maintained maintains reiterated reiterates speculated
""".split())
# Words that name a source without a speech verb ("according to", "alleged", "reported").
SOURCING_WORDS = ("according", "alleged", "alleges", "reported", "reports")

REPORTING_PATTERN = "|".join(re.escape(v) for v in REPORTING_VERBS)

# Suffixes cut by `stem`, first match wins; the second item is put back ("cities" -> "city").
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", ""))
MIN_STEM = 3  # a stem shorter than this is no stem ("uses" is not cut to "us")
_NOT_PLURAL = ("ss", "us", "is")  # "business", "status", "analysis": the final s is the word's own
_SUFFIX_ENDS = frozenset(suffix[-1] for suffix, _ in _SUFFIXES)  # a word ending otherwise has no suffix to cut


def stem(word: str) -> str:
    """A light suffix cut that makes plural and tense variants meet ("firefighters"/"firefighter",
    "evacuated"/"evacuate", "fires"/"fire"); never a dictionary lookup. Expects lower case."""
    if word[-1:] not in _SUFFIX_ENDS:  # most words: one set lookup instead of seven endswith
        return word
    for suffix, keep in _SUFFIXES:
        if suffix == "s" and word.endswith(_NOT_PLURAL):
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: len(word) - len(suffix)] + keep
    return word
