"""Great Expectations Data Docs for Tally's suites, built beside the warehouse.

The checks themselves run on an ephemeral GX context (`pipelines.lib.quality`), which keeps no
results. Data Docs need stored validation results, so this module keeps a small file-backed GX
project in `<local>/quality/gx`, validates the same rows there under the Dagster run's id, and
renders the site to `<local>/quality/data_docs/index.html`, which the assets link to. Only
assets in the one-writer pool call it, so two runs never write the project at once. `<local>`
is the lake when it is a local folder; with the lake in object storage it is the DuckDB file's
folder (`TallyConfig.local`): the project is GX's own file store, on local disk.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from pipelines.lib import quality

SITE = "tally"
KEEP_RUNS = 20  # validation results (and their pages) kept per suite; older runs are pruned


def index_path(lake: Path) -> Path:
    return Path(lake) / "quality" / "data_docs" / "index.html"


def _context(lake: Path):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    quality.skip_fingerprints()
    root = Path(lake) / "quality"
    root.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(root))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    if SITE not in context.get_site_names():
        context.add_data_docs_site(SITE, {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(index_path(lake).parent)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
    return context


def publish(lake: Path, run_id: str, frames: dict[str, quality.Rows]) -> Path | None:
    """Validate each suite's rows in the file-backed project and rebuild the Data Docs site.

    The docs show each suite on at most its first `quality.ROWS_PER_VALIDATION` rows: they are
    for reading what a rule says and how a run went, and a pandas copy of every figure would
    cost more memory than the whole load. The Dagster checks see every row of `frames`: after
    an update of the claims, that is the rows it redid (reconcile_rules.claim_frames).

    Returns the site's index, or None when GX could not build it (the checks do not depend on
    the docs, so a failure here is logged by the caller, never raised into the asset).
    """
    import great_expectations as gx
    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
    )

    context = _context(lake)
    try:  # not add_or_update: that replaced it with one of no assets, re-added on every publish
        source = context.data_sources.get("tally")
    except KeyError:
        source = context.data_sources.add_pandas("tally")
    run = RunIdentifier(run_name=run_id)
    for suite_name, all_rows in frames.items():
        rows = quality.first_rows(all_rows)
        if rows.is_empty():
            continue
        suite = context.suites.add_or_update(ExpectationSuite(**quality.suite_spec(suite_name)))
        try:
            asset = source.get_asset(suite_name)
        except LookupError:
            asset = source.add_dataframe_asset(suite_name)
        try:
            batch = asset.get_batch_definition("whole")
        except KeyError:
            batch = asset.add_batch_definition_whole_dataframe("whole")
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=suite_name, data=batch, suite=suite)
        )
        try:
            definition.run(batch_parameters={"dataframe": rows.to_pandas()},
                           expectation_parameters=quality.SUITE_PARAMETERS, run_id=run)
        finally:
            quality.forget_batches(source)
    _prune(Path(lake) / "quality" / "gx" / "uncommitted" / "validations")
    # Only this run's pages and the suites' are rendered, then the index: the pages of earlier
    # runs do not change. Rebuilding the whole site rendered every result kept (KEEP_RUNS per
    # suite), 0.5-0.7 s a publish with two runs kept and growing with each run up to the limit.
    rendered = [ExpectationSuiteIdentifier(name=name) for name in frames]
    rendered += [key for key in context.validation_results_store.list_keys()
                 if key.run_id.run_name == run_id]
    context.build_data_docs(site_names=[SITE], resource_identifiers=rendered)
    _prune(index_path(lake).parent / "validations")
    index = index_path(lake)
    return index if index.exists() else None


def _prune(folder: Path) -> None:
    """Keep the newest KEEP_RUNS run folders per suite (`<folder>/<suite>/<run id>/`), so the
    store and the site stay small however many runs an hourly schedule makes."""
    if not folder.is_dir():
        return
    for suite in (p for p in folder.iterdir() if p.is_dir()):
        # each run folder holds one folder per validation time (e.g. 20261201T131538.526039Z)
        runs = sorted((p for p in suite.iterdir() if p.is_dir()),
                      key=lambda p: max((c.name for c in p.iterdir()), default=""),
                      reverse=True)
        for old in runs[KEEP_RUNS:]:
            shutil.rmtree(old, ignore_errors=True)
