"""Renderers read only the Digest, so JSON, Markdown, HTML and the terminal cannot disagree."""
