"""A seeded generator of hostile inputs: random bytes, encodings, markup, JSON shapes, sizes,
compressed files, names with newlines and markup, deep nesting, huge lines.

    inputs = generate_inputs(random.Random(7), 20)   # [FuzzInput(name, data, lines), ...]

Each input knows the text lines a reader should find in it (`lines`), so a run can check that
every one is either in the output or listed as removed; inputs that are not text (binary,
bombs, broken JSON) carry no lines and must only be refused with a reason.
"""

from __future__ import annotations

import gzip
import json
import random
import zlib
from dataclasses import dataclass, field

SENTENCES = [
    "A fire swept through two warehouses at Port Calder early Friday, officials said.",
    "Four firefighters were hurt and one remains in hospital, the union said.",
    "The mayor said the harbor would reopen on Monday after inspections.",
    "Investigators have not yet named a cause, according to a statement.",
    "Shipping was diverted to the northern terminal for the weekend.",
    "“We heard a bang and then the roof came down,” a night watchman said.",
    "Residents were told to keep windows closed because of the smoke.",
    "The company that owns the warehouses declined to comment on Saturday.",
]
HOSTILE_BITS = [
    "[/x]", "[/]", "[bold red]", "\x1b]0;pwned\x07", "\x1b[2J", "\x9b31m", "\u202e", "<script>alert(1)</script>",
    "&amp;&lt;&#0;", "\x0c", "\x00", "\t", "\r", "\u2028", "\ufeff", "ｆｕｌｌｗｉｄｔｈ", "𝔐𝔞𝔱𝔥", "e\u0301",
    "{{7*7}}", "${jndi:x}", "%s%n", "\\u0000", "'\"", "\u00a0",
]
NAME_BITS = ["[/x]", "[red]", "\n", " ", "-", "é", "\u202e", "#", "$(x)", "'", "%", "\\", "~", "a" * 60]
KINDS = ["text", "text", "text", "html", "jsonl", "jsonl", "bytes", "encoded", "gz", "nested", "huge", "warc"]


@dataclass
class FuzzInput:
    name: str  # file name (may hold newlines, markup, undecodable bytes as surrogate escapes)
    data: bytes
    lines: list[str] = field(default_factory=list)  # text lines that must not be lost silently
    kind: str = ""
    layouts: set[str] = field(default_factory=set)  # "capitals", "wrapped": layouts cleaning must keep


def generate_inputs(rng: random.Random, count: int, big: bool = False) -> list[FuzzInput]:
    """`count` hostile inputs; `big` adds the costly ones (multi-MB lines, bombs) for the long run."""
    return [_one(rng, index, big) for index in range(count)]


def _one(rng: random.Random, index: int, big: bool) -> FuzzInput:
    kind = rng.choice(KINDS)
    made = globals()[f"_{kind}"](rng, big)
    made.kind = kind
    made.name = f"{index:04d}{_name_noise(rng)}{made.name}"
    return made


def _name_noise(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return ""
    noise = "".join(rng.choice(NAME_BITS) for _ in range(rng.randint(1, 3))).replace("/", "")
    if rng.random() < 0.2:
        noise += b"\xe9\xff".decode("utf-8", "surrogateescape")
    return "-" + noise


def _sentence(rng: random.Random) -> str:
    sentence = rng.choice(SENTENCES)
    if rng.random() < 0.4:
        words = sentence.split(" ")
        words.insert(rng.randrange(len(words)), rng.choice(HOSTILE_BITS))
        sentence = " ".join(words)
    return sentence


def _paragraphs(rng: random.Random, layouts: set[str] | None = None) -> list[str]:
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))]
    if rng.random() < 0.15:
        paragraphs = [p.upper() for p in paragraphs]
        layouts is not None and layouts.add("capitals")
    return paragraphs


def _text_lines(rng: random.Random, layouts: set[str] | None = None) -> list[str]:
    """A title and paragraphs, sometimes hard-wrapped at 72 columns (wire feeds, e-mail)."""
    layouts = layouts if layouts is not None else set()
    lines = [rng.choice(["Harbor fire", "FIRE AT PORT CALDER [/x]", "Update\x1b[2J", ""])]
    for paragraph in _paragraphs(rng, layouts):
        if rng.random() < 0.2:
            layouts.add("wrapped")
            lines += _wrap(paragraph, 72)
        else:
            lines.append(paragraph)
        lines.append("")
    return lines


