"""Command line: thin wrappers that check arguments, read articles through `storydesk.reader`,
call the pipeline or a runner, and report.

Conventions, the same on every command: `-` is standard input (as an input) or standard output
(as `--out`); messages go to stderr as plain text (user text is never read as markup), prefixed
`warning:` when something was skipped and the run went on, `error:` when the command failed;
`-q` keeps only errors, `-v` adds detail. Exit codes (see EXIT_CODES) are in `storydesk --help`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from storydesk.model import Problem
from storydesk.version import __version__


class Exit(IntEnum):
    OK = 0  # done; warnings may have been printed (inputs skipped, stages that failed)
    NOTHING_READ = 1  # no input could be read, or the story asked for is not there
    USAGE = 2  # a bad option, an output that cannot be written, a file that is not a store
    MODELS = 3  # a model package is missing (install it, or choose --no-models)


EXIT_CODES = ("Exit codes: 0 done (warnings may have been printed); 1 nothing could be read; "
              "2 usage error, unwritable output or unusable store; 3 a model package is missing.")

app = typer.Typer(
    help="storydesk: many news articles about the same events -> one trustworthy, cited account.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
# soft_wrap: a message naming a long path stays on one line, so it can be copied
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
_verbosity = {"level": 1}  # 0 quiet (errors only), 1 normal, 2 verbose; set once by the root options

# C0/C1 control characters (ANSI escapes start with ESC) must not reach the terminal from user text.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # newlines too: one message, one line


def printable(text: str) -> str:
    """User text made safe for a terminal: control characters shown as '?', unencodable characters replaced."""
    return _CONTROL.sub("?", text).encode("utf-8", "replace").decode("utf-8")


def _say(prefix: str, style: str, message: str) -> None:
    line = Text()
    if prefix:
        line.append(prefix, style=style)
        line.append(": ")
    line.append(printable(message))
    err.print(line)


def info(message: str) -> None:
    if _verbosity["level"] >= 1:
        _say("", "", message)


def detail(message: str) -> None:
    if _verbosity["level"] >= 2:
        _say("", "", message)


def warn(message: str) -> None:
    if _verbosity["level"] >= 1:
        _say("warning", "yellow", message)


def fail(message: str, code: Exit) -> typer.Exit:
    """Print an error and return the Exit to raise (`raise fail(...)`)."""
    _say("error", "red", message)
    return typer.Exit(int(code))


def report_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Every problem is a warning: the run went on without that item (the final error, if nothing
    at all could be read, is the command's own)."""
    for problem in problems:
        warn(str(problem))


def nothing_read(problems: list[Problem] | tuple[Problem, ...] = (), what: str = "article") -> typer.Exit:
    report_problems(problems)
    return fail(f"no {what} could be read from the input (see the warnings above)" if problems
                else f"no {what} could be read from the input", Exit.NOTHING_READ)


def parse_published(value: Optional[str]) -> Optional[datetime]:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def write_output(target: Optional[Path], text: str, what: str) -> None:
    """Write `text` to a file, or to standard output when `target` is None or `-`."""
    from storydesk.safetext import replace_surrogates

    text, replaced = replace_surrogates(text)  # a lone surrogate cannot be written as UTF-8
    if replaced:
        report_problems([Problem(str(target or "-"), f"{replaced} lone surrogates (not text) replaced with U+FFFD")])
    if target is None or str(target) == "-":
        typer.echo(text, nl=False)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {what} to {target}: {exc.strerror or exc}", Exit.USAGE) from None
    info(f"wrote {what} to {target}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storydesk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More detail on stderr.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """storydesk: many news articles about the same events -> one trustworthy, cited account."""
    _verbosity["level"] = 0 if quiet else 2 if verbose else 1


PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Article files (.txt, .html, .htm, .jsonl, optionally .gz), directories of them, - for standard input, "
         "http(s) URLs of pages, RSS/Atom feeds or sitemaps (also as files), WARC/ARC archives (.warc, .warc.gz).",
    show_default=False)]
UrlsOpt = Annotated[Optional[Path], typer.Option("--urls", help="A file of URLs to read, one a line (# comments).")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Never touch the network: URLs come from the page cache only.")]
CacheOpt = Annotated[Optional[Path], typer.Option("--cache", help="Where fetched pages are kept (default: "
                                                  "$STORYDESK_CACHE or ~/.cache/storydesk/pages).")]


def gather_inputs(paths: Optional[list[str]], urls: Optional[Path]) -> list[str]:
    """The command's inputs: its paths, then the URLs listed in `--urls`; none at all is a usage error."""
    inputs = list(paths or [])
    if urls is not None:
        try:
            lines = urls.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            raise fail(f"cannot read the URL list {urls}: {exc.strerror or exc}", Exit.USAGE) from None
        inputs += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not inputs:
        raise fail("no input given: name files, directories, URLs or - (standard input), or --urls FILE", Exit.USAGE)
    return inputs


def read_options(published: Optional[str] = None, raw: bool = False, offline: bool = False,
                 cache: Optional[Path] = None, batch: Optional[int] = None):
    from storydesk.reader import CLEAN_BATCH, ReadOptions
    from storydesk.sources.urls import FetchOptions

    fetch = FetchOptions(offline=offline, **({"cache": cache} if cache else {}))
    return ReadOptions(published=parse_published(published), raw=raw, batch=batch or CLEAN_BATCH, fetch=fetch)
PublishedOpt = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) for articles that carry none; relative dates resolve against it.")]
OutOpt = Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here (default, or -: standard output).")]
RawOpt = Annotated[bool, typer.Option("--raw/--clean", help="--raw: take each text as it is (cleaned already). "
                                      "Default: clean it first.")]
