"""The static HTML report: what each claimant said over time, the hostage ledger, disputes and
check status, rendered to one self-contained file (charts inline, no JavaScript, no network).

Plain Python with no Dagster imports, so it can be built and tested from any DuckDB connection;
`pipelines/defs/report.py` is the asset that calls it after each run.
"""

from pipelines.report.render import ReportSummary, build_report

__all__ = ["ReportSummary", "build_report"]
