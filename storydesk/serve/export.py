"""A store written out as files: one self-contained HTML report per story, an index page, and the JSON.

    export_store("news.db", "site/")   # site/index.html, site/stories.json, site/stories/<id>.html and .json

Each report is the stored digest rendered (no re-digest), the same page `storydesk digest --html`
writes; the index lists the stories as the web app's front page does. Every page works offline,
from the file system, with no script.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from storydesk.render.html import TEMPLATES as REPORT_TEMPLATES
from storydesk.render.html import render_html
from storydesk.render.json import digest_from_dict
from storydesk.store import StoryStore

Progress = Callable[[str, int, int], None]  # (stage, done, total)
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass
class ExportReport:
    stories: int = 0
    skipped: list[str] = field(default_factory=list)  # stories with no digest (one article, or never digested)
    problems: list[str] = field(default_factory=list)  # digests that could not be read back


def file_stem(story_id: str) -> str:
    """A file name for a story id: the id itself when it is plain, else its unsafe characters replaced."""
    stem = _UNSAFE.sub("_", story_id).strip("._") or "story"
    return stem if stem == story_id else f"{stem}-{hashlib.sha1(story_id.encode()).hexdigest()[:8]}"


def export_store(store_path: str | Path, out_dir: str | Path, *, progress: Progress | None = None,
                 **filters) -> ExportReport:
    """Write every digested story (with `filters` as for StoryStore.find_stories) under `out_dir`."""
    from storydesk.serve.app import _by_day, _environment

    out = Path(out_dir)
    (out / "stories").mkdir(parents=True, exist_ok=True)
    report = ExportReport()
    written = []
    with StoryStore(store_path) as store:
        cards = store.find_stories(**filters)
        for done, card in enumerate(cards, start=1):
            stored = store.digest_dict(card.id) if card.has_digest else None
            if stored is None:
                report.skipped.append(card.id)
            else:
                try:
                    html = render_html(digest_from_dict(stored))
                except ValueError as exc:
                    report.problems.append(f"story {card.id}: {exc}")
                else:
                    stem = file_stem(card.id)
                    (out / "stories" / f"{stem}.html").write_text(html, encoding="utf-8")
                    (out / "stories" / f"{stem}.json").write_text(json.dumps(stored, ensure_ascii=False, indent=2),
                                                                 encoding="utf-8")
                    written.append(card)
            if progress:
                progress("exporting", done, len(cards))
    stems = {card.id: file_stem(card.id) for card in written}
    css = (REPORT_TEMPLATES / "report.css").read_text(encoding="utf-8") + \
        (Path(__file__).parent / "static" / "site.css").read_text(encoding="utf-8")
    index = _environment().get_template("export_index.html.j2").render(
        days=_by_day(written), css=css, href=lambda story_id: f"stories/{quote(stems[story_id])}.html", q="")
    (out / "index.html").write_text(index, encoding="utf-8")
    (out / "stories.json").write_text(
        json.dumps([dict(c.to_dict(), file=f"stories/{stems[c.id]}.json") for c in written], ensure_ascii=False, indent=2),
        encoding="utf-8")
    report.stories = len(written)
    return report
