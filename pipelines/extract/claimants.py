"""Claimant normalisation: every spelling of one body maps to one claimant id and class.

The registry (`claimants.csv`) is data, loaded into `core.claimants` by the warehouse, so an
analyst can see exactly which spellings count as, say, the Gaza Ministry of Health. The first
registry row whose pattern matches wins, so more specific bodies come first.
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache
from pathlib import Path

REGISTRY = Path(__file__).with_name("claimants.csv")


@cache
def _registry() -> list[tuple[re.Pattern, str, str]]:
    with REGISTRY.open(encoding="utf-8", newline="") as handle:
        return [
            (re.compile(row["pattern"], re.IGNORECASE), row["claimant_id"], row["claimant_class"])
            for row in csv.DictReader(handle)
        ]


def is_known(name: str) -> bool:
    """Whether the registry names this body (whatever its class: a hospital, Lebanon's health
    ministry and foreign intelligence are known bodies of class `other`)."""
    return resolve_claimant(name)[0] in _registry_ids()


@cache
def _registry_ids() -> frozenset[str]:
    return frozenset(i for _, i, _ in _registry())


def by_id(claimant_id: str) -> tuple[str, str]:
    """(claimant_id, claimant_class) of the registry row with that id."""
    return next((i, c) for _, i, c in _registry() if i == claimant_id)


_DOTTED = re.compile(r"\b(?:U\.N\.?|U\.S\.?|U\.K\.?)(?=\s|$)")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


def bare_name(name: str) -> str:
    """A name compared with the outlet's: "the Hermon Report" is the outlet "Hermon Report"."""
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


@lru_cache(maxsize=4096)
def resolve_claimant(name: str, outlet: str | None = None) -> tuple[str, str]:
    """(claimant_id, claimant_class) for a claimant as written.

    `name` equal to the outlet (the publisher speaking for itself) gives ("outlet:<slug>",
    "outlet"); a name no registry pattern knows gives (its slug, "other").
    """
    cleaned = " ".join(name.replace("’", "'").replace("‘", "'").split()).strip(" ,.;:'\"")
    cleaned = _DOTTED.sub(lambda m: m.group().replace(".", ""), cleaned)  # U.N. -> UN
    if outlet is not None and bare_name(cleaned) == bare_name(outlet) or cleaned == "outlet":
        return f"outlet:{slug(cleaned)}", "outlet"
    for pattern, claimant_id, claimant_class in _registry():
        if pattern.search(cleaned):
            return claimant_id, claimant_class
    return slug(cleaned), "other"