WordsOpt = Annotated[int, typer.Option("--words", min=10, help="Target summary length in words.")]
NoModelsOpt = Annotated[bool, typer.Option("--no-models", help="Digest without the model packages: no entities, "
                                           "quotes, facts or conflicts (the digest says so).")]
FORMATS = ("json", "markdown", "html", "text")
FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", help="json, markdown, html or text "
                                                  "(default: from --out's suffix, else text).")]


def _digest_format(out: Optional[Path], fmt: Optional[str]) -> str:
    if fmt is None:
        suffix = out.suffix.lower() if out and str(out) != "-" else ""
        return {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}.get(
            suffix, "text")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    return fmt


def _write_digest(result, out: Optional[Path], fmt: str) -> None:
    if fmt == "text" and (out is None or str(out) == "-"):
        from storydesk.render.terminal import print_digest

        print_digest(result)
        return
    from storydesk.render.html import render_html
    from storydesk.render.json import digest_to_json
    from storydesk.render.markdown import render_markdown
    from storydesk.render.terminal import render_text

    render = {"json": digest_to_json, "markdown": render_markdown, "html": render_html, "text": render_text}[fmt]
    write_output(out, render(result), f"{fmt} digest" if fmt != "html" else "HTML report")


@contextmanager
def models_required():
    """A missing model package, wherever in the run it shows (streams too), becomes its error."""
    from storydesk.errors import ModelMissing

    try:
        yield
    except ModelMissing as exc:
        raise fail(str(exc), Exit.MODELS) from None


@app.command()
def digest(
    paths: PathsArg = None,
    urls: UrlsOpt = None,
    offline: OfflineOpt = False,
    cache: CacheOpt = None,
    published: PublishedOpt = None,
    out: OutOpt = None,
    fmt: FormatOpt = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the digest as JSON (storydesk.digest/1) here.")] = None,
    markdown_out: Annotated[Optional[Path], typer.Option("--markdown", help="Also write the digest as Markdown here.")] = None,
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Also write the digest as one self-contained HTML report here.")] = None,
    words: WordsOpt = 120,
    story_id: Annotated[Optional[str], typer.Option("--story-id", help="Id for the story (default: from the headline).")] = None,
    no_models: NoModelsOpt = False,
) -> None:
    """Digest the articles of one story: clean text, shared copy, entities, quotes, facts,
    conflicts, timeline and a cited summary. Prints to the terminal unless told where to write."""
    from storydesk.pipeline import NothingToDigest, Options, StoryTooBig
    from storydesk.pipeline import digest as run_digest

    fmt = _digest_format(out, fmt)
    inputs = gather_inputs(paths, urls)
    options = Options(published=parse_published(published), words=words, story_id=story_id, models=not no_models)
    reading = read_options(published, offline=offline, cache=cache)
    try:
        with models_required():
            result = run_digest(inputs, options, reading=reading)
    except NothingToDigest as exc:
        raise nothing_read(exc.problems) from None
    except StoryTooBig as exc:
        raise fail(str(exc), Exit.USAGE) from None
    report_problems(result.problems)
    for article in result.articles:
        detail(f"{article.id}: {article.source or '-'}, {len(article.text.split())} words, "
               f"{len(article.removed)} pieces removed")
    extra = [(json_out, "json"), (markdown_out, "markdown"), (html_out, "html")]
    for target, kind in extra:
        if target:
            _write_digest(result, target, kind)
    if out is not None or not any(target for target, _ in extra):
        _write_digest(result, out, fmt)


