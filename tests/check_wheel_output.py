"""Check what the installed wheel wrote (`make wheel-check`): a valid JSON digest, its Markdown
and its HTML report. Run with the project's venv: `python tests/check_wheel_output.py DIR`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema

from storydesk.render.json import digest_schema


def main(folder: Path) -> None:
    digest = json.loads((folder / "d.json").read_text(encoding="utf-8"))
    jsonschema.validate(digest, digest_schema())
    assert digest["summary"] and digest["conflicts"], "the example's digest has a summary and conflicts"
    markdown = (folder / "d.md").read_text(encoding="utf-8")
    html = (folder / "d.html").read_text(encoding="utf-8")
    assert markdown.startswith("# ") and "## Summary" in markdown
    assert "<html" in html and digest["story"]["headline"].split()[0] in html
    print(f"wheel-check: JSON ({len(digest['summary'])} summary sentences, {len(digest['conflicts'])} conflicts), "
          f"Markdown ({len(markdown):,} chars) and HTML ({len(html):,} chars) from the installed wheel")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
