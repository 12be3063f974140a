"""Command line: thin wrappers that check arguments, call the pipeline, and report problems.

No traceback for user errors: every problem with the input is one line on stderr naming the
file (and line), and the exit code is non-zero only when nothing could be read.
"""

from __future__ import annotations

import itertools
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


# -- stories: clustering a stream and the story store ---------------------------------------------

CLUSTER_BATCH = 1000  # articles whose words count in the IDF before they are placed (see StoryClusterer.assign)
StoreOpt = Annotated[Path, typer.Option("--store", help="The story store (an SQLite file; created by `run`).")]


class _Bars:
    """A progress callback (stage, done, total) drawing one bar per stage on stderr; total 0: unknown."""

    def __init__(self) -> None:
        self._progress = progress("{task.description:12}")
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> _Bars:
        self._progress.start()
        return self

    def __exit__(self, *_) -> None:
        self._progress.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total or None)
        self._progress.update(self._tasks[stage], completed=done, total=total or None)


def _open_store(path: Path):
    from storydesk.store import StoreError, StoryStore

    if not path.exists():
        err.print(f"[red]error[/]: no store at {path} (make one with `storydesk run ARTICLES... --store {path}`)")
        raise typer.Exit(1)
    try:
        return StoryStore(path)
    except StoreError as exc:
        err.print(f"[red]error[/]: {exc}")
        raise typer.Exit(2) from None


@app.command("cluster")
def cluster_command(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", help="Write one {\"id\", \"story\"} JSON line per article to this file.")],
    published: PublishedOpt = None,
    raw: RawOpt = False,
    embeddings: Annotated[bool, typer.Option("--embeddings", help="Add sentence-embedding similarity: better grouping, ~20x slower.")] = False,
) -> None:
    """Group a stream of articles into stories, in the order given (online: each article joins the
    most similar recent story or starts one)."""
    import json

    from storydesk.clean import iter_clean_articles
    from storydesk.cluster import ClusterOptions, StoryClusterer

    problems: list[Problem] = []
    articles = iter_clean_articles(paths, problems, raw=raw, published=parse_published(published))
    clusterer = StoryClusterer(ClusterOptions.with_embeddings() if embeddings else None)
    lines: list[str] = []
    batch: list = []
    with _Bars() as bars:
        for article in itertools.chain(articles, [None]):
            if article is not None:
                batch.append(article)
            if len(batch) == CLUSTER_BATCH or (article is None and batch):
                lines += [json.dumps({"id": a.article, "story": a.story}) + "\n" for a in clusterer.assign(batch)]
                batch = []
                bars("clustering", len(lines), 0)
    report_problems(problems)
    if not lines:
        err.print("[red]error[/]: no article could be read; nothing to cluster")
        raise typer.Exit(1)
    stories = len({json.loads(line)["story"] for line in lines})
    write_output(out, "".join(lines), f"{len(lines)} assignments ({stories} stories)")


@app.command("run")
def run_command(
    paths: PathsArg,
    store: StoreOpt,
    published: PublishedOpt = None,
    words: Annotated[int, typer.Option("--words", min=10, help="Target summary length in words.")] = 120,
) -> None:
    """Add articles to a story store: cluster the new ones (ids already stored, or read before and
    left out by cleaning, are skipped), then digest every story of two or more articles that
    gained one. Safe to interrupt and re-run."""
    from storydesk.pipeline import Options
    from storydesk.store import StoreError, update_store

    options = Options(published=parse_published(published), words=words)
    try:
        with _Bars() as progress:
            report = update_store(paths, store, digest_options=options, progress=progress)
    except StoreError as exc:
        err.print(f"[red]error[/]: {exc}")
        raise typer.Exit(2) from None
    report_problems(report.problems)
    if not report.added and not report.skipped and any(p.fatal for p in report.problems):
        err.print("[red]error[/]: no article could be read")
        raise typer.Exit(1)
    err.print(f"{store}: {report.added} articles added, {report.skipped} already seen (stored or left out before); "
              f"{len(report.digested)} stories digested", soft_wrap=True)