@app.command("clean")
def clean_command(paths: PathsArg = None, urls: UrlsOpt = None, offline: OfflineOpt = False, cache: CacheOpt = None,
                  out: OutOpt = None, published: PublishedOpt = None) -> None:
    """Clean articles: body text, title and every removed line with its kind, as JSONL
    ({"id", "title", "source", "url", "published", "text", "removed": [{"line", "text", "kind"}]}); a page
    cleaning left out comes last with its reason in "left_out", "text" empty and all its lines in "removed"."""
    from storydesk.reader import article_record, left_out_record, read_articles

    articles, problems = read_articles(gather_inputs(paths, urls), read_options(published, offline=offline, cache=cache))
    if not articles:
        raise nothing_read(problems)
    report_problems(problems)
    records = [article_record(a) for a in articles] + [r for p in problems if (r := left_out_record(p))]
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    write_output(out, lines, f"{len(articles)} cleaned articles")


def progress(description: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=_verbosity["level"] == 0)


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


class _LineWriter:
    """JSON lines to a file or standard output, opened once; an unwritable file is a usage error."""

    def __init__(self, out: Optional[Path], what: str):
        self.out, self.what, self.count = out, what, 0
        self._handle = None

    def __enter__(self) -> _LineWriter:
        if self.out is not None and str(self.out) != "-":
            try:
                self.out.parent.mkdir(parents=True, exist_ok=True)
                self._handle = self.out.open("w", encoding="utf-8")
            except OSError as exc:
                raise fail(f"cannot write {self.what} to {self.out}: {exc.strerror or exc}", Exit.USAGE) from None
        return self

    def write(self, record: dict) -> None:
        line = json.dumps(record, ensure_ascii=False).encode("utf-8", "replace").decode("utf-8") + "\n"
        if self._handle is None:
            typer.echo(line, nl=False)
        else:
            self._handle.write(line)
        self.count += 1

    def __exit__(self, *_) -> None:
        if self._handle is not None:
            self._handle.close()

    @property
    def where(self) -> str:
        return "standard output" if self._handle is None else str(self.out)


@app.command("reuse")
def reuse_command(
    paths: PathsArg = None,
    urls: UrlsOpt = None,
    offline: OfflineOpt = False,
    cache: CacheOpt = None,
    out: OutOpt = None,
    raw: RawOpt = False,
    partners: Annotated[int, typer.Option("--partners", min=1, help="Align each article with at most this many of its closest earlier articles.")] = 5,
) -> None:
    """Shared (wire) copy across a corpus: MinHash LSH finds candidate pairs, alignment finds the
    passages. Output lines: {"a", "b", "share_a", "share_b", "passages": [[a_start, a_end, b_start, b_end]]}."""
    from storydesk.reader import iter_articles
    from storydesk.reuse.corpus import find_reuse

    problems: list[Problem] = []
    articles = iter_articles(gather_inputs(paths, urls), problems, read_options(raw=raw, offline=offline, cache=cache))
    read = {"articles": 0}
    with _LineWriter(out, "pairs") as writer, progress("aligning") as bar:
        task = bar.add_task("reuse", total=None)

        def counted():  # the bar moves per article read, not per pair found
            for article in articles:
                read["articles"] += 1
                bar.update(task, completed=read["articles"])
                yield article

        for pair in find_reuse(counted(), max_partners=partners):
            writer.write({"a": pair.a, "b": pair.b, "share_a": pair.share_a, "share_b": pair.share_b,
                          "passages": [[p.a_start, p.a_end, p.b_start, p.b_end] for p in pair.passages]})
    if not read["articles"]:
        raise nothing_read(problems)
    report_problems(problems)
    info(f"{writer.count:,} pairs sharing passages among {read['articles']:,} articles, written to {writer.where}")


