"""A newsroom in the browser: the story store served read-only (front page, search, story pages, JSON API).

    storydesk serve --store news.db --port 8000

`create_app(path)` gives the ASGI app (FastAPI); `serve(path, host, port)` runs it on uvicorn.
"""

from __future__ import annotations

from pathlib import Path

from storydesk.serve.app import create_app

__all__ = ["create_app", "prepare_store", "serve"]


def prepare_store(path: str | Path) -> None:
    """Open the store once for writing so it is in WAL mode and indexed (a store from before the index)."""
    from storydesk.store import StoryStore

    with StoryStore(path):
        pass


def serve(path: str | Path, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning") -> None:
    """Serve the store until interrupted (Ctrl-C)."""
    import uvicorn

    prepare_store(path)
    uvicorn.run(create_app(path), host=host, port=port, log_level=log_level, server_header=False)
