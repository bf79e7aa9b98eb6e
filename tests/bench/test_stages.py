"""The bench's stage split: check seconds leave the steps that ran them, the import apart."""

from pipelines.bench.__main__ import stages
from pipelines.bench.measure import GX_IMPORT


def test_the_import_of_great_expectations_is_neither_load_nor_checks():
    run = {"job_s": 20.0,
           "steps": {"core__figures": 10.0, "core_claims": 4.0, "exports__parquet": 1.0},
           "checks": {GX_IMPORT: 2.5, "figures": 1.5, "article_hostages": 0.5, "claims": 1.0}}
    out = stages(run)
    assert out["checks"] == 2.0 and out["checks_import"] == 2.5
    assert out["load"] == 10.0 - 2.0 - 2.5
    assert out["marts"] == 4.0 - 1.0 and out["checks_marts"] == 1.0
    assert out["dagster_overhead"] == 5.0
