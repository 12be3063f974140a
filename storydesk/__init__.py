"""storydesk: many news articles about the same events -> one trustworthy, cited account.

    >>> import storydesk
    >>> d = storydesk.digest(["examples/harbor-fire"])
    >>> print(d.to_json())
"""

__version__ = "0.1.0"

from storydesk.model import Digest  # noqa: E402
from storydesk.pipeline import NothingToDigest, Options, digest  # noqa: E402

__all__ = ["Digest", "NothingToDigest", "Options", "digest", "__version__"]
