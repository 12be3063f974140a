"""The digest as GitHub-flavoured Markdown: the same sections as the HTML report."""

from __future__ import annotations

import html
import re

from storydesk.model import Digest
from storydesk.render import shown_value

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
# Only an "&" that could start a character reference ("&lt;", "&#169;") is escaped: a bare "&"
# renders as itself, and escaping it made the .md file read "Law &amp; Justice".
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def md_escape(text: str) -> str:
    """Escape Markdown and HTML specials so article text shows as written, never as markup."""
    escaped = _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s*\n\s*", " ", text))
    return _ENTITY_START.sub("&amp;", escaped)


def render_markdown(digest: Digest) -> str:
    articles = list(digest.articles)
    number = {a.id: i + 1 for i, a in enumerate(articles)}
    names = {a.id: (a.source or a.id) for a in articles}

    def cite(ids) -> str:
        return " ".join(f"\\[{number.get(i, '?')} {md_escape(names.get(i, i))}\\]" for i in dict.fromkeys(ids))

    out: list[str] = [f"# {md_escape(digest.story.headline)}", ""]
    story = digest.story
    when = ""
    if story.first_published and story.last_published:
        first, last = story.first_published.date().isoformat(), story.last_published.date().isoformat()
        when = f", {first}" + (f" to {last}" if last != first else "")
    out += [f"*storydesk digest of {len(articles)} articles{when}. Citations name the sources listed under Sources.*", ""]

    out += ["## Summary", ""]
    out += [f"{md_escape(s.text)} {cite(s.sources)}\n" for s in digest.summary] or ["*No summary could be made.*", ""]

    if digest.alignment.conflicts:
        out += ["## Where the sources disagree", ""]
        for c in digest.alignment.conflicts:
            out += [f"### {md_escape(c.topic)} ({c.kind}, {c.severity})", "", "| value | says | sources |", "|---|---|---|"]
            for claim in c.claims:
                value = md_escape(shown_value(claim.value))
                out.append(f"| **{value}** | {md_escape(claim.text)} | {cite(claim.sources)} |")
            out.append("")

    shared_facts = [f for f in digest.alignment.facts if len(set(f.sources)) > 1]
    if shared_facts:
        out += ["## Facts and their support", "", "Independent sources count outlets running the same wire copy once.", "",
                "| fact | independent | sources |", "|---|---|---|"]
        for f in shared_facts[:40]:
            out.append(f"| {md_escape(f.text)} | {f.independent_sources} of {len(set(f.sources))} | {cite(f.sources)} |")
        out.append("")

    if digest.extraction.quotes:
        out += ["## Who said what", ""]
        by_speaker: dict[str, list] = {}
        for q in digest.extraction.quotes:
            by_speaker.setdefault(q.speaker or "Unnamed speaker", []).append(q)
        for speaker, quotes in by_speaker.items():
            out += [f"### {md_escape(speaker)}", ""]
            out += [f"- “{md_escape(q.text)}” — carried by {cite(q.sources)}" for q in quotes]
            out.append("")

    if digest.alignment.timeline:
        out += ["## Timeline", "", "| date | what | sources |", "|---|---|---|"]
        for t in digest.alignment.timeline:
            said = f" (“{md_escape(t.date_text)}”)" if t.date_text else ""
            out.append(f"| {t.date}{said} | {md_escape(t.text)} | {cite(t.sources)} |")
        out.append("")

    if digest.extraction.entities:
        out += ["## People, organizations, places", "", "| name | type | also written | sources |", "|---|---|---|---|"]
        for e in digest.extraction.entities:
            aliases = ", ".join(md_escape(a) for a in e.aliases if a != e.name)
            out.append(f"| {md_escape(e.name)} | {e.type} | {aliases} | {len(set(e.sources))} |")
        out.append("")

    facts = {f.id: f for f in digest.alignment.facts}
    out += ["## Sources", "", "| # | outlet | title | published | original | what it adds |", "|---|---|---|---|---|---|"]
    for a in articles:
        published = a.published.date().isoformat() if a.published else ""
        originality = digest.reuse.originality.get(a.id, 1.0)
        adds = "<br>".join(md_escape(facts[i].text) for i in digest.alignment.unique_facts.get(a.id, ())[:4] if i in facts)
        out.append(f"| {number[a.id]} | {md_escape(names[a.id])} | {md_escape(a.title or '')} | {published} | {originality:.0%} | {adds} |")
    out.append("")

    out += ["## Shared copy", ""]
    if digest.reuse.pairs:
        out += ["| article | shares with | of its text | of the other's |", "|---|---|---|---|"]
        for p in digest.reuse.pairs:
            out.append(f"| {cite([p.a])} | {cite([p.b])} | {p.share_a:.0%} | {p.share_b:.0%} |")
    else:
        out.append("No two articles share text: every source reported on its own.")
    out.append("")

    out += ["## The articles, cleaned", ""]
    for a in articles:
        # Inside a raw HTML block Markdown escapes do not apply: HTML-escape instead.
        label = html.escape(f"{number[a.id]} {names[a.id]}: {a.title or ''}".replace("\n", " "))
        out += [f"<details><summary>{label}</summary>", ""]
        out += [md_escape(p) + "\n" for p in re.split(r"\n\s*\n", a.text) if p.strip()]
        if a.removed:
            out += [f"**Removed in cleaning ({len(a.removed)}):**", ""]
            out += [f"- *{r.kind}*{f' (line {r.line})' if r.line else ''}: {md_escape(r.text)}" for r in a.removed]
            out.append("")
        out += ["</details>", ""]

    if digest.problems:
        out += ["## Problems with the input", ""] + [f"- {md_escape(str(p))}" for p in digest.problems] + [""]
    return "\n".join(out).rstrip() + "\n"
