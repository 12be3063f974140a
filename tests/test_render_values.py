"""How a disagreement's values read in the Markdown, HTML and terminal reports."""

from __future__ import annotations

import pytest

from storydesk.render import shown_value


@pytest.mark.parametrize("value, shown", [
    (None, "—"), (6, "6"), (1000000000000, "1,000,000,000,000"), (450000000000.0, "450,000,000,000"),
    (0.25, "0.25"), (2.5, "2.5"), ("~1000000", "~1,000,000"), (">=4", "≥4"), ("<=1", "≤1"), (">30", ">30"),
    ("~500000", "~500,000"), ("2014-03-21", "2014-03-21"), ("Friday", "Friday"), ("Kim Riley", "Kim Riley"),
    ("1899", "1899"), (1500, "1500"), (">=2000", "≥2000"), (12500, "12,500"),
])
def test_a_value_reads_as_a_reader_writes_it(value, shown):
    # Multi-News ta107/ta077: the reports printed "1000000000000" and "~1e+06".
    assert shown_value(value) == shown


def test_a_bound_never_reads_in_scientific_notation():
    # The JSON keeps a bound machine-readable: "~1000000", not "~1e+06" (ta077).
    from storydesk.align.quantities import _shown
    from storydesk.model import Quantity, Span
    about = Quantity(value=1000000.0, noun="dollar", qualifier="~", text="about $1 million", span=Span("a", 0, 5))
    assert _shown(about) == "~1000000"
    assert _shown(Quantity(value=0.25, noun="ounce", qualifier="<=", text="", span=Span("a", 0, 1))) == "<=0.25"
    assert _shown(Quantity(value=6.0, noun="rocket", qualifier="=", text="", span=Span("a", 0, 1))) == 6