@app.command("summarize")
def summarize_command(
    clusters: Annotated[Path, typer.Argument(help='JSONL, one story a line: {"id", "documents": [{"id", "title"?, "text"}]}; - for standard input.', show_default=False)],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help='Write one line per story here ({"id", "summary": [{"text", "sources"}]}; default, or -: standard output).')] = None,
    words: WordsOpt = 120,
    raw: RawOpt = False,
    full: Annotated[bool, typer.Option("--full", help="Run the whole digest for each story (entities, facts, conflicts; several times slower).")] = False,
    no_models: NoModelsOpt = False,
) -> None:
    """Cited summaries of many stories at once (clean -> segment -> reuse -> summarize per story).
    A broken line is reported with its line number and skipped; progress goes to stderr."""
    from storydesk.runners.summaries import summarize_file, summarize_stdin

    if str(clusters) != "-" and not clusters.is_file():
        raise nothing_read([Problem(str(clusters), "no such file", fatal=True)], "story")
    results = summarize_stdin if str(clusters) == "-" else lambda **kw: summarize_file(clusters, **kw)
    skipped: list[Problem] = []
    with models_required(), _LineWriter(out, "summaries") as writer, progress("summarizing") as bar:
        task = bar.add_task("summarize", total=None)
        for result in results(words=words, full=full, raw=raw, models=not no_models):
            if isinstance(result, Problem):
                skipped.append(result)
                continue
            report_problems(result.problems)
            writer.write(result.to_record())
            bar.update(task, completed=writer.count)
    if not writer.count:
        raise nothing_read(skipped, "story")
    report_problems(skipped)
    info(f"{writer.count:,} summaries written to {writer.where}")


# -- stories: clustering a stream and the story store ---------------------------------------------

StoreOpt = Annotated[Path, typer.Option("--store", help="The story store (an SQLite file; created by `run`).")]


def _open_store(path: Path):
    from storydesk.store import StoreError, StoryStore

    if not path.exists():
        raise fail(f"no store at {path} (make one with `storydesk run ARTICLES... --store {path}`)", Exit.NOTHING_READ)
    try:
        return StoryStore(path)
    except StoreError as exc:
        raise fail(str(exc), Exit.USAGE) from None


@app.command("cluster")
def cluster_command(
    paths: PathsArg = None,
    urls: UrlsOpt = None,
    offline: OfflineOpt = False,
    cache: CacheOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write one {\"id\", \"story\"} JSON line per article here (default, or -: standard output).")] = None,
    published: PublishedOpt = None,
    raw: RawOpt = False,
    embeddings: Annotated[bool, typer.Option("--embeddings", help="Add sentence-embedding similarity: better grouping, ~20x slower.")] = False,
    second_opinion: Annotated[bool, typer.Option("--second-opinion", help="Ask the sentence encoder about an article left alone whose words nearly match a story (title and lead): ~9x slower.")] = False,
) -> None:
    """Group a stream of articles into stories, in the order given (online: each article joins the
    most similar recent story or starts one; stories that meet merge, a story that drifts apart
    splits). Written when the stream is read, each article in its final story: the same stories
    as `run`."""
    from storydesk.cluster import ClusterOptions, final_stories
    from storydesk.runners.clustering import ASSIGN_BATCH, cluster_articles

    problems: list[Problem] = []
    inputs = gather_inputs(paths, urls)
    reading = read_options(published, raw=raw, offline=offline, cache=cache, batch=ASSIGN_BATCH)
    cluster_options = ClusterOptions.with_embeddings() if embeddings else None
    if second_opinion:
        from dataclasses import replace

        cluster_options = replace(cluster_options or ClusterOptions(), second_opinion=True)
    moves: list = []
    with models_required(), _LineWriter(out, "assignments") as writer, _Bars() as bars:
        placed = {a.article: a.story for a in cluster_articles(inputs, problems, reading, cluster_options, bars, moves)}
        # Written once the stream is read: a story merged or split later moves articles placed before.
        stories = final_stories(placed, moves)
        for article, story in stories.items():
            writer.write({"id": article, "story": story})
    if not writer.count:
        raise nothing_read(problems)
    report_problems(problems)
    info(f"{writer.count} assignments ({len(set(stories.values()))} stories) written to {writer.where}")


