"""Which payload of a statistics file is loaded: the one the file holds now."""

from __future__ import annotations

import os

import dagster as dg
import polars as pl

from pipelines.defs.resources import TallyConfig
from pipelines.defs.statistics import staged_statistics_figures
from pipelines.lib.http import Fetcher, HttpSettings
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


def test_a_statistics_table_is_read_in_the_charset_its_server_declared(httpserver, tmp_path):
    """The charset of `text/csv; charset=windows-1252` was kept with the payload but not used:
    the table was refused as not UTF-8 and its figures lost. It is read by the rule of
    articles (`decoded`: UTF-8, else the declared charset); bytes valid in neither are still
    quarantined, the reason naming the charset."""
    table = ("#date,#adm1+name,#affected+killed\n2024-02-03,Nablus \u2013 Bal\u00e2ta camp,4\n"
             "2024-02-03,J\u00e9nine,7\n")
    httpserver.expect_request("/camps.csv").respond_with_data(
        table.encode("cp1252"), content_type="text/csv; charset=windows-1252")
    httpserver.expect_request("/broken.csv").respond_with_data(
        table.encode("cp1252") + b"2024-02-04,Tubas \x81,2\n",  # 0x81: no 1252 character
        content_type="text/csv; charset=windows-1252")
    lake = tmp_path / "lake"
    sources = [Source(name=name, kind="statistics", format="hxl", claimant="UN OCHA",
                      url=httpserver.url_for(f"/{name}.csv")) for name in ("camps", "broken")]
    tally = TallyConfig(lake_root=str(lake), extract_workers=1, sources_file=str(write_sources(
        tmp_path / "sources.yaml", [s.model_dump(exclude_none=True) for s in sources])))
    store = RawStore(lake, batch="run1")
    with Fetcher(HttpSettings(attempts=1, read_timeout=1, total_timeout=3)) as fetcher:
        ingestor = Ingestor(store, fetcher, base=tmp_path, sources=sources, log=lambda _: None)
        assert [ingestor.ingest(source).failed for source in sources] == [0, 0]
    store.flush()
    staged_statistics_figures(dg.build_asset_context(), tally=tally)
    staged = pl.read_parquet(lake / "staging" / "statistics" / "figures.parquet")
    assert sorted(zip(staged["location"], staged["value"], strict=True)) == [
        ("J\u00e9nine", 7.0), ("Nablus \u2013 Bal\u00e2ta camp", 4.0)]
    rejected = pl.read_parquet(lake / "quarantine" / "statistics" / "current.parquet")
    assert rejected.select("locator", "rule", "reason").rows() == [
        (httpserver.url_for("/broken.csv"), "statistics_unreadable",
         "CSV is not UTF-8 (byte 0x96 at offset 52), nor windows-1252 as its server declared "
         "(byte 0x81 at offset 105)")]
