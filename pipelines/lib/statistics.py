"""Statistics payloads (JSON series, HXL-tagged CSV) to figure records.

Each reader maps declared fields to metrics and says who stands behind each value. A reader
never invents a figure: upstream estimates (TechForPalestine's `ext_*` fields, days with no
report) are not claims, and rows it cannot read go to quarantine with the reason.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from pipelines.extract.claimants import resolve_claimant
from pipelines.lib.decoding import decoded, undecodable
from pipelines.lib.records import quarantine_row, stable_id
from pipelines.vocabulary import MAX_COUNT, METRICS


class StatisticsError(ValueError):
    """The whole payload is unusable (not JSON, not a table, no HXL hashtag row, ...)."""


@dataclass
class StatisticsResult:
    figures: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    ignored_fields: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Payload:
    """A statistics payload and where it came from (for attribution and quarantine records)."""

    data: bytes
    source: str
    locator: str
    content_hash: str
    claimant: str | None = None
    columns: dict[str, str] | None = None
    charset: str | None = None  # declared by its server (the manifest's); read by `decoded`


# --- TechForPalestine daily series ------------------------------------------------------------

# Reported fields only. Every `ext_*` twin is an upstream estimate and never becomes a figure.
TFP_FIELDS: dict[str, tuple[str, bool]] = {
    # field: (metric, cumulative)
    "killed_cum": ("killed", True),
    "injured_cum": ("injured", True),
    "killed_children_cum": ("killed_children", True),
    "killed_women_cum": ("killed_women", True),
    "med_killed_cum": ("medics_killed", True),
    "press_killed_cum": ("journalists_killed", True),
    "civdef_killed_cum": ("civil_defence_killed", True),
    "aid_seeker_killed_cum": ("aid_seekers_killed", True),
    "aid_seeker_injured_cum": ("aid_seekers_injured", True),
    "famine_cum": ("famine_deaths", True),
    "child_famine_cum": ("famine_deaths_children", True),
    "killed": ("killed_daily", False),
    "injured": ("injured_daily", False),
    "killed_recovered": ("bodies_recovered_daily", False),
    "killed_succumbed": ("killed_succumbed_daily", False),
    "killed_committee": ("killed_committee_added", False),
    "killed_truce_new": ("killed_since_truce_daily", False),
}
# Fields that are not counts of people (or are row bookkeeping): kept in raw, never figures.
TFP_NOT_FIGURES = {"report_date", "report_source", "report_period", "massacres_cum"}

TFP_CLAIMANTS = {
    "mohtel": ("Gaza Ministry of Health", "gaza_health"),
    "gmotel": ("Gaza Government Media Office", "gaza_gmo"),
    "unocha": ("UN OCHA", "un"),
}


# Digits, or thousands grouped by one separator (comma, space, narrow or no-break space), with
# an optional decimal part. A dot between groups of three ("23.000") is left out: it is the
# thousands of one convention and a decimal point of the other, so it is not read as either.
_NUMBER = re.compile(r"-?(\d+|\d{1,3}(?P<sep>[, \u202f\u00a0])\d{3}((?P=sep)\d{3})*)(\.\d+)?")
_DOT_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+")


def _number(value: object) -> float | None:
    """A count from JSON or CSV; None when it is not a number (booleans are not numbers), or
    when its separators leave its value in doubt ("12,5", "23.000")."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:  # an integer with thousands of digits: absurd, caught later
            return math.inf
    if isinstance(value, str):
        text = value.strip()
        if _NUMBER.fullmatch(text) and not _DOT_GROUPED.fullmatch(text):
            return float(re.sub(r"[, \u202f\u00a0]", "", text))
    return None


def _count_problem(name: str, value: float) -> str | None:
    """Why `value` cannot be a count of people (negative, fractional, absurd), or None."""
    if not math.isfinite(value):
        return f"{name}={value!r} is not a finite number"
    if value < 0:
        return f"{name}={value:g} is negative: a count of people cannot be"
    if value != int(value):
        return f"{name}={value:g} is not a whole number: a count of people must be"
    if value > MAX_COUNT:
        return f"{name}={value:g} is absurd: more than everyone alive ({MAX_COUNT:,})"
    return None


def _future(day: date) -> bool:
    """A report dated after tomorrow (UTC, a day of slack for time zones) cannot exist yet."""
    return day > datetime.now(UTC).date() + timedelta(days=1)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")


