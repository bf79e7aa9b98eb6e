"""Loading gold passages (tests/gold/passages/*.yaml, format in tests/gold/GUIDELINES.md).

Each annotation names its evidence by exact surface text (and occurrence), not by offsets, so
passages stay editable by hand; here every surface is turned into a character span once, and a
surface that is not in the text is an error in the gold set, never silently skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from pipelines import vocabulary

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold" / "passages"
DEFAULTS = {"status": "reported", "hedged": False, "derived": False}


class GoldError(ValueError):
    """A passage file that cannot be scored as written."""


@dataclass
class GoldFigure:
    start: int
    end: int
    expected: dict  # metric, value, qualifier, claimant_class, status, hedged, as_of, derived


@dataclass
class Passage:
    id: str
    split: str
    style: str
    outlet: str
    published: date | None
    text: str
    figures: list[GoldFigure] = field(default_factory=list)
    traps: list[tuple[int, int, str]] = field(default_factory=list)


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """Span of the n-th plain occurrence of `needle` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            raise GoldError(f"{needle!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(needle)


def _published(raw) -> date | None:
    if raw in (None, ""):
        return None
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


def _check_vocabulary(item: dict) -> None:
    checks = (("metric", vocabulary.METRICS), ("qualifier", vocabulary.QUALIFIERS),
              ("claimant_class", vocabulary.CLAIMANT_CLASSES), ("status", vocabulary.STATUSES))
    for key, allowed in checks:
        if key in item and item[key] not in allowed:
            raise GoldError(f"{key} {item[key]!r} is not in the vocabulary")


def load_passage(path: Path) -> Passage:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = doc["text"]
        published = _published(doc.get("published"))
        passage = Passage(id=doc.get("id", path.stem), split=doc.get("split", "dev"),
                          style=doc.get("style", "unknown"), outlet=doc.get("outlet") or "outlet",
                          published=published, text=text)
        for item in doc.get("figures") or []:
            for key in ("surface", "metric", "value", "qualifier", "claimant_class"):
                if key not in item:
                    raise GoldError(f"figure {item.get('surface')!r} has no {key}")
            _check_vocabulary(item)
            start, end = locate(text, str(item["surface"]), item.get("occurrence", 1))
            expected = {**DEFAULTS, "as_of": published.isoformat() if published else None}
            expected.update({k: v for k, v in item.items() if k not in ("surface", "occurrence")})
            if isinstance(expected.get("as_of"), date):
                expected["as_of"] = expected["as_of"].isoformat()
            passage.figures.append(GoldFigure(start, end, expected))
        for trap in doc.get("traps") or []:
            needle, occurrence = ((str(trap), 1) if not isinstance(trap, dict)
                                  else (str(trap["text"]), trap.get("occurrence", 1)))
            start, end = locate(text, needle, occurrence)
            passage.traps.append((start, end, needle))
    except (KeyError, TypeError, yaml.YAMLError, GoldError) as exc:
        raise GoldError(f"{path.name}: {exc}") from exc
    return passage


def load_passages(folder: Path = GOLD_DIR) -> list[Passage]:
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise GoldError(f"no gold passages in {folder}")
    return [load_passage(p) for p in paths]