@app.command("run")
def run_command(
    store: StoreOpt,
    paths: PathsArg = None,
    urls: UrlsOpt = None,
    offline: OfflineOpt = False,
    cache: CacheOpt = None,
    published: PublishedOpt = None,
    words: WordsOpt = 120,
    no_models: NoModelsOpt = False,
    wait: Annotated[float, typer.Option("--wait", min=0, help="Seconds to wait for another run writing to the same store before giving up.")] = 600.0,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Digest stories in N worker processes "
                                      "(each loads the models once; about 400 MB each).")] = 1,
) -> None:
    """Add articles to a story store: cluster the new ones (ids already stored, or read before and
    left out by cleaning, are skipped), then digest every story of two or more articles that
    gained one. Safe to interrupt and re-run."""
    from storydesk.pipeline import Options
    from storydesk.runners.clustering import ASSIGN_BATCH
    from storydesk.runners.update import update_store
    from storydesk.store import StoreError

    inputs = gather_inputs(paths, urls)
    reading = read_options(published, offline=offline, cache=cache, batch=ASSIGN_BATCH)
    options = Options(published=reading.published, words=words, models=not no_models)
    try:
        with models_required(), _Bars() as bars:
            report = update_store(inputs, store, read_options=reading, digest_options=options, progress=bars,
                                  jobs=jobs, lock_wait=wait, on_wait=warn)
    except StoreError as exc:
        raise fail(str(exc), Exit.USAGE) from None
    if not report.added and not report.skipped:
        raise nothing_read(report.problems)
    report_problems(report.problems)
    for merge in report.merges:  # what moved: a story folded into another it met
        info(f"story {merge.source} merged into {merge.target} (article {merge.article} joined them; "
             f"similarity {merge.score:.2f})")
    for split in report.splits:  # what moved: articles that left a story whose members drifted apart
        info(f"story {split.source} split: {_listed(split.articles)} moved to new story {split.target} "
             f"(the two parts' similarity {split.cohesion:.2f})")
    info(f"{store}: {report.added} articles added, {report.skipped} already seen (stored or left out before); "
         f"{len(report.digested)} stories digested" + (f", {len(report.merges)} stories merged" if report.merges else "")
         + (f", {len(report.splits)} stories split" if report.splits else ""))


def _listed(ids: Sequence[str], shown: int = 5) -> str:
    """Some ids, and how many more."""
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f" and {more} more" if more > 0 else "")


@app.command("batch")
def batch_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the results: stories.db, assignments.jsonl, "
                                      "digests.jsonl, problems.jsonl.")],
    paths: PathsArg = None,
    urls: UrlsOpt = None,
    offline: OfflineOpt = False,
    cache: CacheOpt = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Address of a running Dask scheduler "
                                                     "(tcp://host:8786); default: a local cluster.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes of the local cluster.")] = 2,
    published: PublishedOpt = None,
    words: WordsOpt = 120,
    no_models: NoModelsOpt = False,
) -> None:
    """`run` on Dask: pages cleaned and stories digested as tasks on a local cluster or any
    scheduler, the stream clustered in order on this process; the same stories and digests as `run`."""
    from storydesk.pipeline import Options
    from storydesk.runners.batch import DaskMissing, run_batch
    from storydesk.runners.clustering import ASSIGN_BATCH
    from storydesk.store import StoreError

    inputs = gather_inputs(paths, urls)
    reading = read_options(published, offline=offline, cache=cache, batch=ASSIGN_BATCH)
    options = Options(published=reading.published, words=words, models=not no_models)
    try:
        with models_required(), _Bars() as bars:
            report = run_batch(inputs, out, scheduler=scheduler, workers=workers, read_options=reading,
                               digest_options=options, progress=bars)
    except DaskMissing as exc:
        raise fail(str(exc), Exit.USAGE) from None
    except StoreError as exc:
        raise fail(str(exc), Exit.USAGE) from None
    except OSError as exc:  # no scheduler at that address, an unwritable folder
        raise fail(f"batch could not run: {exc}", Exit.USAGE) from None
    if not report.added and not report.skipped:
        raise nothing_read(report.problems)
    report_problems(report.problems)
    info(f"{out}: {report.added} articles added, {report.skipped} already seen; {report.stories} stories, "
         f"{len(report.digested)} digested on {report.workers} workers")


