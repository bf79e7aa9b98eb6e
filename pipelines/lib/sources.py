"""The sources file: what Tally ingests, declared in YAML and validated before anything is fetched.

A mistake in the file (an unknown kind, a feed without an outlet, a statistics source without a
format) stops the run with a message naming the entry, instead of being skipped quietly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipelines.vocabulary import METRICS


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the file and the entry."""


class Source(BaseModel):
    """One entry of the sources file."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    kind: Literal["feed", "article", "statistics", "inbox"]
    url: str | None = None
    path: str | None = None
    outlet: str | None = None
    claimant: str | None = None
    format: Literal["techforpalestine", "hxl", "auto"] | None = None
    columns: dict[str, str] | None = None  # HXL hashtag pattern -> metric (overrides defaults)
    # hosts every fetch of the source may reach besides its url's own (`reachable_hosts`)
    allowed_hosts: list[str] | None = None  # (default: any)

    @property
    def reachable_hosts(self) -> list[str] | None:
        """The hosts a fetch of this source may reach, a feed's links and each redirect hop
        alike: `allowed_hosts` and the host of the source's own `url` (None: any host).

        The url's host is on it without being listed: a feed kept on another host than its
        articles (a feed service) lists only theirs, as it did when the list held only for
        links, and its first request is not refused."""
        if self.allowed_hosts is None:
            return None
        own = urlsplit(self.url).hostname if self.url else None
        return [*self.allowed_hosts, *([own] if own else [])]

    @model_validator(mode="after")
    def _check(self) -> Source:
        if self.kind == "inbox":
            if not self.path:
                raise ValueError("an inbox needs a `path`")
        elif bool(self.url) == bool(self.path):
            raise ValueError("give exactly one of `url` or `path`")
        if self.url and not self.url.lower().startswith(("http://", "https://")):
            raise ValueError(f"url must be http(s): {self.url!r}")
        if self.kind in ("feed", "article") and not self.outlet:
            raise ValueError(f"a {self.kind} source needs an `outlet`")
        if self.allowed_hosts is not None:
            if not self.allowed_hosts:
                raise ValueError("allowed_hosts is empty: leave it out to allow any host")
            bad = [h for h in self.allowed_hosts
                   if not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?", h)]
            if bad:
                raise ValueError(f"allowed_hosts must be bare host names (no scheme, port or "
                                 f"path): {bad}")
        if self.kind == "statistics" and not self.format:
            raise ValueError("a statistics source needs a `format` (techforpalestine, hxl, auto)")
        unknown = sorted({m for m in (self.columns or {}).values() if m not in METRICS})
        if unknown:  # else the column would be left unmapped, and only the run's log would say
            raise ValueError(f"columns name metrics Tally does not know: {unknown} (one of: "
                             f"{', '.join(METRICS)})")
        return self

    def local_path(self, base: Path) -> Path | None:
        if not self.path:
            return None
        path = Path(self.path)
        return path if path.is_absolute() else (base / path).resolve()


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[Source]

    @model_validator(mode="after")
    def _unique(self) -> SourcesFile:
        names = [s.name for s in self.sources]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"source names must be unique: {', '.join(dupes)}")
        return self

    @property
    def inboxes(self) -> list[Source]:
        """The dropped-files folders: read by `raw/inbox` and watched by its sensor, while
        `raw/sources` takes every other source."""
        return [s for s in self.sources if s.kind == "inbox"]


def load_sources(path: Path) -> SourcesFile:
    """Parse and validate a sources file (relative paths in it are from the repository root)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourcesError(f"sources file not found: {path}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SourcesError(f"sources file {path} is not valid YAML: {exc}") from exc
    try:
        return SourcesFile.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise SourcesError(f"sources file {path}: {problems}") from exc