def _wrap(text: str, width: int) -> list[str]:
    out, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return out + [current]


def _text(rng: random.Random, big: bool) -> FuzzInput:
    layouts: set[str] = set()
    lines = _text_lines(rng, layouts)
    newline = rng.choice(["\n", "\r\n", "\r", "\n\x0c"])
    return FuzzInput(".txt", newline.join(lines).encode("utf-8", "surrogatepass"),
                     [line for line in lines if line.strip()], layouts=layouts)


def _html(rng: random.Random, big: bool) -> FuzzInput:
    body = "".join(f"<p>{p}</p>" for p in _paragraphs(rng))
    shape = rng.randrange(5)
    if shape == 0:
        body = "<div>" * rng.randint(200, 3000) + body  # deep, unclosed nesting
    elif shape == 1:
        body = "<script>var x = 1;" * rng.randint(10, 500) + body  # unclosed scripts
    elif shape == 2:
        body = body.replace("</p>", "\x0c</p>")
    elif shape == 3:
        body += "<!--" + "x" * rng.randint(0, 5000)  # unclosed comment
    page = f"<html><head><title>Fire {rng.choice(HOSTILE_BITS)}</title></head><body>{body}</body></html>"
    return FuzzInput(rng.choice([".html", ".htm", ".txt"]), page.encode("utf-8", "surrogatepass"))


def _record(rng: random.Random, layouts: set[str] | None = None) -> tuple[object, list[str]]:
    lines = _text_lines(rng, layouts)
    text = "\n".join(lines)
    shape = rng.randrange(12)
    record: object = {"id": f"r{rng.randrange(10**6)}", "title": "Harbor fire", "text": text,
                      "published": "2024-03-08"}
    kept = [line for line in lines if line.strip()]
    if shape == 0:
        return rng.choice([[], "text", 7, None, [record]]), []
    if shape == 1:
        record["text"] = rng.choice([None, 5, ["a"], {"x": 1}, ""])
        return record, []
    if shape == 2:
        record["id"] = rng.choice([None, "", 5, ["a"], {"x": "[/x]"}, "id\n[/x]\x1b[2J", "a" * 5000])
    elif shape == 3:
        record["url"] = rng.choice(["http://[bad", "javascript:alert(1)", "", 5, "http://" + "a" * 3000])
    elif shape == 4:
        record["published"] = rng.choice(["0001-01-01", "9999-12-31T23:59:59", "2024-13-45", 5, "yesterday",
                                          "+10000-01-01"])
    elif shape == 5:
        record["html"], record["text"] = "<p>" + "</p><p>".join(kept) + "</p>", None
        kept = []
    elif shape == 6:
        record["title"] = rng.choice([None, 5, "[/x]" * 100, "T" * 100_000, {"a": 1}])
    return record, kept


def _jsonl(rng: random.Random, big: bool) -> FuzzInput:
    rows, lines = [], []
    layouts: set[str] = set()
    for _ in range(rng.randint(1, 5)):
        record, kept = _record(rng, layouts)
        text = json.dumps(record, ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.15:  # a lone surrogate escape in the JSON text
            text = text.replace("fire", "fire\\ud800", 1)
        rows.append(text)
        lines += kept
    if rng.random() < 0.3:
        rows.insert(rng.randrange(len(rows) + 1), rng.choice(["{", "not json", "\x00\x01", "[]", '{"id": 1}', ""]))
    encoding = rng.choice(["utf-8"] * 6 + ["utf-16", "utf-8-sig"])
    return FuzzInput(rng.choice([".jsonl", ".ndjson"]), "\n".join(rows).encode(encoding, "surrogatepass"), lines,
                     layouts=layouts)


def _bytes(rng: random.Random, big: bool) -> FuzzInput:
    size = rng.choice([0, 1, 3, 100, 4096, 70_000])
    return FuzzInput(rng.choice([".txt", ".html", ".jsonl", ".txt.gz", ".bin"]), rng.randbytes(size))


def _encoded(rng: random.Random, big: bool) -> FuzzInput:
    layouts: set[str] = set()
    lines = [line for line in _text_lines(rng, layouts) if line.isascii() or rng.random() < 0.5]
    text = "\n".join(lines) + "\nLe maire a déclaré que l’incendie était maîtrisé."
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-8-sig", "cp1252",
                           "latin-1", "utf-8-bad"])
    if encoding == "utf-8-bad":
        data = text.encode("utf-8", "replace")
        cut = rng.randrange(len(data))
        data = data[:cut] + b"\xff" + data[cut:]
        return FuzzInput(".txt", data)  # the bad byte may split a line: only no crash is checked
    data = text.encode(encoding, "replace")
    keep = [line for line in lines if line.strip()] if encoding.startswith("utf") else []
    return FuzzInput(".txt", data, keep, layouts=layouts)


