"""One measured run of the real `ingest_job`, in a fresh process: `python -m pipelines.bench.trial`.

Why a process of its own: the lake, sources file and warehouse are read from the environment when
`pipelines.definitions` is imported (as for `make run`), and peak memory must be that of the
pipeline's process tree alone, not of the bench that generated the corpus or scored the result.
Prints one JSON object: job seconds, peak RSS of the tree, seconds per step and per check suite.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.bench.trial")
    parser.add_argument("--lake", required=True)
    parser.add_argument("--sources", required=True)
    parser.add_argument("--partition", required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.update({"TALLY_LAKE": args.lake, "TALLY_SOURCES": args.sources,
                       "DUCKDB_PATH": os.path.join(args.lake, "warehouse.duckdb"),
                       "TALLY_EXTRACT_WORKERS": str(args.workers)})

    import dagster as dg

    from pipelines.bench.measure import PeakRss, check_timer, step_peaks, step_spans
    from pipelines.definitions import defs

    job = defs.resolve_job_def("ingest_job")
    with dg.DagsterInstance.ephemeral() as instance, PeakRss() as rss, check_timer() as checks:
        start = time.perf_counter()
        result = job.execute_in_process(partition_key=args.partition, instance=instance,
                                        raise_on_error=False, tags={"tally/trigger": "bench"})
        job_s = time.perf_counter() - start
        spans = step_spans(instance, result.run_id)
    steps = {step: end - start for step, (start, end) in spans.items()}
    failures = [f"{e.step_key}: {e.message}" for e in result.all_events if e.is_failure]
    json.dump({"success": result.success, "job_s": job_s, "peak_rss": rss.peak,
               "steps": steps, "step_peak_rss": step_peaks(spans, rss.by_second),
               "checks": dict(checks), "failures": failures}, sys.stdout)
    return 0 if result.success else 1


if __name__ == "__main__":
    raise SystemExit(main())
