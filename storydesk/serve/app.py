"""The web app: front page, search, story pages and a JSON API over one story store, read-only.

Every page is rendered on the server (Jinja2, autoescaped) and runs no script: citations reveal
their sentence with CSS (:hover, :focus), search is a plain GET form. Every response carries a
Content-Security-Policy that lets a page load nothing but this server's stylesheets, so article
text, however hostile, stays text. Bad requests get a 4xx page (or JSON under /api), never a
traceback.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from storydesk.render.html import TEMPLATES as REPORT_TEMPLATES
from storydesk.render.html import build_view
from storydesk.render.json import digest_from_dict
from storydesk.serve.reader import PageCache, StoreReader
from storydesk.storyindex import MARK_CLOSE, MARK_OPEN, MAX_LIMIT, SearchError, StoryCard

HERE = Path(__file__).parent
PAGE_SIZE = 30  # stories per front or search page: a day's big stories fit on one
# Rendered story pages kept, in bytes: a page is 30-300 kB, so a day of a few hundred stories
# stays warm; rendering one again costs 5-20 ms (measured on the bundled example and Multi-News).
STORY_PAGE_CACHE_BYTES = 96 * 1024 * 1024
FRONT_PAGE_CACHE_BYTES = 4 * 1024 * 1024  # front pages (~40 kB) of the current data version and a few before
MAX_QUERY_BYTES = 2048  # a longer query string is refused (414): no search needs more
MAX_PATH_BYTES = 512
STORY_ID = re.compile(r"^[\w.:-]{1,200}$")  # what the store's ids look like; anything else is unknown
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none';"
       " frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
log = logging.getLogger("storydesk.serve")


class StoryCardOut(BaseModel):
    """One story in a list (documentation of the JSON the list endpoints return)."""

    id: str
    headline: str
    lead: str = Field(description="the summary's first sentence")
    articles: int
    independent_sources: int = Field(description="articles running the same copy count once")
    conflicts: int = Field(description="disagreements between the sources")
    first_published: str | None = Field(None, description="ISO 8601 date-time")
    last_published: str | None = Field(None, description="ISO 8601 date-time")
    digest_revision: int = Field(description="how many times the digest was made")
    digest_stale: bool = Field(description="articles joined since the digest was made")
    snippet: str | None = Field(None, description="search only: the matching text")


class StoryList(BaseModel):
    stories: list[StoryCardOut]
    limit: int
    offset: int


class SearchResult(BaseModel):
    query: str
    stories: list[StoryCardOut]
    limit: int
    offset: int


class ErrorOut(BaseModel):
    error: str


# Query parameters of the API (module level: FastAPI resolves the annotations by name).
Since = Annotated[str, Query(description="only stories whose last article is from this day or later (YYYY-MM-DD)")]
Until = Annotated[str, Query(description="only stories whose last article is from this day or earlier (YYYY-MM-DD)")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="how many stories at most")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="skip this many (paging)")]
PageNumber = Annotated[int, Query(alias="page", ge=1, le=10_000)]
Words = Annotated[str, Query(description="only stories holding every one of these words")]
SearchWords = Annotated[str, Query(description="words; a story must hold every one", max_length=500)]

def digest_components() -> dict[str, dict]:
    """The digest's JSON Schema (the shipped contract) as OpenAPI components: its $defs become
    components of their own, so every $ref resolves inside the OpenAPI document."""
    from storydesk.render.json import digest_schema

    schema = digest_schema()
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)

    def relink(value):
        if isinstance(value, dict):
            return {k: (v.replace("#/$defs/", "#/components/schemas/Digest_") if k == "$ref" else relink(v))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [relink(v) for v in value]
        return value

    return {"Digest": relink(schema), **{f"Digest_{name}": relink(d) for name, d in defs.items()}}


def app_from_environment():
    """The app over the store named by STORYDESK_SERVE_STORE (for uvicorn's worker processes)."""
    import os

    return create_app(os.environ["STORYDESK_SERVE_STORE"])


def create_app(store_path: str | Path) -> FastAPI:
    """The ASGI app over the store at `store_path` (which must exist and be indexed: open it with StoryStore once)."""
    reader = StoreReader(store_path)
    pages = PageCache(STORY_PAGE_CACHE_BYTES)
    fronts = PageCache(FRONT_PAGE_CACHE_BYTES)
    env = _environment()
    static = {
        "report.css": (REPORT_TEMPLATES / "report.css").read_bytes(),
        "site.css": (HERE / "static" / "site.css").read_bytes(),
    }
    app = FastAPI(
        title="storydesk",
        summary="The stories of a storydesk store: cited summaries, where the sources disagree, full-text search.",
        version=_version(),
        docs_url=None, redoc_url=None,  # their pages load scripts from elsewhere; /api documents the API instead
    )

    def page(template: str, code: int = 200, **values) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(href=story_href, **values), status_code=code)

    # -- pages ------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def front(page_number: PageNumber = 1) -> HTMLResponse:
        def render() -> str:
            cards = reader.cards(limit=PAGE_SIZE + 1, offset=(page_number - 1) * PAGE_SIZE)
            return env.get_template("front.html.j2").render(
                days=_by_day(cards[:PAGE_SIZE]), latest=reader.latest_day(), page=page_number,
                more=len(cards) > PAGE_SIZE, q="", href=story_href)

        # the same for every reader until a run commits (data_version changes): rendered once per commit
        return HTMLResponse(fronts.get((page_number, reader.data_version()), render))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(q: str = "", since: str = "", until: str = "",
                          page_number: PageNumber = 1) -> HTMLResponse:
        first, last = _day(since, "since"), _day(until, "until")
        values = {"q": q, "since": since, "until": until, "page": page_number}
        if not q.strip() and first is None and last is None:
            return page("search.html.j2", results=None, more=False, **values)
        try:
            cards = reader.cards(search=q if q.strip() else None, since=first, until=last,
                                 limit=PAGE_SIZE + 1, offset=(page_number - 1) * PAGE_SIZE)
        except SearchError as exc:
            return page("search.html.j2", 400, results=None, more=False, message=str(exc), **values)
        return page("search.html.j2", results=[_with_snippet(c) for c in cards[:PAGE_SIZE]],
                    more=len(cards) > PAGE_SIZE, **values)

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> HTMLResponse:
        revision = reader.revision(story_id) if STORY_ID.match(story_id) else 0
        if not revision:
            raise HTTPException(404, f"No story {story_id!r} with a digest in this store.")

        def render() -> str:
            stored = reader.digest_json(story_id)
            if stored is None:  # removed between the two queries
                raise HTTPException(404, f"No story {story_id!r} with a digest in this store.")
            digest = digest_from_dict(json.loads(stored[0]))
            card = reader.card(story_id)
            return env.get_template("story.html.j2").render(
                **build_view(digest), story_id=story_id, stale=bool(card and card.stale), q="")

        return HTMLResponse(pages.get((story_id, revision), render))

    @app.get("/static/{name}", include_in_schema=False)
    async def stylesheet(name: str) -> Response:
        if name not in static:
            raise HTTPException(404, "No such file.")
        return Response(static[name], media_type="text/css", headers={"cache-control": "public, max-age=3600"})

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    async def api_page() -> HTMLResponse:
        return page("api.html.j2", endpoints=_endpoints(app.openapi()), q="")

    # -- JSON API ---------------------------------------------------------------------------------

    errors = {400: {"model": ErrorOut, "description": "a parameter is wrong"}}

    @app.get("/api/stories", response_model=None, responses={200: {"model": StoryList}, **errors},
             summary="List stories, newest day and biggest first")
    async def api_stories(since: Since = "", until: Until = "",
                          q: Words = "",
                          limit: Limit = 50, offset: Offset = 0) -> Response:
        cards = _cards_or_400(reader, q or None, since, until, limit, offset)
        return _json({"stories": [c.to_dict() for c in cards], "limit": limit, "offset": offset})

    @app.get("/api/stories/{story_id}", response_model=None,
             responses={200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Digest"}}},
                              "description": "the story's digest (storydesk.digest/1)"},
                        404: {"model": ErrorOut, "description": "no such story, or it has no digest yet"}},
             summary="One story's digest, as stored")
    async def api_story(story_id: str) -> Response:
        stored = reader.digest_json(story_id) if STORY_ID.match(story_id) else None
        if stored is None:
            raise HTTPException(404, f"No story {story_id!r} with a digest in this store.")
        return Response(stored[0], media_type="application/json")

    @app.get("/api/search", response_model=None, responses={200: {"model": SearchResult}, **errors},
             summary="Full-text search over headlines, summaries and article text, best match first")
    async def api_search(q: SearchWords,
                         since: Since = "", until: Until = "", limit: Limit = 20, offset: Offset = 0) -> Response:
        cards = _cards_or_400(reader, q, since, until, limit, offset)
        return _json({"query": q, "stories": [c.to_dict() for c in cards], "limit": limit, "offset": offset})

    def openapi() -> dict:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(digest_components())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi

    # -- errors: a short page or JSON, never a traceback --------------------------------------------

    def error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api") and request.url.path != "/api":
            return JSONResponse({"error": message}, status_code=status)
        return page("error.html.j2", status, status=status, message=message, q="")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, exc.detail if isinstance(exc.detail, str) else "Bad request.")

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
                             for e in exc.errors())
        return error(request, 400, f"Bad request: {problems}")

    @app.exception_handler(Exception)
    async def failure(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)  # the traceback goes to the server's log only
        return error(request, 500, "Something went wrong on the server; the error is in its log.")

    return _Guard(app, reader)