def _gz(rng: random.Random, big: bool) -> FuzzInput:
    inner = rng.choice([_text, _jsonl, _html])(rng, big)
    data = gzip.compress(inner.data)
    lines = inner.lines
    shape = rng.randrange(4)
    if shape == 0:  # truncated: what was read is kept, with a warning; the cut line may be lost
        data, lines = data[: rng.randrange(len(data) + 1)], []
    elif shape == 1:  # damaged
        spot = rng.randrange(len(data))
        data, lines = data[:spot] + bytes([data[spot] ^ 0xFF]) + data[spot + 1:], []
    elif shape == 2 and big:  # a bomb
        data, lines = _bomb(rng.choice([40, 120]) << 20), []
    return FuzzInput(inner.name + ".gz", data, lines, layouts=inner.layouts)


def _warc(rng: random.Random, big: bool) -> FuzzInput:
    """A web archive of a few pages, whole or damaged: cut short, a byte flipped, or a record
    warcio cannot place (a response with no target URI made warcio itself raise)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=rng.random() < 0.5)
    for n in range(rng.randint(1, 3)):
        headers = StatusAndHeaders(rng.choice(["200 OK", "404 Not Found"]), [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        page = _html(rng, big).data
        writer.write_record(writer.create_warc_record(f"https://paper{n}.example/fire", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    data = buffer.getvalue()
    shape = rng.randrange(4)
    if shape == 0:
        data = data[: rng.randrange(len(data) + 1)]
    elif shape == 1:
        spot = rng.randrange(len(data))
        data = data[:spot] + bytes([data[spot] ^ 0xFF]) + data[spot + 1:]
    elif shape == 2:
        data += b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nshort\r\n\r\n"
    return FuzzInput(rng.choice([".warc", ".warc.gz"]), data)  # pages' lines: only no crash is checked


def _bomb(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join([compressor.compress(b"\n" * (1 << 20)) for _ in range(size >> 20)] + [compressor.flush()])


def _nested(rng: random.Random, big: bool) -> FuzzInput:
    depth = rng.choice([65, 500, 5000, 50_000])
    opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
    line = opener * depth + "1" + closer * depth
    if rng.random() < 0.5:
        line = line[: len(line) // 2]
    return FuzzInput(".jsonl", (line + "\n").encode())


def _huge(rng: random.Random, big: bool) -> FuzzInput:
    size = rng.choice([100_000, 1_000_000] + ([30_000_000] if big else []))
    shape = rng.randrange(3)
    if shape == 0:  # one huge word
        word = "W" * size
        return FuzzInput(".txt", f"Harbor fire\n\n{SENTENCES[0]} {word}\n".encode(), [])
    if shape == 1:  # one huge JSONL line
        return FuzzInput(".jsonl", json.dumps({"id": "huge", "text": SENTENCES[1] + " x" * (size // 2)}).encode(), [])
    lines = [rng.choice(SENTENCES) for _ in range(size // 2000)]  # many short lines
    return FuzzInput(".txt", "\n".join(lines).encode(), [])


def cluster_file(rng: random.Random, inputs: list[FuzzInput]) -> bytes:
    """A `summarize` input: stories of JSON documents, with hostile shapes among them."""
    rows = []
    for story in range(rng.randint(1, 4)):
        documents = []
        for _ in range(rng.randint(0, 4)):
            record, _ = _record(rng)
            documents.append(record)
        cluster: object = {"id": rng.choice([f"s{story}", "[/x]", "\x1b[2J", None]), "documents": documents}
        if rng.random() < 0.1:
            cluster = rng.choice([[], {"id": "x"}, {"documents": "no"}, "[" * 2000])
        rows.append(cluster if isinstance(cluster, str) else json.dumps(cluster))
    return "\n".join(rows).encode("utf-8", "surrogatepass")