def _iso_date(value: object) -> date | None:
    """A YYYY-MM-DD date, with or without a time after it; None for anything else (a range, a
    date with a digit too many), which must not be cut down to a date it does not say."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _figure(
    payload: Payload,
    *,
    dataset_field: str,
    metric: str,
    value: float,
    as_of: date,
    claimant: str,
    claimant_class: str,
    cumulative: bool | None,
    location: str | None,
    subject: str | None,
) -> dict:
    claimant_id, _ = resolve_claimant(claimant)
    return {
        # Who says it and in which file are part of what the figure is: two claimants' values
        # for one day and place, or two files of one source, are side by side, not one figure.
        "figure_id": stable_id("statistics", payload.source, payload.locator, claimant_id, as_of,
                               location, dataset_field),
        "origin": "statistics",
        "dataset": payload.source,
        "dataset_field": dataset_field,
        "source": payload.source,
        "source_url": payload.locator,
        "published": as_of,
        "metric": metric,
        "value": value,
        "value_low": value,
        "value_high": value,
        "qualifier": "exact",
        "subject": subject,
        "location": location,
        "claimant": claimant,
        "claimant_id": claimant_id,
        "claimant_class": claimant_class,
        "attribution_explicit": True,
        "status": "reported",
        "hedged": False,
        "as_of": as_of,
        "derived": False,
        "cumulative": cumulative,
        "surface": f"{dataset_field}={value:g}",
        "content_hash": payload.content_hash,
    }


def _text(payload: Payload, what: str) -> str:
    """The payload's bytes as text, by the rule of pages and text files (`decoded`: UTF-8,
    else the charset its server declared); an error saying why when nothing reads them."""
    text = decoded(payload.data, payload.charset)
    if text is None:
        raise StatisticsError(undecodable(payload.data, payload.charset, what))
    return text


def read_techforpalestine(payload: Payload) -> StatisticsResult:
    """The TechForPalestine daily casualty series (`casualties_daily.json`)."""
    text = _text(payload, "JSON")
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StatisticsError(f"not valid UTF-8 JSON: {exc}") from exc
    except RecursionError as exc:  # "[[[[..." nested deeper than the parser's stack
        raise StatisticsError("not usable JSON: nested too deeply") from exc
    if not isinstance(rows, list):
        raise StatisticsError("expected a JSON array of daily reports")
    objects = [row for row in rows if isinstance(row, dict)]
    if objects and not any(TFP_FIELDS.keys() & row.keys() for row in objects):
        # Not one reported field anywhere: the upstream renamed its fields, not a bad day.
        seen = sorted({str(name) for row in objects for name in row})
        raise StatisticsError("no known field (killed_cum, injured_cum, ...) in any row: the "
                              f"series' schema changed? fields seen: {', '.join(seen[:12])}")
    result = StatisticsResult()

    def reject(rule: str, reason: str, key: str, row: object) -> None:
        result.quarantine.append(
            quarantine_row(
                stage="statistics", rule=rule, reason=reason, source=payload.source,
                locator=payload.locator, content_hash=payload.content_hash, record_key=key,
                record=row if isinstance(row, dict) else {"value": row},
            )
        )

    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            reject("statistics_row_shape", "row is not a JSON object", f"row {index}", row)
            continue
        day = _iso_date(row.get("report_date"))
        if day is None:
            reject("statistics_row_date", f"report_date {row.get('report_date')!r} is not a "
                   "YYYY-MM-DD date", f"row {index}", row)
            continue
        if _future(day):
            reject("statistics_row_date", f"report_date {day} is in the future",
                   f"row {index}", row)
            continue
        source_code = row.get("report_source")
        if "report_source" not in row:
            reject("statistics_claimant", "report_source is missing: no claimant",
                   f"row {index} ({day})", row)
            continue
        if source_code == "missing":
            reject("statistics_unreported_day", "report_source is 'missing': the day's values "
                   "are upstream fill-ins, not anyone's claim", f"row {index} ({day})", row)
            continue
        if source_code not in TFP_CLAIMANTS:
            reject("statistics_claimant", f"unknown report_source {source_code!r}: no claimant",
                   f"row {index} ({day})", row)
            continue
        claimant, claimant_class = TFP_CLAIMANTS[source_code]
        if not any(name in TFP_FIELDS for name in row):
            reject("statistics_row_fields", "the row has no reported field ("
                   + ", ".join(sorted(TFP_FIELDS)[:4]) + ", ...)", f"row {index} ({day})", row)
            continue
        for name, raw in row.items():
            if name.startswith("ext_") or name in TFP_NOT_FIGURES:
                continue
            if name not in TFP_FIELDS:
                result.ignored_fields.add(name)
                continue
            value = _number(raw)
            if value is None:
                reject("statistics_value_type", f"{name}={raw!r} is not a number",
                       f"row {index} ({day}):{name}", row)
                continue
            problem = _count_problem(name, value)
            if problem:
                reject("statistics_value_range", problem, f"row {index} ({day}):{name}", row)
                continue
            metric, cumulative = TFP_FIELDS[name]
            result.figures.append(
                _figure(payload, dataset_field=name, metric=metric, value=value, as_of=day,
                        claimant=claimant, claimant_class=claimant_class, cumulative=cumulative,
                        location="Gaza", subject="Palestinians")
            )
    return result


# --- HXL-tagged CSV ---------------------------------------------------------------------------

# Default hashtag patterns; a source may add or override them with `columns:`.
HXL_DEFAULT_COLUMNS = {
    "#affected+killed": "killed",
    "#affected+killed+children": "killed_children",
    "#affected+killed+women": "killed_women",
    "#affected+injured": "injured",
    "#affected+wounded": "injured",
    "#affected+missing": "missing",
    "#affected+abducted": "abducted",
    "#affected+displaced": "displaced",
    "#affected+idps": "displaced",
    "#population": "population",
}
HXL_LOCATION_TAGS = ("#adm2", "#adm1", "#loc", "#country")  # the most specific first
# Attributes a count column may carry beyond its pattern's and still count what the pattern
# names: "a number", "in total", "of individuals". Any other (+f, +children, +hh, +pct) counts
# a part of the people, or something else, and is never read as the whole.
HXL_NEUTRAL_ATTRIBUTES = frozenset({"num", "total", "ind"})
# A count over the report's period, not a running total: read as the pattern's `<metric>_daily`.
HXL_PERIOD_ATTRIBUTES = frozenset({"new", "daily"})
HXL_CLAIMANT_TAGS = ("#meta+source", "#org")


def _parse_tag(cell: str) -> tuple[str, frozenset[str]] | None:
    """'#affected +killed +f' -> ('affected', {'killed', 'f'}); None when not a hashtag."""
    text = cell.strip().lower().replace(" ", "")
    if not re.fullmatch(r"#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*", text):
        return None
    tag, *attrs = text[1:].split("+")
    return tag, frozenset(attrs)


def _matches(pattern: str, column: tuple[str, frozenset[str]]) -> bool:
    parsed = _parse_tag(pattern)
    return parsed is not None and parsed[0] == column[0] and parsed[1] <= column[1]


def _metric(patterns: dict[str, str], column: tuple[str, frozenset[str]]) -> str | None:
    """The metric a count column holds, by the most specific pattern it matches (+killed+children
    beats +killed); None when its other attributes say it counts something else.

    `#affected+killed+f` is women and girls only: read as `killed` it would sit beside the
    whole toll as a contradiction, so it stays unmapped unless a pattern names it."""
    hits = [p for p in patterns if _matches(p, column)
            and column[1] - _parse_tag(p)[1] <= HXL_NEUTRAL_ATTRIBUTES | HXL_PERIOD_ATTRIBUTES]
    if not hits:
        return None
    best = max(hits, key=lambda p: (len(_parse_tag(p)[1]), p))
    metric = patterns[best]
    if column[1] & HXL_PERIOD_ATTRIBUTES and not _parse_tag(best)[1] & HXL_PERIOD_ATTRIBUTES:
        metric = f"{metric}_daily"  # the period count of a running total's metric
    return metric if metric in METRICS else None


def read_hxl(payload: Payload) -> StatisticsResult:
    """A CSV with an HXL hashtag row (within the first 25 rows) under or instead of headers."""
    text = _text(payload, "CSV")
    try:
        table = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:  # a field over csv's size limit, a NUL byte, ...
        raise StatisticsError(f"not a readable CSV: {exc}") from exc
    tag_row_index = None
    for i, row in enumerate(table[:25]):
        cells = [c for c in row if c.strip()]
        if cells and all(_parse_tag(c) for c in cells):
            tag_row_index = i
            break
    if tag_row_index is None:
        raise StatisticsError("no HXL hashtag row (e.g. '#date,#adm1+name,#affected+killed') "
                              "in the first 25 rows")
    tags = [_parse_tag(c) if c.strip() else None for c in table[tag_row_index]]
    patterns = {**HXL_DEFAULT_COLUMNS, **(payload.columns or {})}

    def find(prefixes: tuple[str, ...]) -> list[int]:
        """The columns of `prefixes`' tags, in the order of `prefixes`."""
        return [i for prefix in prefixes for i, tag in enumerate(tags)
                if tag and _matches(prefix, tag)]

    date_col = next(iter(find(("#date",))), None)
    if date_col is None:
        raise StatisticsError("HXL table has no #date column")
    location_cols = find(HXL_LOCATION_TAGS)
    claimant_col = next(iter(find(HXL_CLAIMANT_TAGS)), None)
    metric_cols = {}
    result = StatisticsResult()
    for i, tag in enumerate(tags):
        if tag is None or i in (date_col, claimant_col, *location_cols):
            continue
        metric = _metric(patterns, tag)
        if metric:
            metric_cols[i] = (metric, "#" + "+".join([tag[0], *sorted(tag[1])]))
        else:
            result.ignored_fields.add(table[tag_row_index][i].strip())
    if not metric_cols:
        raise StatisticsError("no HXL column maps to a metric (e.g. #affected+killed)")

    header = [c.strip() for c in table[0]] if tag_row_index > 0 else None
    for line_no, row in enumerate(table[tag_row_index + 1 :], start=tag_row_index + 2):
        if not any(c.strip() for c in row):
            continue
        record = dict(zip(header or [t and "#" + t[0] for t in tags], row, strict=False))
        key = f"line {line_no}"

        def reject(rule: str, reason: str, record_key: str = key, record: dict = record) -> None:
            result.quarantine.append(
                quarantine_row(stage="statistics", rule=rule, reason=reason,
                               source=payload.source, locator=payload.locator,
                               content_hash=payload.content_hash, record_key=record_key,
                               record=record)
            )

        cell = row[date_col] if date_col < len(row) else ""
        day = _iso_date(cell)
        if day is None:
            reject("statistics_row_date", f"#date {cell!r} is not a YYYY-MM-DD date")
            continue
        if _future(day):
            reject("statistics_row_date", f"#date {day} is in the future")
            continue
        claimant = (row[claimant_col].strip() if claimant_col is not None
                    and claimant_col < len(row) else "") or payload.claimant
        if not claimant:
            reject("statistics_claimant", "no claimant: the row has no #org/#meta+source and "
                   "the source declares no `claimant`")
            continue
        # the most specific place the row names: a region's total leaves its district blank
        location = next((row[i].strip() for i in location_cols
                         if i < len(row) and row[i].strip()), None)
        claimant_id, claimant_class = resolve_claimant(claimant)
        for i, (metric, tag_text) in metric_cols.items():
            cell = row[i].strip() if i < len(row) else ""
            if not cell:
                continue
            value = _number(cell)
            if value is None:
                reject("statistics_value_type", f"{tag_text}={cell!r} is not a number",
                       f"{key}:{tag_text}")
                continue
            problem = _count_problem(tag_text, value)
            if problem:
                reject("statistics_value_range", problem, f"{key}:{tag_text}")
                continue
            figure = _figure(payload, dataset_field=tag_text, metric=metric, value=value,
                             as_of=day, claimant=claimant, claimant_class=claimant_class,
                             cumulative=not ({"daily", "new"} & set(tag_text.split("+"))),
                             location=location, subject=None)
            figure["claimant_id"] = claimant_id
            result.figures.append(figure)
    return result


