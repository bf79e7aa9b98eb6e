"""Which version of an article is loaded: the one its file holds now."""

from __future__ import annotations

import os

import dagster as dg
import pytest

from tests.conftest import resources_for, write_sources
from tests.pipeline.helpers import materialize, query

# A wire story whose toll was corrected upwards, then the correction was withdrawn.
STORY = """Title: Strike on a shelter in Khan Younis
Outlet: Test Wire
Published: 2024-01-16
URL: https://testwire.example/2024/01/16/khan-younis-shelter

The health ministry in Gaza said {killed} people were killed when a strike hit a school used as
a shelter in Khan Younis on Tuesday. Rescue teams were still searching the rubble at nightfall.
"""

LOADS = [dg.AssetKey(k) for k in (["raw", "sources"], ["raw", "inbox"], ["staging", "articles"],
                                  ["staging", "article_figures"], ["core", "articles"],
                                  ["core", "figures"])]


@pytest.mark.integration
def test_an_article_put_back_to_an_earlier_version_loads_that_version_again(tmp_path):
    """41, then 47, then 41 again: the raw store keeps bytes it has seen once, so the third
    read adds no payload and the newest payload stays the 47. The file holds the 41."""
    inbox, lake = tmp_path / "inbox", tmp_path / "lake"
    inbox.mkdir()
    story = inbox / "khan-younis.txt"
    resources = resources_for(lake, write_sources(tmp_path / "sources.yaml", [
        {"name": "desk-inbox", "kind": "inbox", "path": str(inbox)}]))
    loaded = []
    for run, killed in enumerate((41, 47, 41)):
        story.write_text(STORY.format(killed=killed), encoding="utf-8")
        os.utime(story, ns=(run * 10**9, run * 10**9))  # each version its own stamp
        materialize(resources, selection=LOADS)
        [(text,)] = query(lake, "select text from core.articles")
        values = query(lake, "select value from core.figures where metric = 'killed'")
        loaded.append((f"said {killed} people" in text, [int(v) for (v,) in values]))
    assert loaded == [(True, [41]), (True, [47]), (True, [41])]
