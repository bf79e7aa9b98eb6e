"""Small helpers for the extractor tests: run the extractor and pick figures by surface."""

from __future__ import annotations

from datetime import date

from pipelines.extract import extract_figures

PUBLISHED = date(2024, 2, 8)  # a Thursday


def figures(text: str, published: date | None = PUBLISHED, outlet: str | None = "Test Wire"):
    return [f.to_dict() for f in extract_figures(text, published=published, outlet=outlet)]


def one(text: str, surface: str, **kwargs) -> dict:
    """The single figure whose span overlaps the first occurrence of `surface`."""
    start = text.index(surface)
    end = start + len(surface)
    hits = [f for f in figures(text, **kwargs) if f["span_start"] < end and start < f["span_end"]]
    assert len(hits) == 1, f"{surface!r}: expected one figure, got {hits}"
    return hits[0]


def none_at(text: str, surface: str, **kwargs) -> bool:
    """True when no figure overlaps `surface` (a trap)."""
    start = text.index(surface)
    end = start + len(surface)
    return not [f for f in figures(text, **kwargs) if f["span_start"] < end and start < f["span_end"]]
