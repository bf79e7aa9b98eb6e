"""Great Expectations 1.x suites from `expectations/`, run on Polars frames.

GX's SQL datasource does not work on DuckDB, so each rule is validated on the rows it needs,
handed over as a pandas frame. Every expectation carries `meta.rule` (the check's name in
Dagster) and `meta.blocking` (failing rows are quarantined instead of loaded). Vocabularies are
suite parameters filled from `pipelines.vocabulary`, so the suites and the code share one list.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import importlib.util
import json
import logging
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import duckdb
import polars as pl

from pipelines import vocabulary
from pipelines.settings import REPO_ROOT

EXPECTATIONS_DIR = REPO_ROOT / "expectations"
SAMPLE_ROWS = 20

SUITE_PARAMETERS = {
    "metrics": list(vocabulary.METRICS),
    "claimant_classes": list(vocabulary.CLAIMANT_CLASSES),
    "qualifiers": list(vocabulary.QUALIFIERS),
    "statuses": list(vocabulary.STATUSES),
    "max_count": vocabulary.MAX_COUNT,
}


@dataclass
class RuleResult:
    """The outcome of one named rule (one or more expectations) on one frame."""

    rule: str
    description: str
    blocking: bool
    success: bool = True
    evaluated: int = 0
    failing_keys: list[str] = field(default_factory=list)
    failing_rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _suite_text(name: str) -> str:
    return (EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8")


def suite_spec(name: str) -> dict:
    return json.loads(_suite_text(name))


def suites_digest(*names: str) -> str:
    """A digest of suites `names` as they are run: their JSON and the suite parameters.

    An asset that skips its checks when its rows did not change must not skip them when its
    rules did: a reviewer who takes a day off an allow-list or adds a rule expects the next
    run to judge the rows again, not to show the verdict of the old rules.
    """
    texts = [json.dumps(suite_spec(name), sort_keys=True) for name in names]
    texts.append(json.dumps(SUITE_PARAMETERS, sort_keys=True))
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def rules_of(name: str) -> dict[str, dict]:
    """rule name -> {description, blocking} for every rule a suite declares."""
    rules: dict[str, dict] = {}
    for exp in suite_spec(name)["expectations"]:
        meta = exp.get("meta", {})
        rules.setdefault(
            meta["rule"],
            {"description": meta.get("description", ""), "blocking": bool(meta.get("blocking"))},
        )
    return rules


# Imported by GX for expectations no suite of Tally's uses; loaded when first used instead
DEFERRED_MODULES = ("scipy.stats",)


def _import_gx() -> None:
    """Import Great Expectations with DEFERRED_MODULES put off until something reads from them.

    Why: GX imports every expectation it ships, and three of them (the KL divergence and the
    two KS tests) import scipy.stats at the top of their modules, for expectations Tally's
    suites do not use. Every process that checks rows paid for it: `start` took 4.0-4.5 s, and
    takes 3.4-3.6 s without it (five fresh processes each). A suite that adds one of them still
    works: the module loads when the expectation first uses it. Python's own lazy loader does
    this; it serves only a module imported as `from scipy import stats`, as GX does (`import
    altair`, in the same file, reads the module's spec, which loads it).
    """
    for name in DEFERRED_MODULES:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)  # imports the parent package (scipy: 4 ms)
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)  # lazily: runs nothing of the module yet
        parent, _, child = name.rpartition(".")
        setattr(sys.modules[parent], child, module)
    importlib.import_module("great_expectations")


@cache
def _batch_definition():
    _import_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    skip_fingerprints()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("tally").add_dataframe_asset("frame")
    definition = asset.add_batch_definition_whole_dataframe("whole")
    # GX's import and context (with Dagster's, in a step) are some 400,000 objects that live as
    # long as the process. Frozen, the collector no longer walks them: the full collection after
    # each GX run (`forget_batches`) takes milliseconds instead of 0.19 s.
    gc.freeze()
    return definition


_importing: threading.Thread | None = None


def import_ahead() -> None:
    """Begin importing Great Expectations in a thread of its own, for a step that checks rows
    only after reading its inputs, or for a later step run by the same process (the article
    figures' extraction starts it for `core.figures`); `start` waits for it.

    Why: the import is about 2 s of Python, paid once per process before the first check, and
    a step's reads (Polars and DuckDB, which let go of the interpreter while they work) can go
    on meanwhile. Python takes a lock per module, so the step's own imports can go on too. A
    failed import here is left to `start`, which imports again and raises.
    """
    global _importing
    if _importing is None and "great_expectations" not in sys.modules:
        # not a daemon: a step that ends without a check waits for it at exit, rather than
        # leaving a thread stopped in the middle of an import while the interpreter shuts down
        _importing = threading.Thread(target=_import_gx, name="import-gx")
        _importing.start()


def start() -> None:
    """Import Great Expectations and set up its context, once per process (about 2 s).

    Every validation starts with it, before any rows are copied for GX: the set-up ends by
    taking GX's objects out of the collector's walk (`gc.freeze`), and until then a collection
    set off by the copy walked them all (0.1-0.2 s). The bench calls it on its own, to time it
    apart from the checks, as the plain SQL it compares them with is timed on a connection
    already open; after `import_ahead`, what it times is the wait for the import.
    """
    if _importing is not None:
        _importing.join()
    _batch_definition()


def skip_fingerprints() -> None:
    """Keep GX from hashing the frames it validates, in this process.

    GX fingerprints every frame under HASH_THRESHOLD bytes (pandas' hash of every row, then
    md5) only to label the batch in its result's metadata, which Tally does not keep: its
    results name failing rows by their key. The hashing was a third of each run of the figures
    suite, 0.04 of 0.10 s on a slice of 190,000 figures.
    """
    from great_expectations.execution_engine import pandas_execution_engine

    pandas_execution_engine.HASH_THRESHOLD = 0


ROWS_PER_VALIDATION = 200_000  # rows per GX run: see warehouse._judge_figures for why not more
# Expectations that judge each row (or pair of columns in it) on its own: a suite made only of
# these gives the same verdicts on slices of a frame as on the whole of it. Not row-wise despite
# their names: ACROSS_ROWS (they compare rows with each other), and any expectation with
# `mostly` (it judges a share of all the rows).
ROW_WISE = ("expect_column_values_", "expect_column_pair_values_", "expect_column_value_lengths_",
            "expect_multicolumn_values_")
ACROSS_ROWS = ("expect_column_values_to_be_unique", "expect_column_values_to_be_increasing",
               "expect_column_values_to_be_decreasing", "expect_multicolumn_values_to_be_unique")


Rows = pl.DataFrame | duckdb.DuckDBPyRelation


def validate(name: str, rows: Rows, key: str) -> dict[str, RuleResult]:
    """Validate `rows` against suite `name`; failing rows are identified by column `key`.

    Great Expectations works on pandas copies of the rows; a row-wise suite is validated slice
    by slice, so only one slice's copy is in memory at a time, and rows given as a DuckDB
    relation are fetched a slice at a time too. No rows pass every rule.
    """
    start()
    results = no_results(name)
    for batch in _slices(name, rows):
        merge_results(results, _validate(name, batch, key))
    return results


def no_results(name: str) -> dict[str, RuleResult]:
    """Every rule of suite `name`, passed on no rows: what results of its rows add to."""
    return {rule: RuleResult(rule=rule, **info) for rule, info in rules_of(name).items()}


def _slices(name: str, rows: Rows) -> Iterator[pl.DataFrame]:
    """The rows in runs of ROWS_PER_VALIDATION (`runs_of`) when every expectation of the suite
    is row-wise (the verdicts are then the same as on the whole), else whole; never an empty
    slice. A relation is fetched a quarter of a run at a time: `runs_of` holds what it has
    fetched beyond a run while that run is judged."""
    row_wise = all(e["type"].startswith(ROW_WISE) and e["type"] not in ACROSS_ROWS
                   and "mostly" not in e["kwargs"] for e in suite_spec(name)["expectations"])
    if isinstance(rows, pl.DataFrame):
        batches = runs_of([rows], ROWS_PER_VALIDATION) if row_wise else iter([rows])
    elif row_wise:
        fetched = rows.to_arrow_reader(max(ROWS_PER_VALIDATION // 4, 1))
        batches = runs_of((pl.from_arrow(b) for b in fetched), ROWS_PER_VALIDATION)
    else:
        batches = iter([rows.pl()])
    return (batch for batch in batches if batch.height)


def runs_of(chunks: Iterable[pl.DataFrame], rows: int) -> Iterator[pl.DataFrame]:
    """The chunks' rows, in order, in runs of `rows`, whichever staged file or table each chunk
    came from; a last run of up to a quarter of `rows` more is not cut off.

    Why: each Great Expectations run costs a few hundredths of a second before it reads a row,
    and runs were cut where a file ended and at the last article: a reload of the 30,000
    bench's lake after its +1% run judged its figures in four runs (the day's large part in
    two, a later run's small one, the last article's 6 figures) where two hold every row.
    And a run's own cost is that of some 95,000 rows: the 30,000 bench's 242,576 figures took
    0.107 s as runs of 200,000 and 42,576, 0.074 s as one (best of five). A larger last run
    costs memory only once per load, and by at most a quarter of a run.

    A run is handed on as soon as more than a quarter of `rows` is known to follow it, so
    what is held besides it while it is judged is that and the chunk that showed it; a run
    is made of slices, views of its chunks.
    """
    tail = rows // 4
    held = pl.DataFrame()
    for chunk in chunks:
        held = pl.concat([held, chunk]) if held.height else chunk
        while held.height > rows + tail:
            yield held.slice(0, rows)
            held = held.slice(rows)
    if held.height:
        yield held


def first_rows(rows: Rows, n: int = ROWS_PER_VALIDATION) -> pl.DataFrame:
    """At most the first `n` rows, as a Polars frame."""
    return rows.head(n) if isinstance(rows, pl.DataFrame) else rows.limit(n).pl()


def _validate(name: str, rows: pl.DataFrame, key: str) -> dict[str, RuleResult]:
    """One GX run of the whole suite for the verdicts, a second only for the rules that failed.

    The first run asks GX for BOOLEAN_ONLY results on just the columns the suite reads: listing
    every failing row (COMPLETE) costs GX per expectation and per row even when nothing fails,
    and every column handed over is copied. The failing rules' expectations then run
    again on the same frame with COMPLETE, whose unexpected_index_list gives the failing rows'
    positions; their keys and sample rows are read from `rows`.
    """
    results = no_results(name)
    for result in results.values():
        result.evaluated = rows.height
    keys = rows[key]
    frame = rows.select(_columns(name, rows)).to_pandas()
    verdicts = _run(_suite(name), frame, "BOOLEAN_ONLY")
    failed = frozenset(item.expectation_config.meta["rule"] for item in verdicts.results
                       if not item.success)
    if not failed:
        return results
    first_at: dict[str, dict[str, int]] = {rule: {} for rule in failed}
    for item in _run(_suite(name, failed), frame, "COMPLETE").results:
        rule = item.expectation_config.meta["rule"]
        results[rule].success = False
        if messages := _errors(item.exception_info):
            results[rule].errors.extend(messages)
            continue
        if item.success:  # passed (perhaps within its `mostly`); another one of the rule failed
            continue
        for at in item.result.get("unexpected_index_list") or []:
            first_at[rule].setdefault(str(keys[at]), at)
    for rule, found in first_at.items():
        results[rule].failing_keys = list(found)
        results[rule].failing_rows = [
            {c: plain(v) for c, v in rows.row(at, named=True).items()}
            for at in list(found.values())[:SAMPLE_ROWS]
        ]
    return results


def _errors(info: dict | None) -> list[str]:
    """The messages of the computations GX could not run for an expectation.

    GX 1.x files them under the id of each metric it failed to compute ({metric id:
    {raised_exception, exception_message, ...}}), not at the top of `exception_info`; reading
    only the top left a rule that could not run failed, with no word on why."""
    if not info:
        return []
    entries = [info] if "raised_exception" in info else list(info.values())
    return list(dict.fromkeys(str(e.get("exception_message")) for e in entries
                              if isinstance(e, dict) and e.get("raised_exception")
                              and e.get("raised_exception") != "False"))


def _columns(name: str, rows: pl.DataFrame) -> list[str]:
    """The columns of `rows` the suite reads: those its expectations name, or every column when
    one names none (a table-level expectation, or a row_condition, may read any)."""
    named = []
    for exp in suite_spec(name)["expectations"]:
        kwargs = exp["kwargs"]
        columns = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
        columns += kwargs.get("column_list", [])
        if not columns or "row_condition" in kwargs:
            return rows.columns
        named += columns
    return [c for c in dict.fromkeys(named) if c in rows.columns]


def _suite(name: str, rules: frozenset[str] | None = None):
    """Suite `name` (only the expectations of `rules`, when given) as its file reads now."""
    return _built_suite(_suite_text(name), rules)


@cache
def _built_suite(text: str, rules: frozenset[str] | None):
    """A suite built once per process and version of its JSON: a process that validated it
    before the file changed (a test, a sensor's process) kept validating the old rules."""
    from great_expectations.core.expectation_suite import ExpectationSuite

    spec = json.loads(text)
    expectations = [e for e in spec["expectations"] if rules is None or e["meta"]["rule"] in rules]
    return ExpectationSuite(**{**spec, "expectations": expectations})


def _run(suite, frame, result_format: str):
    """Validate a pandas frame with GX's validator, handing GX the frame once.

    `Batch.validate` builds this same validator, which loads the batch again: each frame was
    loaded, and hashed (before `skip_fingerprints`), twice per run.
    """
    from great_expectations.validator.v1_validator import Validator

    validator = Validator(_batch_definition(), {"result_format": result_format},
                          {"dataframe": frame})
    try:
        return validator.validate_expectation_suite(suite, SUITE_PARAMETERS)
    finally:
        forget_batches(_batch_definition().data_asset.datasource)


def forget_batches(datasource) -> None:
    """Drop the frames a GX datasource keeps after validating them, and free them.

    Its engine caches every batch it loaded until another run replaces it, so pandas copies of
    the rows (up to ROWS_PER_VALIDATION of them, one per suite for the Data Docs) stayed in
    memory through every later step of the process: the marts and exports, where a run peaks.
    And a run leaves its copy in reference cycles that only a full collection frees: judging a
    300,000-article day's figures grew by 1.05 GiB over 15 runs without one, by 0.43 GiB with.
    """
    manager = datasource.get_execution_engine().batch_manager
    manager.reset_batch_cache()
    manager.batch_data_cache.clear()
    gc.collect()


def merge_results(into: dict[str, RuleResult], more: dict[str, RuleResult]) -> None:
    """Add the results of one more chunk of rows to those of the earlier chunks."""
    for rule, result in more.items():
        if rule not in into:
            into[rule] = result
            continue
        total = into[rule]
        total.success = total.success and result.success
        total.evaluated += result.evaluated
        total.failing_keys.extend(result.failing_keys)
        total.failing_rows.extend(result.failing_rows[: SAMPLE_ROWS - len(total.failing_rows)])
        total.errors.extend(result.errors)


def plain(value: object) -> object:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)