@app.command("stories")
def stories_command(
    store: StoreOpt,
    out: OutOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line (the fields of the web API's story list).")] = False,
    since: Annotated[Optional[str], typer.Option("--since", help="Only stories whose last article is from this day or later (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only stories whose last article is from this day or earlier (YYYY-MM-DD).")] = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Only stories whose headline, summary or articles hold every one of these words; best match first.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many stories.")] = None,
) -> None:
    """List the stories in a store, newest day and biggest first, one a line: id, day, articles,
    independent sources, disagreements, digest state (yes, stale, or - for one article), headline."""
    from storydesk.store import StoreError
    from storydesk.storyindex import SearchError

    try:
        with _open_store(store) as opened:
            try:
                cards = opened.find_stories(since=_date_option(since, "--since"), until=_date_option(until, "--until"),
                                            search=search, limit=limit)
            except SearchError as exc:
                raise fail(f"--search: {exc}", Exit.USAGE) from None
    except StoreError as exc:  # a damaged table or row, named
        raise fail(str(exc), Exit.USAGE) from None
    if as_json:
        with _LineWriter(out, "stories") as writer:
            for card in cards:
                writer.write(card.to_dict())
    else:
        lines = []
        for card in cards:
            state = ("stale" if card.stale else "yes") if card.has_digest else "-"
            lines.append(f"{printable(card.id)}\t{_day(card.last_published)}\t{card.articles} articles\t"
                         f"{card.sources} sources\t{card.conflicts} disagreements\tdigest {state}\t"
                         f"{printable(card.headline)}\n")
        write_output(out, "".join(lines), f"{len(cards)} stories")
    detail(f"{len(cards)} stories")


@app.command("show")
def show_command(
    story: Annotated[str, typer.Argument(help="Story id (see `storydesk stories`).")],
    store: StoreOpt,
    out: OutOpt = None,
    fmt: FormatOpt = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the stored digest as JSON here.")] = None,
    markdown_out: Annotated[Optional[Path], typer.Option("--markdown", help="Also write the digest as Markdown here.")] = None,
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Also write the digest as one HTML report here.")] = None,
    no_models: NoModelsOpt = False,
) -> None:
    """Print one story's digest, or write it as JSON, Markdown or HTML: the digest `run` stored, as
    it was made (no digesting again). A story with no stored digest (one article) is digested now."""
    from storydesk.render.json import digest_from_dict
    from storydesk.store import StoreError

    fmt = _digest_format(out, fmt)
    try:
        with _open_store(store) as opened:
            row = opened.story(story)
            if row is None:
                raise fail(f"no story {story!r} in {store} (see `storydesk stories --store {store}`)", Exit.NOTHING_READ)
            stored = opened.digest_dict(story)
            articles = opened.story_articles(story) if stored is None else []
    except StoreError as exc:  # a damaged table or row, named
        raise fail(str(exc), Exit.USAGE) from None
    extra = [(json_out, "json"), (markdown_out, "markdown"), (html_out, "html")]
    wanted = [(target, kind) for target, kind in extra if target]
    if out is not None or not wanted:
        wanted.append((out, fmt))
    if stored is not None:
        if not row.digested:
            warn(f"articles joined {story} since its digest was made; `storydesk run` brings it up to date")
        result = digest_from_dict(stored)
    else:
        from storydesk.pipeline import Options, digest_articles

        with models_required():
            result = digest_articles(articles, Options(story_id=story, models=not no_models))
    for target, kind in wanted:
        if kind == "json" and stored is not None:
            write_output(target, json.dumps(stored, ensure_ascii=False, indent=2), "JSON digest")
        else:
            _write_digest(result, target, kind)


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

    _open_store(store).close()  # the same errors as every store command for a missing or foreign file
    try:
        with _Bars() as bars:
            report = export_store(store, out_dir, progress=bars, since=_date_option(since, "--since"),
                                  until=_date_option(until, "--until"))
    except OSError as exc:
        raise fail(f"cannot write to {out_dir}: {exc.strerror or exc}", Exit.USAGE) from None
    for problem in report.problems:
        warn(problem)
    info(f"{report.stories} stories written to {out_dir} (open {out_dir / 'index.html'}); "
         f"{len(report.skipped)} without a digest left out")


@app.command("serve")
def serve_command(
    store: StoreOpt,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Server processes (one per core serves most requests at once).")] = 1,
) -> None:
    """Serve the store as a website and a JSON API, read-only: the day's stories, full-text search,
    each story's report, /api/stories, /api/stories/ID, /api/search?q= (documented at /api). Keeps
    answering while `run` adds to the store; Ctrl-C stops it."""
    from storydesk.serve import serve

    _open_store(store).close()  # a missing or foreign file is reported here; an older store gets its index
    info(f"serving {store} at http://{host}:{port}/ (Ctrl-C stops)")
    try:
        serve(store, host=host, port=port, workers=workers, log_level="warning" if _verbosity["level"] < 2 else "info")
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", Exit.USAGE) from None


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