@app.command("stories")
def stories_command(
    store: StoreOpt,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line (the fields of the web API's story list).")] = False,
    since: Annotated[Optional[str], typer.Option("--since", help="Only stories whose last article is from this day or later (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only stories whose last article is from this day or earlier (YYYY-MM-DD).")] = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Only stories whose headline, summary or articles hold every one of these words; best match first.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many stories.")] = None,
) -> None:
    """List the stories in a store, newest day and biggest first: id, day, articles, independent
    sources, disagreements, digest state (yes, stale, or - for a story of one article) and headline."""
    import json

    from storydesk.storyindex import SearchError

    with _open_store(store) as opened:
        try:
            cards = opened.find_stories(since=_date_option(since, "--since"), until=_date_option(until, "--until"),
                                        search=search, limit=limit)
        except SearchError as exc:
            err.print(f"error: --search: {exc}", markup=False)
            raise typer.Exit(2) from None
    for card in cards:
        if as_json:
            typer.echo(json.dumps(card.to_dict(), ensure_ascii=False))
        else:
            state = ("stale" if card.stale else "yes") if card.has_digest else "-"
            typer.echo(f"{card.id}\t{_day(card.last_published)}\t{card.articles} articles\t{card.sources} sources\t"
                       f"{card.conflicts} disagreements\tdigest {state}\t{card.headline}")
    if not as_json:
        err.print(f"{len(cards)} stories", markup=False)


@app.command("show")
def show_command(
    story: Annotated[str, typer.Argument(help="Story id (see `storydesk stories`).")],
    store: StoreOpt,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the stored digest as JSON to this file.")] = None,
    markdown_out: Annotated[Optional[Path], typer.Option("--markdown", help="Write the digest as Markdown to this file.")] = None,
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Write the digest as one HTML report to this file.")] = None,
) -> None:
    """Print one story's digest, or write it as JSON, Markdown or HTML: the digest `run` stored,
    as it was made. A story with no stored digest (one article) is digested now."""
    import json

    with _open_store(store) as opened:
        row = opened.story(story)
        if row is None:
            err.print(f"[red]error[/]: no story {story!r} in {store} (see `storydesk stories --store {store}`)")
            raise typer.Exit(1)
        stored = opened.digest_dict(story)
        articles = opened.story_articles(story) if stored is None else []
    if stored is not None:
        from storydesk.model import Digest

        result = Digest.from_dict(stored)
        if not row.digested:
            err.print(f"note: articles joined {story} since its digest was made; `storydesk run` brings it up to date",
                      markup=False)
    else:
        from storydesk.pipeline import Options, digest_articles

        result = digest_articles(articles, Options(story_id=story))
    if json_out:
        write_output(json_out, json.dumps(stored, ensure_ascii=False, indent=2) if stored else result.to_json(),
                     "JSON digest")
    if markdown_out:
        write_output(markdown_out, result.to_markdown(), "Markdown digest")
    if html_out:
        write_output(html_out, result.to_html(), "HTML report")
    if not (json_out or markdown_out or html_out):
        from storydesk.render.terminal import print_digest

        print_digest(result)


@app.command("export")
def export_command(
    store: StoreOpt,
    out_dir: Annotated[Path, typer.Argument(help="Folder to write into (created if missing).", show_default=False)],
    since: Annotated[Optional[str], typer.Option("--since", help="Only stories whose last article is from this day or later (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only stories whose last article is from this day or earlier (YYYY-MM-DD).")] = None,
) -> None:
    """Write every digested story of a store as files: DIR/index.html (the list), DIR/stories/ID.html
    (each story's self-contained report) and ID.json (its digest), DIR/stories.json (the list as JSON)."""
    from storydesk.serve.export import export_store

    _open_store(store).close()  # the same messages as other commands for a missing or foreign file
    try:
        with _Bars() as bars:
            report = export_store(store, out_dir, progress=bars, since=_date_option(since, "--since"),
                                  until=_date_option(until, "--until"))
    except OSError as exc:
        err.print(f"error: cannot write to {out_dir}: {exc.strerror or exc}", markup=False)
        raise typer.Exit(2) from None
    for problem in report.problems:
        err.print(f"warning: {problem}", markup=False)
    err.print(f"{report.stories} stories written to {out_dir} (open {out_dir / 'index.html'}); "
              f"{len(report.skipped)} without a digest left out", markup=False)


@app.command("serve")
def serve_command(
    store: StoreOpt,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the store as a website and a JSON API, read-only: the day's stories, full-text search,
    each story's report, /api/stories, /api/stories/ID, /api/search?q= (documented at /api). Keeps
    answering while `run` adds to the store; Ctrl-C stops it."""
    from storydesk.serve import serve

    _open_store(store).close()  # a missing or foreign file gets its one-line error here; this also indexes an older store
    err.print(f"serving {store} at http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    try:
        serve(store, host=host, port=port)
    except OSError as exc:
        err.print(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", markup=False)
        raise typer.Exit(2) from None


def _date_option(value: Optional[str], name: str):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=name) from None


def _day(value: Optional[datetime]) -> str:
    return value.date().isoformat() if value else "-"


def main() -> None:
    app()


if __name__ == "__main__":
    main()
