"""python -m pipelines.extract [--published YYYY-MM-DD] [--outlet NAME] [FILE]

Prints one JSON object per figure, one per line, in text order. Exit 0 (also when no figure is
found); exit 2 with a one-line message on stderr for unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from pipelines.extract import extract_figures

CONTRACT_KEYS = (
    "metric", "value", "value_low", "value_high", "qualifier", "subject", "location", "claimant",
    "claimant_class", "attribution_explicit", "status", "hedged", "as_of", "derived",
    "span_start", "span_end", "surface", "sentence", "claimant_id",
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--published must be YYYY-MM-DD, got {text!r}") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.extract",
                                     description="Extract attributed figures from an article.")
    parser.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    parser.add_argument("--outlet", help="the publisher (claimant of unattributed figures)")
    parser.add_argument("file", nargs="?", default="-", help="article text (UTF-8); - for stdin")
    def one_line_error(message: str) -> None:  # argparse would add a usage block
        print(f"extract: {message}", file=sys.stderr)
        raise SystemExit(2)

    parser.error = one_line_error  # type: ignore[method-assign]
    args = parser.parse_args(argv)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"extract: cannot read {args.file}: {reason}", file=sys.stderr)
        return 2
    out = sys.stdout
    for figure in extract_figures(text, published=args.published, outlet=args.outlet):
        record = figure.to_dict()
        out.write(json.dumps({k: record[k] for k in CONTRACT_KEYS}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
