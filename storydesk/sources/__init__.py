"""Adapters that turn news where it lives into raw documents: web archives, feeds and sitemaps,
URLs. Each ends in the same `RawDocument`s and `Problem`s as `storydesk.ingest` does for files,
so everything after reading is the same whatever the road in (`storydesk.reader` routes).
"""
