"""Claims as event frames, read from spaCy's dependency parse.

A frame is one verb of a sentence with its arguments: predicate, agent (subject), patient
(object), complement ("less intelligent"), whether it is negated, its modality (stated plainly,
reported as someone's words, denied, hedged, asked) and who the sentence gives it to. Two
sentences state the same event when their frames align, not when they share words: "did not make
the rats less intelligent" and "makes rats less willing" share a predicate and a patient but not
a complement; "He has not faced a competitive campaign" and "Republicans facing competitive
re-elections" not a patient.
"""

from __future__ import annotations

from dataclasses import dataclass

from storydesk.lexicon import REPORTING_VERBS, stem

# One parse cache for the align stage and the summary (sentences parsed once per process, in
# batches); `clear_cache` forgets them.
from storydesk.nlp import clear_parsed as clear_cache  # noqa: F401 (benchmarks, tests)
from storydesk.nlp import parse

# Verbs whose clause is a claim someone rejects: "X denied that he muzzled Y" does not state that
# anyone was muzzled.
DENY_LEMMAS = frozenset({"deny", "reject", "dispute", "refute", "disown", "contest"})
# What makes a clause a possibility, not a fact: modal auxiliaries, and verbs of attempt or seeming
# governing it ("appears to try to pull over").
HEDGE_AUX = frozenset({"may", "might"})
HEDGE_LEMMAS = frozenset({"try", "attempt", "appear", "seem", "plan", "hope", "want", "consider", "expect"})
REPORTING_LEMMAS = frozenset({"say", "tell", "add", "report", "state", "write", "claim", "announce", "note",
                              "explain", "insist", "confirm", "acknowledge", "admit", "argue", "warn"}
                             | {v for v in REPORTING_VERBS if not v.endswith(("s", "ed"))})
_VERB_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "csubj"})
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "who", "which", "one"})
_NEGATING_DETERMINERS = frozenset({"no", "neither"})
# Words after a surname that are no surname ("William W. Taylor III", "Martin Luther King Jr.").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md"})


@dataclass(frozen=True)
class Frame:
    predicate: str
    agent: str | None
    patient: str | None
    complement: str | None
    negated: bool
    modality: str  # plain | said | denied | hedged | question
    speaker: str | None


def _key(token) -> str | None:
    """An argument as compared across sentences: its lemma, lower case; pronouns match anything."""
    if token is None:
        return None
    word = token.lemma_.lower()
    return None if word in _PRONOUNS else stem(word)


def _child(verb, deps: set[str]):
    return next((c for c in verb.children if c.dep_ in deps), None)


def _name(token) -> str:
    """A speaker's words: the subject with its appositive name ("Kushner's lawyer, Jamie Gorelick")."""
    appos = _child(token, {"appos"})
    head = appos if appos is not None and appos.pos_ == "PROPN" else token
    parts = [c.text for c in head.children if c.dep_ == "compound" and c.i < head.i] + [head.text]
    return " ".join(parts)


def governors(verb):
    """The verbs above `verb` through clausal links, nearest first."""
    token = verb
    while token.dep_ in {"ccomp", "xcomp", "conj", "advcl", "pcomp"} and token.head.i != token.i:
        token = token.head
        yield token


def frame_of(verb, question: bool) -> Frame:
    subject = _child(verb, {"nsubj", "nsubjpass", "csubj", "expl"})
    agent = _child(verb, {"nsubj"})
    if agent is None:
        by = _child(verb, {"agent"})
        agent = _child(by, {"pobj"}) if by is not None else None
    patient = _child(verb, {"dobj", "nsubjpass"})
    complement = _child(verb, {"acomp", "oprd", "attr", "xcomp", "ccomp", "dative"})
    if complement is not None and complement.pos_ in {"VERB", "AUX"}:
        complement = None
    negated = any(c.dep_ == "neg" for c in verb.children) or any(
        d.lower_ in _NEGATING_DETERMINERS for arg in (subject, patient) if arg is not None for d in arg.children
        if d.dep_ == "det") or (subject is not None and subject.lower_ in {"nobody", "nothing", "none"})
    modality, speaker = "question" if question else "plain", None
    if any(c.dep_ == "aux" and c.lower_ in HEDGE_AUX for c in verb.children):
        modality = "hedged"
    adverbial = False  # reached through an adverbial clause: "denied the request, instead sentencing him"
    below = verb
    for governor in governors(verb):
        adverbial = adverbial or below.dep_ == "advcl"
        # A clause coordinated with the denial itself is stated beside it, not denied: "has denied
        # the allegations ... and again this case has already been won in arbitration" (fresh2 ta034).
        coordinated = below.dep_ == "conj"
        below = governor
        lemma = governor.lemma_.lower()
        if lemma in DENY_LEMMAS:
            # An adverbial clause is no content of the denial (ta103 of the real gold: the judge
            # denied a request "instead sentencing Turner to six months"; the sentencing is stated).
            if not adverbial and not coordinated:
                modality = "denied"
            break
        if lemma in HEDGE_LEMMAS or any(c.dep_ == "aux" and c.lower_ in HEDGE_AUX for c in governor.children):
            modality = "hedged"
            break
        if lemma in REPORTING_LEMMAS:
            said_by = _child(governor, {"nsubj"})
            speaker = _name(said_by) if said_by is not None else None
            if modality == "plain":
                modality = "said"
            break
    if verb.lemma_.lower() in DENY_LEMMAS:
        modality = "denied"
    return Frame(verb.lemma_.lower(), _key(agent), _key(patient), _key(complement), negated, modality, speaker)


