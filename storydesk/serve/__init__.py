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


def serve(path: str | Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "warning") -> None:
    """Serve the store until interrupted (Ctrl-C); `workers` > 1 runs that many server processes."""
    import os

    import uvicorn

    prepare_store(path)
    if workers > 1:  # worker processes import the app by name and find the store in the environment
        os.environ["STORYDESK_SERVE_STORE"] = str(Path(path).resolve())
        uvicorn.run("storydesk.serve.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                    log_level=log_level, server_header=False)
    else:
        uvicorn.run(create_app(path), host=host, port=port, log_level=log_level, server_header=False)
