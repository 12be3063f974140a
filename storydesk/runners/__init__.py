"""Runners: what sits above the pipeline and drives it over many stories.

    summaries.py   one summary per story of a JSONL of stories (`storydesk summarize`)
    clustering.py  a stream of articles into stories (`storydesk cluster`, and the store's runs)
    update.py      the story store's update loop (`storydesk run`)
    digests.py     its stories digested here or in worker processes (`run --jobs N`), vectors kept
    batch.py       the same on Dask, for corpora beyond one process (`storydesk batch`)

They read articles through `storydesk.reader` and call `storydesk.pipeline`; no stage imports them.
"""
