"""Command line: thin wrappers that check arguments, call the pipeline, and report problems.

No traceback for user errors: every problem with the input is one line on stderr naming the
file (and line), and the exit code is non-zero only when nothing could be read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from storydesk.model import Problem

app = typer.Typer(
    help="storydesk: many news articles about the same events -> one trustworthy, cited account.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: an error naming a long path stays on one line, so it can be copied
err = Console(stderr=True, highlight=False, soft_wrap=True)


def report_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    for problem in problems:
        level = "error" if problem.fatal else "warning"
        err.print(f"[{'red' if problem.fatal else 'yellow'}]{level}[/]: {problem}", markup=True, soft_wrap=True)


def parse_published(value: Optional[str]) -> Optional[datetime]:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def write_output(path: Path, text: str, what: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        err.print(f"[red]error[/]: cannot write {what} to {path}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    err.print(f"wrote {what} to {path}")


@app.callback()
def _root() -> None:
    """storydesk: many news articles about the same events -> one trustworthy, cited account."""


PathsArg = Annotated[list[Path], typer.Argument(help="Article files (.txt, .html, .htm, .jsonl, optionally .gz) or directories of them.", show_default=False)]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", help="Publication date (YYYY-MM-DD) for articles that carry none; relative dates resolve against it.")]


@app.command()
def digest(
    paths: PathsArg,
    published: PublishedOpt = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the digest as JSON (storydesk.digest/1) to this file.")] = None,
    markdown_out: Annotated[Optional[Path], typer.Option("--markdown", help="Write the digest as Markdown to this file.")] = None,
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Write the digest as one self-contained HTML report to this file.")] = None,
    words: Annotated[int, typer.Option("--words", min=10, help="Target summary length in words.")] = 120,
    story_id: Annotated[Optional[str], typer.Option("--story-id", help="Id for the story (default: from the headline).")] = None,
) -> None:
    """Digest the articles of one story: clean text, shared copy, entities, quotes, facts,
    conflicts, timeline and a cited summary. Prints to the terminal unless --json/--markdown/--html."""
    from storydesk.pipeline import NothingToDigest, Options
    from storydesk.pipeline import digest as run_digest

    options = Options(published=parse_published(published), words=words, story_id=story_id)
    try:
        result = run_digest(paths, options)
    except NothingToDigest as exc:
        report_problems(exc.problems)
        err.print("[red]error[/]: no article could be read; nothing to digest")
        raise typer.Exit(1) from None
    report_problems(result.problems)
    if json_out:
        write_output(json_out, result.to_json(), "JSON digest")
    if markdown_out:
        write_output(markdown_out, result.to_markdown(), "Markdown digest")
    if html_out:
        from storydesk.render.html import render_html

        write_output(html_out, render_html(result), "HTML report")
    if not (json_out or markdown_out or html_out):
        from storydesk.render.terminal import print_digest

        print_digest(result)


@app.command("clean")
def clean_command(
    paths: PathsArg,
    out: Annotated[Optional[Path], typer.Option("--out", help="Write one JSON record per article to this JSONL file (default: stdout).")] = None,
) -> None:
    """Clean articles: body text, title and every removed line with its kind, as JSONL
    ({"id", "title", "text", "removed": [{"line", "text", "kind"}]})."""
    import json

    from storydesk.clean import article_record, clean_paths

    articles, problems = clean_paths(paths)
    report_problems(problems)
    if not articles:
        err.print("[red]error[/]: no article body could be read")
        raise typer.Exit(1)
    lines = "".join(json.dumps(article_record(a), ensure_ascii=False) + "\n" for a in articles)
    if out:
        write_output(out, lines, f"{len(articles)} cleaned articles")
    else:
        typer.echo(lines, nl=False)


RawOpt = Annotated[bool, typer.Option("--raw", help="Take each text as it is (a corpus cleaned already); default: clean it first.")]


def progress(description: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


@app.command("reuse")
def reuse_command(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", help="Write one JSON line per pair of articles that share passages.")],
    raw: RawOpt = False,
    partners: Annotated[int, typer.Option("--partners", min=1, help="Align each article with at most this many of its closest earlier articles.")] = 5,
) -> None:
    """Shared (wire) copy across a corpus: MinHash LSH finds candidate pairs, alignment finds the
    passages. Output lines: {"a", "b", "share_a", "share_b", "passages": [[a_start, a_end, b_start, b_end]]}."""
    import json

    from storydesk.clean import iter_clean_articles
    from storydesk.reuse.corpus import find_reuse

    problems: list[Problem] = []
    articles = iter_clean_articles(paths, problems, raw=raw)
    count = {"articles": 0, "pairs": 0}

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle, progress("aligning") as bar:
            task = bar.add_task("reuse", total=None)

            def counted():  # the bar moves per article read, not per pair found
                for article in articles:
                    count["articles"] += 1
                    bar.update(task, completed=count["articles"])
                    yield article

            for pair in find_reuse(counted(), max_partners=partners):
                handle.write(json.dumps({"a": pair.a, "b": pair.b, "share_a": pair.share_a, "share_b": pair.share_b,
                                         "passages": [[p.a_start, p.a_end, p.b_start, p.b_end] for p in pair.passages]})
                             + "\n")
                count["pairs"] += 1
    except OSError as exc:
        err.print(f"[red]error[/]: cannot write to {out}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    report_problems(problems)
    if not count["articles"]:
        err.print("[red]error[/]: no article could be read")
        raise typer.Exit(1)
    err.print(f"{count['pairs']:,} pairs sharing passages among {count['articles']:,} articles, written to {out}")


@app.command("summarize")
def summarize_command(
    clusters: Annotated[Path, typer.Argument(help='JSONL, one story a line: {"id", "documents": [{"id", "title"?, "text"}]}.', show_default=False)],
    out: Annotated[Path, typer.Option("--out", help='Write one line per story: {"id", "summary": [{"text", "sources"}]}.')],
    words: Annotated[int, typer.Option("--words", min=10, help="Target summary length in words.")] = 120,
    raw: RawOpt = False,
    full: Annotated[bool, typer.Option("--full", help="Run the whole digest for each story (entities, facts, conflicts; several times slower).")] = False,
) -> None:
    """Cited summaries of many stories at once (clean -> segment -> reuse -> summarize per story).
    A broken line is reported with its line number and skipped; progress goes to stderr."""
    import json

    from storydesk.summarize.batch import summarize_file

    if not clusters.is_file():
        err.print(f"[red]error[/]: {clusters}: no such file")
        raise typer.Exit(1)
    written = 0
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle, progress("summarizing") as bar:
            task = bar.add_task("summarize", total=None)
            for result in summarize_file(clusters, words=words, full=full, raw=raw):
                if isinstance(result, Problem):
                    report_problems([result])
                    continue
                report_problems(result.problems)
                handle.write(json.dumps(result.to_record(), ensure_ascii=False) + "\n")
                written += 1
                bar.update(task, completed=written)
    except OSError as exc:
        err.print(f"[red]error[/]: cannot write to {out}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    if not written:
        err.print("[red]error[/]: no story could be read")
        raise typer.Exit(1)
    err.print(f"{written:,} summaries written to {out}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
