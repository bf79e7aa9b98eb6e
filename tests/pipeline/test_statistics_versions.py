"""Which payload of a statistics file is loaded: the one the file holds now."""

from __future__ import annotations

import os

import dagster as dg
import polars as pl

from pipelines.defs.resources import TallyConfig
from pipelines.defs.statistics import staged_statistics_figures
from pipelines.lib.ingest import Ingestor
from pipelines.lib.raw_store import RawStore
from pipelines.lib.sources import Source
from tests.conftest import write_sources

TABLE = "#date,#adm1+name,#affected+killed\n2023-10-07,West Bank,{}\n"


def test_a_file_put_back_to_an_earlier_version_loads_that_version_again(tmp_path):
    """6, then a bad upload of 600, then 6 again: the raw store keeps bytes it has seen once,
    so the third read adds no payload, and the newest payload is still the 600."""
    lake, csv = tmp_path / "lake", tmp_path / "ocha.csv"
    source = Source(name="ocha", kind="statistics", format="hxl", path=str(csv),
                    claimant="UN OCHA")
    tally = TallyConfig(lake_root=str(lake), extract_workers=1,
                        sources_file=str(write_sources(tmp_path / "sources.yaml",
                                                       [source.model_dump(exclude_none=True)])))
    loaded = []
    for run, killed in enumerate((6, 600, 6)):
        csv.write_text(TABLE.format(killed))
        os.utime(csv, ns=(run * 10**9, run * 10**9))  # each version its own stamp
        store = RawStore(lake, batch=f"run{run}")
        assert Ingestor(store, None, base=tmp_path, sources=[source],
                        log=lambda _: None).ingest(source).failed == 0
        store.flush()
        staged_statistics_figures(dg.build_asset_context(), tally=tally)
        staged = pl.read_parquet(lake / "staging" / "statistics" / "figures.parquet")
        loaded.append(staged["value"].to_list())
    assert loaded == [[6], [600], [6]]
