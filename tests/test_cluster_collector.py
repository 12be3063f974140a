"""The clusterer pauses Python's cyclic garbage collector while it places a batch (a speed-up)
and leaves it as it found it: on stays on, off stays off, and an error inside puts it back."""

from __future__ import annotations

import gc

import pytest

from storydesk.cluster import StoryClusterer
from storydesk.model import Article

ARTICLES = [
    Article("a1", "Fire crews fought a warehouse fire at the Port of Tacoma overnight, officials said."),
    Article("a2", "The Port of Tacoma warehouse fire was put out by morning; fire crews stayed on."),
]


@pytest.fixture
def collector_state():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_collector_left_on_when_it_was_on(collector_state):
    gc.enable()
    seen = []
    clusterer = StoryClusterer()
    original = clusterer._place

    def place(*args):
        seen.append(gc.isenabled())
        return original(*args)

    clusterer._place = place
    stories = [a.story for a in clusterer.assign(ARTICLES)]
    assert seen == [False, False]  # paused while placing
    assert gc.isenabled()
    assert stories[0] == stories[1]


def test_collector_left_off_when_it_was_off(collector_state):
    gc.disable()
    StoryClusterer().assign(ARTICLES)
    assert not gc.isenabled()


def test_collector_back_on_after_an_error(collector_state):
    gc.enable()
    clusterer = StoryClusterer()

    def fail(*args):
        raise RuntimeError("placing failed")

    clusterer._place = fail
    with pytest.raises(RuntimeError):
        clusterer.assign(ARTICLES)
    assert gc.isenabled()
