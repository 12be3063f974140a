"""A Digest with every section filled, built directly from model records (no stages run), with
hostile article text, for renderer tests."""

from __future__ import annotations

from storydesk.model import (
    Alignment,
    Article,
    Claim,
    Conflict,
    Digest,
    Entity,
    Extraction,
    Fact,
    Passage,
    Quote,
    Removed,
    ReusePair,
    ReuseReport,
    Sentence,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)
from tests.conftest import published

HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'
WIRE = "A fire swept through two warehouses at Port Calder early Friday, officials said. Four firefighters were hurt."
EVIL_TEXT = f"{WIRE}\n\nLocal view: {HOSTILE} &amp; Fish &lt;3 chips."
INDIE = "Six firefighters were injured in the blaze, the union said.\n\nThe fire chief called it the worst in a decade."


def sentence_spans(article: Article) -> list[Sentence]:
    out = []
    start = 0
    for index, part in enumerate(article.text.replace("\n\n", " ").split(". ")):
        pos = article.text.find(part, start)
        out.append(Sentence(article.id, index, pos, pos + len(part), part))
        start = pos + len(part)
    return out


def hostile_digest() -> Digest:
    wire = Article("wire", WIRE, title="Fire at Port Calder", source="Wire Service", url="https://wire.example/fire",
                   published=published("2024-03-09"))
    evil = Article("evil", EVIL_TEXT, title=f"Fire {HOSTILE}", source="Evil <b>Outlet</b>", url="javascript:alert(1)",
                   published=published("2024-03-10"),
                   removed=(Removed("Click to play video: 'Fire'", "video", 3), Removed(HOSTILE, "comment", 9)))
    indie = Article("indie", INDIE, title="Union: six hurt", source="Independent", published=published("2024-03-10"))
    articles = (wire, evil, indie)
    sentences = tuple(s for a in articles for s in sentence_spans(a))
    n = len(WIRE)
    reuse = ReuseReport(
        pairs=(ReusePair("wire", "evil", 1.0, round(n / len(EVIL_TEXT), 3), (Passage(0, n, 0, n),)),),
        originality={"wire": 0.0, "evil": 1 - n / len(EVIL_TEXT), "indie": 1.0},
        original_spans={"evil": (Span("evil", n + 2, len(EVIL_TEXT)),), "indie": (Span("indie", 0, len(INDIE)),)},
        copy_groups=(frozenset({"wire", "evil"}),),
    )
    four = WIRE.index("Four firefighters")
    extraction = Extraction(
        entities=(Entity("e1", "Hassan al-Rubaie", "person", ("Hassan al-Rubaie", "al-Rubiae", HOSTILE), ("wire", "indie")),
                  Entity("e2", "Port Calder", "place", ("Port Calder",), ("wire", "evil"))),
        quotes=(Quote("q1", f"It was the worst {HOSTILE} in a decade", "Hassan al-Rubaie", ("indie", "evil"),
                      variants=("It was the worst fire in a decade",)),
                Quote("q2", "We heard a bang", None, ("wire",))),
    )
    alignment = Alignment(
        facts=(Fact("f1", "A fire swept through two warehouses at Port Calder early Friday.", ("wire", "evil", "indie"), 2,
                    (Span("wire", 0, WIRE.index(",")),)),
               Fact("f2", f"Local view: {HOSTILE}", ("evil",), 1)),
        conflicts=(Conflict("c1", "firefighters injured", "quantity", (
            Claim(">=4", "Four firefighters were hurt.", ("wire", "evil"), (Span("wire", four, n),)),
            Claim(6, "Six firefighters were injured in the blaze, the union said.", ("indie",)),
        ), severity="discrepancy"),),
        timeline=(TimelineEntry("2024-03-08", "A fire swept through two warehouses", ("wire", "evil"), "early Friday"),),
        unique_facts={"evil": ("f2",)},
    )
    summary = (
        SummarySentence("A fire swept through two warehouses at Port Calder early Friday, officials said.",
                        ("wire", "evil"), ("f1",), (Span("wire", 0, WIRE.index("Four") - 1),)),
        SummarySentence(f"Six firefighters were injured {HOSTILE}.", ("indie",)),
    )
    return Digest(
        story=Story("port-calder-fire", f"Fire at Port Calder {HOSTILE}", published("2024-03-09"), published("2024-03-10")),
        articles=articles, sentences=sentences, reuse=reuse, extraction=extraction, alignment=alignment,
        summary=summary,
    )