def frames(text: str) -> list[Frame]:
    """Every verb frame of a sentence, reporting verbs included."""
    doc = parse([text])[0]
    question = text.rstrip(" \"'”’)").endswith("?")
    return [frame_of(t, question) for t in doc if t.pos_ in {"VERB", "AUX"} and t.dep_ in _VERB_DEPS]


def main_frame(text: str) -> Frame | None:
    """The frame a sentence asserts: its root, or the clause its root reports or denies."""
    doc = parse([text])[0]
    question = text.rstrip(" \"'”’)").endswith("?")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.lemma_.lower() in REPORTING_LEMMAS | DENY_LEMMAS:
        clause = _child(root, {"ccomp"})
        if clause is not None:
            return frame_of(clause, question)
    return frame_of(root, question)


def stance(text: str) -> str:
    """How a sentence holds its main claim: plain, negated, denied, hedged or question. A denial,
    a question or a hedge does not support the plain claim."""
    frame = main_frame(text)
    if frame is None:
        return "plain"
    if frame.modality in {"denied", "hedged", "question"}:
        return frame.modality
    return "negated" if frame.negated else "plain"


def aligned(a: Frame, b: Frame) -> bool:
    """Same event: one predicate, and no argument that both give and give differently."""
    if stem(a.predicate) != stem(b.predicate):
        return False
    return all(x is None or y is None or x == y for x, y in
               ((a.agent, b.agent), (a.patient, b.patient), (a.complement, b.complement)))


def speaks(name: str, text: str) -> bool | None:
    """Does the sentence make `name` its speaker (subject of a reporting verb, its appositive, or
    "according to NAME")? None when the name is not in the sentence (given from the paragraph)."""
    last = next((w for w in reversed(name.split()) if w.strip(".,").lower() not in _NAME_SUFFIXES), "")
    doc = parse([text])[0]
    tokens = [t for t in doc if t.text == last]
    if not tokens:
        return None
    for token in tokens:
        head = token
        # Up through the name's own words, appositions and a title before it ("said fire chief Mara
        # Quist"); a name that modifies a common noun after it ("McSally campaign CEO Jim Bognet
        # said", pairs ta248) names someone else's employer.
        while head.head.i != head.i and (head.dep_ == "appos" or (
                head.dep_ in {"compound", "flat"} and (head.head.pos_ == "PROPN" or head.head.i < head.i))):
            head = head.head
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_LEMMAS:
            return True
        if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
            return True
    return False


def surname(name: str) -> str:
    """The last word of a name that is not a suffix, lower case ("" for no name)."""
    words = [w.strip(".,").lower() for w in name.split()]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def same_person(a: str, b: str) -> bool:
    """Two forms of one name: the same surname ("Jonathan Hubbard" / "Jon Hubbard", "William W.
    Taylor III" / "Bill Taylor", ta116 of the real gold)."""
    return bool(surname(a)) and surname(a) == surname(b)


# Verbs that give a claim as someone's statement, for counting sources: the reporting verbs and
# those of estimating and announcing ("activists estimate", "the Coast Guard reminds the public").
_STATING_LEMMAS = REPORTING_LEMMAS | frozenset({"describe", "estimate", "remind", "announce", "release", "post",
                                                "issue", "warn", "urge", "allege", "charge", "declare"})
STATING_LEMMAS = _STATING_LEMMAS  # public name (align/speakers.py)
# "X called the remarks "beyond the pale"": calling something words in quotation marks states them.
_CALLING_LEMMAS = frozenset({"call", "brand", "label", "dub"})
# One document under its two names in one story ("the lawsuit alleges" / "says the suit").
_SPEAKER_ALIASES = {"suit": "lawsuit", "complaint": "lawsuit"}


def attributed_to(text: str) -> str | None:
    """Whose statement a sentence gives: the head word of the subject of its stating verb, or of
    "according to X" (lower case, singular: "department", "guard", "activist", "urgant"), or None."""
    doc = parse([text])[0]
    for token in doc:
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            return _SPEAKER_ALIASES.get(token.lemma_.lower(), token.lemma_.lower())
    stating = _STATING_LEMMAS | (_CALLING_LEMMAS if any(ch in text for ch in "\"“”") else frozenset())
    for token in doc:
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in stating and token.lower_ not in _PRONOUNS:
            return _SPEAKER_ALIASES.get(token.lemma_.lower(), token.lemma_.lower())
    return None
