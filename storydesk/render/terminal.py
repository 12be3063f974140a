"""The digest in a terminal, with rich.

Article text is never markup and never reaches the terminal raw: escape and control sequences
(which can set the window title or clear the screen) are stripped, very long words and fields
are cut, and no highlighter runs over it (rich's took minutes on a 100,000-character word).
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storydesk.model import Digest
from storydesk.render import shown_value

# A word longer than this is a URL, a hash or garbage: the first part is enough on a screen
# (the longest English words and most URLs in news text fit).
MAX_WORD_CHARS = 60
# One printed field (a sentence, a title, a quote) at most this long; the files keep it whole.
MAX_FIELD_CHARS = 1000

# ESC sequences: CSI (ESC [ ... final), OSC/DCS/APC/PM/SOS strings (to BEL or ESC \), then any
# other two-character escape; C1 CSI/OSC too.
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x9d\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# Line breaks and tabs print as a space; other control characters (C0, DEL, C1) and
# bidirectional overrides (which reorder what is shown) are dropped.
_BREAK = re.compile("[\t\n\v\f\r\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


def terminal_text(text: str, limit: int = MAX_FIELD_CHARS) -> str:
    """Text safe to print: no escape or control sequences, words and the whole cut to sane sizes."""
    text = _CONTROL.sub("", _BREAK.sub(" ", _ESCAPE.sub("", text)))
    text = _LONG_WORD.sub(lambda m: m.group()[:MAX_WORD_CHARS] + "…", text)
    return text[:limit].rstrip() + "…" if len(text) > limit else text


def print_digest(digest: Digest, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    t = terminal_text
    names = {a.id: t(a.source or a.id, 80) for a in digest.articles}

    def cite(ids) -> tuple[str, str]:
        return " ".join(f"[{names.get(i, t(i, 80))}]" for i in dict.fromkeys(ids)), "dim"

    def line(*parts: str | tuple[str, str]) -> None:
        console.print(Text.assemble(*parts))

    console.rule(Text(t(digest.story.headline, 200), style="bold"))
    line((f"{len(digest.articles)} articles", "dim"))
    line("\n", ("Summary", "bold"))
    for s in digest.summary:
        line("  ", t(s.text), " ", cite(s.sources))
    if digest.alignment.conflicts:
        line("\n", ("Where the sources disagree", "bold red"))
        for c in digest.alignment.conflicts:
            line("  ", (t(c.topic), "bold"), f" ({t(c.kind)}, {t(c.severity)})")
            for claim in c.claims:
                line("    ", t(shown_value(claim.value)), ": ", t(claim.text), " ", cite(claim.sources))
    if digest.alignment.facts:
        table = Table("fact", "sources", "indep.", title="Facts", title_justify="left", show_lines=False)
        for f in digest.alignment.facts[:15]:
            table.add_row(Text(t(f.text)), Text(", ".join(names.get(i, t(i, 80)) for i in f.sources)),
                          str(f.independent_sources))
        console.print(table)
    if digest.extraction.quotes:
        line("\n", ("Quotes", "bold"))
        for q in digest.extraction.quotes:
            line("  ", (t(q.speaker or "unnamed", 200), "bold"), f": “{t(q.text)}” ", cite(q.sources))
    if digest.alignment.timeline:
        line("\n", ("Timeline", "bold"))
        for entry in digest.alignment.timeline:
            line(f"  {t(entry.date, 40)}  ", t(entry.text), " ", cite(entry.sources))
    table = Table("article", "outlet", "title", "originality", title="Sources", title_justify="left")
    for a in digest.articles:
        table.add_row(Text(t(a.id, 200)), Text(t(a.source or "", 200)), Text(t(a.title or "", 300)),
                      f"{digest.reuse.originality.get(a.id, 1.0):.0%}")
    console.print(table)
    removed = sum(len(a.removed) for a in digest.articles)
    if removed:
        line((f"Cleaning removed {removed} pieces (see --json or --markdown for each).", "dim"))


def render_text(digest: Digest, width: int = 100) -> str:
    """The terminal view as plain text (no colours), for `--format text` into a file."""
    import io

    buffer = io.StringIO()
    print_digest(digest, Console(file=buffer, width=width, color_system=None, highlight=False))
    return buffer.getvalue()
