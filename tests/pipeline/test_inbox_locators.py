"""The real `raw/inbox` asset: an inbox moved between runs, or a lake of an earlier version with
its old locators, is not read again and adds no manifest or fetch-log rows."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipelines.lib.raw_store import RawStore
from pipelines.lib.sources import Source
from tests.conftest import resources_for, write_sources
from tests.lib.test_inbox_locators import FILES, make_inbox, write_old_lake
from tests.pipeline.helpers import materialize

INBOX = dg.AssetSelection.keys(["raw", "inbox"])


def _read_inbox(lake: Path, tmp_path: Path, inbox: Path) -> dict:
    """Runs raw/inbox with `inbox` as the source `desk`; returns the asset's metadata."""
    sources = write_sources(tmp_path / "sources.yaml",
                            [{"name": "desk", "kind": "inbox", "path": str(inbox)}])
    result = materialize(resources_for(lake, sources), selection=INBOX, partitioned=False)
    [event] = result.get_asset_materialization_events()
    return {k: v.value for k, v in event.materialization.metadata.items()}


def _rows(lake: Path) -> tuple[int, int]:
    store = RawStore(lake, batch="reader")
    return store.manifest().height, store.fetch_log().height


@pytest.mark.integration
def test_moving_the_inbox_between_runs_adds_nothing(tmp_path, lake):
    inbox = make_inbox(tmp_path / "mount-a" / "inbox")
    assert _read_inbox(lake, tmp_path, inbox)["new_payloads"] == len(FILES)
    before = _rows(lake)
    moved = tmp_path / "mount-b" / "inbox"
    moved.parent.mkdir()
    inbox.rename(moved)
    meta = _read_inbox(lake, tmp_path, moved)
    assert (meta["new_payloads"], meta["unchanged"], meta["fetch_log_rows"]) == (0, 3, 0)
    assert _rows(lake) == before


@pytest.mark.integration
def test_a_lake_of_an_earlier_version_is_not_read_again(tmp_path, lake):
    """Earlier versions recorded an inbox outside the repository by absolute paths."""
    inbox = make_inbox(tmp_path / "inbox")
    write_old_lake(lake, Source(name="desk", kind="inbox", path=str(inbox)),
                   {str(inbox / name): inbox / name for name in FILES})
    before = _rows(lake)
    meta = _read_inbox(lake, tmp_path, inbox)
    assert (meta["new_payloads"], meta["unchanged"], meta["fetch_log_rows"]) == (0, 3, 0)
    assert _rows(lake) == before
