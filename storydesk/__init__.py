"""storydesk: many news articles about the same events -> one trustworthy, cited account.

    >>> import storydesk
    >>> d = storydesk.digest(["examples/harbor-fire"])
    >>> print(storydesk.to_json(d))
"""

from storydesk.model import Digest
from storydesk.pipeline import NothingToDigest, Options, digest
from storydesk.reader import ReadOptions, read_articles
from storydesk.render.html import render_html as to_html
from storydesk.render.json import digest_from_dict as from_dict
from storydesk.render.json import digest_to_dict as to_dict
from storydesk.render.json import digest_to_json as to_json
from storydesk.render.markdown import render_markdown as to_markdown
from storydesk.version import __version__

__all__ = ["Digest", "NothingToDigest", "Options", "ReadOptions", "digest", "from_dict", "read_articles",
           "to_dict", "to_html", "to_json", "to_markdown", "__version__"]
