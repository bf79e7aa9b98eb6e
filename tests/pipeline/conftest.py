"""Tables of the sample warehouse whose row counts a re-run must not change.

The session-scoped `built` fixture (the sample warehouse, built twice by the real assets) lives
in tests/conftest.py so that every test folder shares one build.
"""

TABLES = ("raw.payloads", "raw.fetch_log", "core.articles", "core.figures", "core.claimants",
          "core.claims", "core.claim_mentions", "marts.hostage_ledger", "marts.figure_disputes",
          "marts.corroboration", "marts.revisions", "quality.quarantine")
