from __future__ import annotations

import pytest

from storydesk.model import Article
from storydesk.segment import paragraph_spans, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."]),
        ("U.S. officials said it was over. Dr. Jones agreed.", ["U.S. officials said it was over.", "Dr. Jones agreed."]),
        ("One paragraph\n\nTwo paragraph", ["One paragraph", "Two paragraph"]),
        ('"It is over," he said. Then silence.', ['"It is over," he said.', "Then silence."]),
        ("", []),
        # A dotted initialism before a lowercase word ends no sentence (Multi-News ta122:
        # "no F.D.N.Y. ambulances were called" was cut in two).
        (
            "He said that no F.D.N.Y. ambulances were called on Friday. A cousin spoke.",
            ["He said that no F.D.N.Y. ambulances were called on Friday.", "A cousin spoke."],
        ),
        ("He joined the F.B.I. in 1990. Later he left.", ["He joined the F.B.I. in 1990.", "Later he left."]),
        ("She works for the U.N. It is hard.", ["She works for the U.N.", "It is hard."]),
        # A month's abbreviation before a day ends no sentence (The Hollywood Reporter, Multi-News
        # ta030: "the Aug. 23-Sept. 6 issue" was cut after "Sept.").
        ("It appeared in the Aug. 23-Sept. 6 issue of the magazine. Officials spoke.",
         ["It appeared in the Aug. 23-Sept. 6 issue of the magazine.", "Officials spoke."]),
        ("The vote is due Sept. 6, officials said. It may slip.", ["The vote is due Sept. 6, officials said.", "It may slip."]),
    ],
)
def test_segment_sentences(text, expected):
    sentences = split_sentences(Article(id="x", text=text))
    assert [s.text for s in sentences] == expected


def test_segment_offsets_point_into_text():
    text = "  First one here.  Second one.\n\n\nThird para, with  spaces.\nA line.  "
    sentences = split_sentences(Article(id="x", text=text))
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_segment_paragraph_spans():
    assert paragraph_spans("a\n\n b \n\n\n") == [(0, 1), (4, 5)]
