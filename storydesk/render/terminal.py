"""The digest in a terminal, with rich."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from storydesk.model import Digest


def print_digest(digest: Digest, console: Console | None = None) -> None:
    console = console or Console()
    names = {a.id: (a.source or a.id) for a in digest.articles}

    def cite(ids) -> str:
        return "[dim]" + escape(" ".join(f"[{names.get(i, i)}]" for i in dict.fromkeys(ids))) + "[/dim]"

    console.rule(f"[bold]{escape(digest.story.headline)}")
    console.print(f"{len(digest.articles)} articles", style="dim")
    console.print("\n[bold]Summary[/bold]")
    for s in digest.summary:
        console.print(f"  {escape(s.text)} {cite(s.sources)}")
    if digest.alignment.conflicts:
        console.print("\n[bold red]Where the sources disagree[/bold red]")
        for c in digest.alignment.conflicts:
            console.print(f"  [bold]{escape(c.topic)}[/bold] ({c.kind}, {c.severity})")
            for claim in c.claims:
                console.print(f"    {escape(str(claim.value))}: {escape(claim.text)} {cite(claim.sources)}")
    if digest.alignment.facts:
        table = Table("fact", "sources", "indep.", title="Facts", title_justify="left", show_lines=False)
        for f in digest.alignment.facts[:15]:
            table.add_row(escape(f.text), escape(", ".join(names.get(i, i) for i in f.sources)), str(f.independent_sources))
        console.print(table)
    if digest.extraction.quotes:
        console.print("\n[bold]Quotes[/bold]")
        for q in digest.extraction.quotes:
            console.print(f"  [bold]{escape(q.speaker or 'unnamed')}[/bold]: “{escape(q.text)}” {cite(q.sources)}")
    if digest.alignment.timeline:
        console.print("\n[bold]Timeline[/bold]")
        for t in digest.alignment.timeline:
            console.print(f"  {t.date}  {escape(t.text)} {cite(t.sources)}")
    table = Table("article", "outlet", "title", "originality", title="Sources", title_justify="left")
    for a in digest.articles:
        table.add_row(escape(a.id), escape(a.source or ""), escape(a.title or ""), f"{digest.reuse.originality.get(a.id, 1.0):.0%}")
    console.print(table)
    removed = sum(len(a.removed) for a in digest.articles)
    if removed:
        console.print(f"[dim]Cleaning removed {removed} pieces (see --json or --markdown for each).[/dim]")


def render_text(digest: Digest, width: int = 100) -> str:
    """The terminal view as plain text (no colours), for `--format text` into a file."""
    import io

    buffer = io.StringIO()
    print_digest(digest, Console(file=buffer, width=width, color_system=None, highlight=False))
    return buffer.getvalue()
