"""The digest as GitHub-flavoured Markdown: the same sections as the HTML report."""

from __future__ import annotations

import re

from storydesk.model import Digest

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md_escape(text: str) -> str:
    """Escape Markdown and HTML specials so article text shows as written, never as markup."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def render_markdown(digest: Digest) -> str:
    names = {a.id: (a.source or a.id) for a in digest.articles}

    def cite(ids) -> str:
        return " ".join(f"[{md_escape(names.get(i, i))}]" for i in dict.fromkeys(ids))

    out: list[str] = [f"# {md_escape(digest.story.headline)}", ""]
    if digest.story.first_published:
        out += [f"*{len(digest.articles)} articles, {digest.story.first_published.date().isoformat()}"
                f" to {digest.story.last_published.date().isoformat()}*", ""]

    out += ["## Summary", ""]
    for s in digest.summary:
        out.append(f"{md_escape(s.text)} {cite(s.sources)}")
        out.append("")

    if digest.alignment.conflicts:
        out += ["## Where the sources disagree", ""]
        for c in digest.alignment.conflicts:
            out += [f"### {md_escape(c.topic)} ({c.kind}, {c.severity})", "", "| value | sources | says |", "|---|---|---|"]
            for claim in c.claims:
                out.append(f"| {md_escape(str(claim.value))} | {cite(claim.sources)} | {md_escape(claim.text)} |")
            out.append("")

    if digest.alignment.facts:
        out += ["## Facts", "", "| fact | sources | independent |", "|---|---|---|"]
        for f in digest.alignment.facts:
            out.append(f"| {md_escape(f.text)} | {cite(f.sources)} | {f.independent_sources} |")
        out.append("")

    if digest.extraction.quotes:
        out += ["## Quotes", ""]
        for q in digest.extraction.quotes:
            speaker = md_escape(q.speaker) if q.speaker else "*unnamed*"
            out.append(f"- **{speaker}**: “{md_escape(q.text)}” {cite(q.sources)}")
        out.append("")

    if digest.extraction.entities:
        out += ["## People, organizations, places", "", "| name | type | also written | sources |", "|---|---|---|---|"]
        for e in digest.extraction.entities:
            aliases = ", ".join(md_escape(a) for a in e.aliases if a != e.name)
            out.append(f"| {md_escape(e.name)} | {e.type} | {aliases} | {len(set(e.sources))} |")
        out.append("")

    if digest.alignment.timeline:
        out += ["## Timeline", "", "| date | what | sources |", "|---|---|---|"]
        for t in digest.alignment.timeline:
            said = f" (“{md_escape(t.date_text)}”)" if t.date_text else ""
            out.append(f"| {t.date}{said} | {md_escape(t.text)} | {cite(t.sources)} |")
        out.append("")

    out += ["## Sources", "", "| article | outlet | title | published | originality |", "|---|---|---|---|---|"]
    for a in digest.articles:
        published = a.published.date().isoformat() if a.published else ""
        originality = digest.reuse.originality.get(a.id, 1.0)
        out.append(f"| {md_escape(a.id)} | {md_escape(a.source or '')} | {md_escape(a.title or '')} | {published} | {originality:.0%} |")
    out.append("")

    if digest.reuse.pairs:
        out += ["## Shared copy", "", "| article | article | share of first | share of second |", "|---|---|---|---|"]
        for p in digest.reuse.pairs:
            out.append(f"| {md_escape(p.a)} | {md_escape(p.b)} | {p.share_a:.0%} | {p.share_b:.0%} |")
        out.append("")

    removed = [(a, r) for a in digest.articles for r in a.removed]
    if removed:
        out += ["## Removed in cleaning", ""]
        for a in digest.articles:
            if a.removed:
                out += [f"<details><summary>{md_escape(a.id)}: {len(a.removed)} pieces</summary>", ""]
                out += [f"- *{r.kind}*: {md_escape(r.text)}" for r in a.removed]
                out += ["", "</details>", ""]

    if digest.problems:
        out += ["## Problems", ""] + [f"- {md_escape(str(p))}" for p in digest.problems] + [""]
    return "\n".join(out).rstrip() + "\n"
