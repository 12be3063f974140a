"""Issue 23, the terminal rows: article text never drives the terminal, and never costs minutes."""

from __future__ import annotations

import io
import time
from dataclasses import replace

from rich.console import Console

from storydesk.model import Article, Story, SummarySentence
from storydesk.render.terminal import MAX_FIELD_CHARS, MAX_WORD_CHARS, print_digest, terminal_text
from tests.digest_factory import hostile_digest

# Sets the window title, clears the screen, moves the cursor, rings the bell, a C1 CSI, a bidi override.
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[H\x07\x9b31m\u202eevil\x1b[31mred\x1bc"


def printed(digest, width: int = 100) -> str:
    out = io.StringIO()
    # No colour: any escape left in the output came from the article text.
    print_digest(digest, Console(file=out, width=width, force_terminal=False, color_system=None))
    return out.getvalue()


def test_control_sequences_are_stripped():
    assert terminal_text(f"Fire {ESCAPES} out") == "Fire evilred out"
    assert terminal_text("tab\tand\nnewline\rreturn") == "tab and newline return"


def test_a_huge_word_is_cut_and_a_long_field_clipped():
    assert terminal_text("x" * 100_000) == "x" * MAX_WORD_CHARS + "…"
    long_text = "word " * 10_000
    assert len(terminal_text(long_text)) <= MAX_FIELD_CHARS + 1 and terminal_text(long_text).endswith("word…")


def test_a_digest_with_escapes_markup_and_a_100000_char_word_prints_fast_and_clean():
    digest = hostile_digest()
    word = "W" * 100_000
    evil = Article("evil[/x]", f"Text {ESCAPES} [/] [bold]x[/bold] {word}", title=f"Title {ESCAPES} [/x] {word}",
                   source=f"Outlet [/] {ESCAPES}")
    digest = replace(
        digest,
        story=Story("s", f"Headline {ESCAPES} [/x] {word}"),
        articles=digest.articles + (evil,),
        summary=digest.summary + (SummarySentence(f"Said {ESCAPES} [/] [bold]x[/bold] {word}.", ("evil[/x]",)),),
    )
    started = time.process_time()
    text = printed(digest)
    assert time.process_time() - started < 5  # was minutes in the terminal highlighter
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text and "\u202e" not in text
    assert "[/x]" in text and "[bold]x[/bold]" in text  # user text shown as it is, never read as markup
    assert "W" * MAX_WORD_CHARS + "…" in text and "W" * (MAX_WORD_CHARS + 1) not in text
    assert max(len(line) for line in text.splitlines()) <= 100
