"""Clean stage: `match_rule` skips a rule whose needed text a line lacks (a CPU saving), and must
answer exactly as trying every rule in order does."""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import pytest

from storydesk.clean import rules
from storydesk.clean.form import split_lines
from storydesk.clean.html import page_text

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def every_rule_in_order(line: str) -> str | None:
    """`match_rule` as it was: each rule that allows the line's length, first match wins."""
    words = len(line.split())
    return next((rule.kind for rule in rules.RULES if words <= rule.max_words and rule.pattern.search(line)), None)


def test_clean_rule_needs_are_text_every_match_holds() -> None:
    needs = {rule.pattern.pattern: rules.needed_text(rule.pattern) for rule in rules.RULES}
    assert needs[r"^play facebook$"] == ("play facebook",)
    assert set(needs[r"^(\d+ )?min(ute)?s? read$"]) == {" read"}
    # Upper case in the pattern is lowered (lines are lowered before the test); an optional part
    # or a class gives nothing, and a branch needs one of its alternatives.
    assert rules.needed_text(re.compile(r"^(?-i:JUST WATCHED) .{1,9}", re.I)) == ("just watched",)
    assert rules.needed_text(re.compile(r"^(yes|no)\b", re.I)) == ("no", "yes")
    assert rules.needed_text(re.compile(r"^(yes|\d+)$", re.I)) is None
    assert rules.needed_text(re.compile(r"^(x)?\d+$", re.I)) is None
    # Non-ASCII letters are left out of the needed text: their case rules differ.
    assert rules.needed_text(re.compile(r"comentários", re.I)) == ("coment",)


def test_clean_a_line_is_tried_only_by_rules_whose_needed_text_fits_its_words() -> None:
    # One-word lines ("Home", "Share") are most of a page's menus: a rule that needs "sign up" is
    # not tried on them; the needed text a rule keeps for a length has at most that many words.
    one_word = [needed for _, _, needed in rules._GUARDED_RULES_FOR_WORDS[1]]
    assert all(needed is None or all(len(text.split()) <= 1 for text in needed) for needed in one_word)
    assert len(one_word) < len(rules._RULES_FOR_WORDS[1])
    assert rules.match_rule("Advertisement") == "advert" and rules.match_rule("  Read more ") == every_rule_in_order("  Read more ")


def test_clean_only_four_characters_fold_into_ascii() -> None:
    # The guard lowers the line and looks for ASCII text in it; a character that matches an ASCII
    # letter under IGNORECASE, or lowers into ASCII, would break that: the line is then tried rule by rule.
    outside = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folding = {match.group() for match in re.finditer("[a-z]", outside, re.I)}
    folding |= {ch for ch in outside if ch.lower() != ch and any(c.isascii() for c in ch.lower())}
    assert folding == {"\u0130", "\u0131", "\u017f", "\u212a"}
    assert all(rules.FOLDS_INTO_ASCII.search(ch) for ch in folding)


LINES = [
    "Advertisement", "ADVERTISEMENT", "Play Facebook", "3 min read", "Share this article", "Share", "Read more",
    "Photo: Getty Images", "JUST WATCHED Storm hits coast Replay More Videos ... MUST WATCH Storm hits coast 01:27",
    "Comments are moderated and must be respectful.", "Follow us on Twitter @example",
    "The council voted on Tuesday to close the harbour road for repairs, officials said.",
    "Home » News » World", "  Read more ", "Sign\u2009up for our newsletter", "Watch:\u00a0video", "(Photo: Jane Doe/Harbour Times)", "Two people were hurt,...",
    # Characters that fold into ASCII letters under IGNORECASE: "ſ" matches "s", "K" (Kelvin) "k", "İ" "i".
    "Advertiſement", "Share thiſ article", "3 min reaD", "PLAY FACEBOO\u212a", "L\u0130STEN", "\u0130n this photo provided by the harbour police, a boat burns",
    "Photo: Getty \u0130mages", "Media playback is unſupported on your device",
]


def test_clean_match_rule_answers_as_every_rule_in_order() -> None:
    for line in LINES:
        assert rules.match_rule(line) == every_rule_in_order(line), line


@pytest.mark.skipif(not (DATA / "aeb").exists(), reason="shared aeb data not present")
def test_clean_match_rule_answers_as_every_rule_in_order_on_aeb_pages() -> None:
    # Every line of 10 aeb pages (menus, captions, bodies; several languages) as the HTML path sees them.
    truth = json.loads((DATA / "aeb" / "ground-truth.json").read_text())
    for key in sorted(truth)[:10]:
        html = gzip.open(DATA / "aeb" / "html" / f"{key}.html.gz").read().decode("utf-8", errors="replace")
        for line in split_lines(page_text(html)[0]):
            assert rules.match_rule(line.text) == every_rule_in_order(line.text), (key, line.text)
