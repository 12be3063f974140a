from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = SHARED / "schema" / "digest-v1.schema.json"
EXAMPLE_DIR = ROOT / "examples" / "harbor-fire"
DATA = SHARED / "data"


def published(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


@pytest.fixture(scope="session")
def encoder():
    """The sentence encoder, loaded once; tests that need it skip when its model is not installed."""
    from storydesk.embed import EmbeddingModelMissing, get_encoder

    try:
        return get_encoder()
    except EmbeddingModelMissing as error:
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def schema() -> dict:
    if not SCHEMA_PATH.exists():
        pytest.skip(f"schema not found at {SCHEMA_PATH}")
    return json.loads(SCHEMA_PATH.read_text())


@pytest.fixture(scope="session")
def example_digest():
    """The bundled example's digest, computed once for the whole session."""
    import storydesk

    return storydesk.digest([EXAMPLE_DIR], strict=True)


@pytest.fixture(scope="session")
def example_expected() -> dict:
    return json.loads((EXAMPLE_DIR / "expected.json").read_text())


def validate(document: dict, schema: dict) -> None:
    import jsonschema

    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)


def clean_paragraphs(text: str) -> tuple[list[str], dict[str, str]]:
    """One page through the clean stage: (its kept paragraphs, {removed text: kind})."""
    from storydesk.clean import clean_documents
    from storydesk.model import RawDocument

    articles, _ = clean_documents([RawDocument(id="doc", content=text)])
    assert articles, "the article was left out"
    return articles[0].text.split("\n\n"), {r.text: r.kind for r in articles[0].removed}