class _Guard:
    """Outermost layer: refuses over-long URLs (414) and adds the security headers to every response."""

    def __init__(self, app: FastAPI, reader: StoreReader):
        self.app = app
        self.reader = reader

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES or len(scope.get("raw_path") or b"") > MAX_PATH_BYTES:
            await _plain(send, 414, b"URI too long\n")
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", ())) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


def story_href(story_id: str) -> str:
    return f"/story/{quote(story_id, safe='')}"


def _json(value: dict) -> Response:
    return Response(json.dumps(value, ensure_ascii=False), media_type="application/json")


def _cards_or_400(reader: StoreReader, q: str | None, since: str, until: str, limit: int, offset: int) -> list[StoryCard]:
    first, last = _day(since, "since"), _day(until, "until")
    try:
        return reader.cards(search=q, since=first, until=last, limit=limit, offset=offset)
    except SearchError as exc:
        raise HTTPException(400, str(exc)) from None


def _day(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: {value[:40]!r} is not a date (YYYY-MM-DD)") from None


def _by_day(cards: list[StoryCard]) -> list[tuple[date | None, list[tuple[StoryCard, None]]]]:
    """Cards grouped under the day of their last article (the list is in day order already)."""
    days: list[tuple[date | None, list[tuple[StoryCard, None]]]] = []
    for card in cards:
        day = card.last_published.date() if card.last_published else None
        if not days or days[-1][0] != day:
            days.append((day, []))
        days[-1][1].append((card, None))
    return days


def _with_snippet(card: StoryCard) -> tuple[StoryCard, Markup | None]:
    """The card and its snippet as HTML: the text escaped, then only the match markers become <mark>."""
    if card.snippet is None:
        return card, None
    text = str(escape(card.snippet))
    if text.count(MARK_OPEN) != text.count(MARK_CLOSE):  # a stray marker character in the article: no highlight
        return card, Markup(text.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""))
    return card, Markup(text.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def _endpoints(schema: dict) -> list[dict]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            out.append({
                "method": method.upper(), "path": path, "summary": spec.get("summary", ""),
                "parameters": [(p["name"], p.get("in", ""), p.get("required", False), p.get("description", ""))
                               for p in spec.get("parameters", ())],
                "responses": [(code, r.get("description", "")) for code, r in spec.get("responses", {}).items()],
            })
    return out


def _environment():
    from jinja2 import ChoiceLoader, FileSystemLoader

    from storydesk.render.html import _environment as report_environment

    # An overlay shares the report's filters and settings; the loader adds the site's templates.
    return report_environment().overlay(loader=ChoiceLoader([FileSystemLoader(str(HERE / "templates")),
                                                             FileSystemLoader(str(REPORT_TEMPLATES))]))


def _version() -> str:
    from storydesk.version import __version__

    return __version__
