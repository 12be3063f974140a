"""Split cleaned article text into sentences with exact character offsets.

Paragraphs (blank-line separated) are split first so that no sentence crosses a paragraph
break; nupunkt then finds sentence boundaries inside each paragraph (fast, with a bundled
model, and right about "Mr." and "U.S." where simpler splitters are not).
"""

from __future__ import annotations

import re
from functools import lru_cache

from storydesk.model import Article, Sentence

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# nupunkt ends a sentence after an initialism it has not learned ("no F.D.N.Y. ambulances were
# called"); a sentence does not open on a lowercase word, so such a cut is undone.
_ENDS_IN_INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}\s*$")
_OPENS_LOWERCASE = re.compile(r"\s*[a-z]")
# Nor does a month's abbreviation before a day ("the Aug. 23-Sept. 6 issue", Multi-News ta030).
_ENDS_IN_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.\s*$")
_OPENS_DAY = re.compile(r"\s*\d{1,2}\b(?![.,]?\d)")


@lru_cache(maxsize=1)
def _sentence_spans():
    # Imported lazily: nupunkt loads its model on first use.
    from nupunkt import sent_spans

    return sent_spans


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, whitespace trimmed."""
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_sentences(article: Article) -> list[Sentence]:
    """The sentences of one article; `text[start:end]` of each is exactly its text."""
    text = article.text
    sent_spans = _sentence_spans()
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(text)):
        chunk = text[p_start:p_end]
        # A single line break inside a paragraph still ends a sentence-like unit (lists, lines).
        for line_start, line_end in _line_spans(chunk):
            line = chunk[line_start:line_end]
            for s, e in _join_initialism_cuts(line, sent_spans(line)):
                trimmed = _trim(line, s, e)
                if trimmed is None:
                    continue
                start = p_start + line_start + trimmed[0]
                end = p_start + line_start + trimmed[1]
                sentences.append(Sentence(
                    article=article.id,
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=text[start:end],
                    paragraph=paragraph,
                ))
    return sentences


def _join_initialism_cuts(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined and ((_ENDS_IN_INITIALISM.search(line, joined[-1][0], joined[-1][1]) and _OPENS_LOWERCASE.match(line, s))
                       or (_ENDS_IN_MONTH.search(line, joined[-1][0], joined[-1][1]) and _OPENS_DAY.match(line, s))):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


def _line_spans(chunk: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in re.finditer(r"\n", chunk):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(chunk)))
    return [t for s, e in spans if (t := _trim(chunk, s, e))]