def detect_format(data: bytes) -> str | None:
    """Guess the format of a dropped statistics file from its content."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"[") and b"report_date" in head:
        return "techforpalestine"
    if b"#" in head and not head.startswith((b"[", b"{")):
        return "hxl"
    return None


READERS = {"techforpalestine": read_techforpalestine, "hxl": read_hxl}


def read_statistics(payload: Payload, fmt: str) -> StatisticsResult:
    if fmt == "auto":
        fmt = detect_format(payload.data) or ""
    if fmt not in READERS:
        raise StatisticsError("unrecognised statistics format (expected a TechForPalestine "
                              "daily series or an HXL-tagged CSV)")
    return _once_each(READERS[fmt](payload), payload)


def _once_each(result: StatisticsResult, payload: Payload) -> StatisticsResult:
    """The first value of each claimant, day, place and field of the payload; every later one in
    quarantine, with both values in its reason.

    A series says one thing once: a second row for the same day is a copy or a correction the
    file does not tell apart, and a figure id names one value, so the second cannot load."""
    first: dict[str, dict] = {}
    for figure in result.figures:
        earlier = first.setdefault(figure["figure_id"], figure)
        if earlier is figure:
            continue
        place = f" in {figure['location']}" if figure["location"] else ""
        result.quarantine.append(quarantine_row(
            stage="statistics", rule="statistics_duplicate",
            reason=f"{figure['dataset_field']} for {figure['as_of']}{place} by "
                   f"{figure['claimant']} again: {figure['value']:g}, where the payload first "
                   f"said {earlier['value']:g}; the first is kept",
            source=payload.source, locator=payload.locator, content_hash=payload.content_hash,
            record_key=f"{figure['figure_id']} ({len(result.quarantine)})", record=figure))
    result.figures = list(first.values())
    return result
