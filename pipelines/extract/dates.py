"""As-of dates: "on October 7", "in November", "on Saturday", "yesterday", resolved against the
publication date. "since October 7" starts a period and is not the date a figure refers to.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from pipelines.extract.sentences import for_lower, list_lead, lower
from pipelines.extract.wordtrie import trie_pattern

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split()
)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WAR_BEGAN = date(2023, 10, 7)
WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|" \
         r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# Written for IGNORECASE, compiled to scan lower-cased text (sentences.for_lower). A pattern
# whose first branches open with a few characters says so in a look-ahead, which lets `re`
# drop most positions at once.
_PATTERNS = [for_lower(p) for p in (
    rf"\b(?:on|of)\s+(?:\w+day,?\s+)?{_MONTH}\s+{_DAY}{_YEAR}\b",
    rf"(?=[t'’])(?:\bthe|['’]s?)\s+{_MONTH}\s+{_DAY}{_YEAR},?\s+(?=(?:attacks?|massacres?|"
               rf"assault|onslaught|incursion|invasion)\b)",  # "Hamas' Oct. 7 attack"
    rf"\b(?:on|of)\s+(?:\w+day,?\s+)?{_DAY}\s+{_MONTH}{_YEAR}\b",
    rf"\bin\s+(?:early\s+|late\s+|mid-)?{_MONTH}{_YEAR}\b",
    # "in the November truce": the month of the truce
    rf"\b(?:in|during)\s+the\s+{_MONTH}{_YEAR}\s+(?=(?:truce|ceasefire|pause|deal|"
    rf"exchanges?|agreement)\b)",
    r"(?=[olemtwfs])\b(?:on\s+|last\s+|late\s+|early\s+)?(?P<weekday>monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b(?!\s+(?:night'?s|morning'?s)\s+attack)",
    # ("a day earlier", "the day before": the day before the story's, or before the day the
    # sentence named first, told without a name)
    # (not "174 deaths over the previous day": a period, ending when the story is told)
    r"(?=[yat])\b(?P<yesterday>yesterday|a day earlier|(?<!over )(?<!in )(?<!during )"
    r"(?<!within )the (?:day before|previous day)(?=\s*(?:[,.;:)]|$)))",
    # the end of a stated period, or "as of", "by": "between 7 October 2023 and 12 September 2024"
    # ("19 January-1 March": a span's end after a dash, right after a month's name or a day)
    rf"(?=[atb]|\s?[–-])(?:\b(?:and|to|as of|by)\s+|(?<=[a-z\d.])\s?[–-]\s?){_DAY}\s+"
    rf"{_MONTH}{_YEAR}\b",
    rf"(?=[atb]|\s?[–-])(?:\b(?:and|to|as of|by)\s+|(?<=[a-z\d.])\s?[–-]\s?){_MONTH}\s+"
    rf"{_DAY}{_YEAR}\b",
)]
_PERIOD_START = re.compile(r"\b(?:since|after|before|until|from|between|following|ahead of)\s*$",
                           re.IGNORECASE)
_STARTED_IN = re.compile(r"\b(?:that|which)\s+(?:began|started|erupted|(?:was|were)\s+launched)"
                         r"\s+$", re.IGNORECASE)
# The verbs of a period's start, named by _PERIOD_EVENT and looked for by _period_word.
_STARTED = ("began", "begun", "started", "erupted", "broke out", "launched")
# "since the war erupted on October 7": the date of the event that starts the period.
_PERIOD_EVENT = re.compile(r"\b(?:since|until)\b(?:(?!\b(?:were|was|are|is|have|has|had)\b)"
                           r"[^,;.:]){0,80}$|"
                           # "Two years after the war began on 7 October 2023, ...": the
                           # anniversary's event, not the date of what follows
                           r"\b(?:years?|months?|weeks?|days?)\s+(?:on\s+)?(?:after|since)\b"
                           r"[^,;.:\d]{0,80}$|"
                           # "since the foundation, a US-backed group, began operating on May
                           # 27", "since troops issued the first evacuation orders on 6 May"
                           r"\bsince\b(?:(?!\b(?:were|was|are|is|have|has|had)\b)[^.;:]){0,100}"
                           rf"\b(?:{'|'.join(_STARTED)}|took effect|"
                           r"resumed|issued|ordered)\b[^,;.:]{0,70}$|"
                           # "killed in the ground offensive that began on Oct. 27": the day a
                           # campaign started; a count made during it is a running total
                           r"\b(?:war|offensive|operation|campaign|invasion|fighting|conflict|"
                           rf"siege|incursion)\b[^.;,]{{0,25}}?\b(?:{'|'.join(_STARTED)})\s+"
                           r"(?:on\s+|in\s+)?$", re.IGNORECASE)


# "since October 7, when Hamas killed 1,200": the date of the when-clause (a mention placed at
# "when", so only the figures after it take it)
_WHEN_CLAUSE = re.compile(rf"\b(?:since|on|of|after)\s+(?:\w+day,?\s+)?(?:{_MONTH}\s+{_DAY}|"
                          rf"{_DAY.replace('day', 'day2')}\s+{_MONTH.replace('month', 'month2')})"
                          rf"{_YEAR},?\s+(?P<when>when|in which|which)\b", re.IGNORECASE)


# "Hamas's October 7 onslaught", "the 7 October attack": the attack named by its date, in
# either order, for `attack_named`
_NAMED_ATTACK = for_lower(rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day', 'day2')}\s+"
                          rf"{_MONTH.replace('month', 'month2')}){_YEAR},?\s+"
                          r"(?:attack|assault|onslaught|massacre|rampage|incursion|raid|"
                          r"(?:death\s+)?toll)s?\b")


def attack_named(low: str, start: int, end: int, published: date | None) -> re.Match | None:
    """The first mention of the attack by the day the war began ("the October 7 assault",
    "Hamas's 7 October attack") between start and end of `low`, a text lower-cased
    (sentences.lower): the tolls told in its clauses are that day's, where a bare "October 7"
    could start a running total."""
    for m in _NAMED_ATTACK.finditer(low, start, end):
        groups = m.groupdict()
        if _resolve_parts(groups["month"] or groups["month2"], groups["day"] or groups["day2"],
                          groups["year"], published) == WAR_BEGAN:
            return m
    return None


# "October 7, 2023 — Gunmen break through ...", "- Friday: 39 prisoners freed": an entry of a
# timeline, or of a tally by day, opens its line with its date (or a span of days, of which the
# last counts), then a dash or a colon.
_HEADING = re.compile(r"[ \t]*(?:[-•*][ \t]+)?(?P<h>[A-Za-z0-9 ,.]{3,40}?)[ \t]*"
                      r"(?:—|–|:|[ \t]-[ \t])")
_SPAN_JOIN = re.compile(r"\s+(?:to|through|until|and)\s+|\s*[–-]\s*", re.IGNORECASE)
_DAY_ALONE = re.compile(rf"{_DAY}{_YEAR}", re.IGNORECASE)
_HEADING_DAY = [re.compile(p, re.IGNORECASE) for p in (
    rf"{_MONTH}\s+{_DAY}{_YEAR}", rf"{_DAY}\s+{_MONTH}{_YEAR}",
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)")]


# "October 7, 2023, community by community" over a bulleted list: the day of all its entries
_LIST_LEAD = re.compile(r"[ \t]*(?P<h>[A-Za-z0-9 ,.]{3,40}?)[ \t]*"
                        r"(?:,(?![ \t]*(?:19|20)\d\d)|:|—|–|\n|$)")


def heading(text: str, line_start: int, published: date | None) -> date | None:
    """The date a line opens with as its heading ("November 24 to December 1, 2023 — ..."), or
    else the one the line leading its bulleted list opens with; None when neither opens with a
    date. The day of what the line tells, where its sentences name none of their own."""
    m = _HEADING.match(text, line_start)
    day = _day_of(m.group("h"), published) if m else None
    if day is None and (lead := list_lead(text, line_start)) is not None:
        m = _LIST_LEAD.match(text, lead)
        day = _day_of(m.group("h"), published) if m else None
    return day


def _day_of(words: str, published: date | None) -> date | None:
    """The day `words` are, if they are only a date or a span of days (its last day; "October
    7 to 13, 2023": the last one named by its day alone, in the month named before it)."""
    value, month = None, None
    for piece in _SPAN_JOIN.split(words.strip()):
        day = next((d for p in _HEADING_DAY if (d := p.fullmatch(piece))), None)
        if day is None and month and (alone := _DAY_ALONE.fullmatch(piece)):
            value = _resolve_parts(month, alone.group("day"), alone.group("year"), published)
            continue
        if day is None:
            return None  # "Truce extended: ...", "Doha –": no heading of a day
        month = day.groupdict().get("month")
        value = _resolve(day, published)
    return value


def _period_word(lowered: str, start: int, end: int) -> bool:
    """Whether lowered[start:end] holds a word _PERIOD_EVENT needs (each branch names one): a
    substring test that spares most dates that costly look back."""
    window = lowered[start:end]
    return "since" in window or "until" in window or "after" in window or \
        any(verb in window for verb in _STARTED)


class DateMention(NamedTuple):
    start: int
    end: int
    value: date


def _resolve(match: re.Match, published: date | None) -> date | None:
    groups = match.groupdict()
    if groups.get("yesterday"):
        return published - timedelta(days=1) if published else None
    if groups.get("weekday"):
        if not published:
            return None
        back = (published.weekday() - WEEKDAYS[lower(groups["weekday"])]) % 7
        return published - timedelta(days=back)
    return _resolve_parts(groups["month"], groups.get("day"), groups.get("year"), published)


def _resolve_parts(month_name: str, day_text: str | None, year_text: str | None,
                   published: date | None) -> date | None:
    month = MONTHS[lower(month_name).rstrip(".")]  # ("İ" folded as IGNORECASE read it)
    day = int(day_text) if day_text else 1
    if year_text:
        year = int(year_text)
    elif (month, day) == (10, 7) and published and published >= WAR_BEGAN:
        return WAR_BEGAN  # a bare "October 7" in this reporting is the day of the attack
    elif published:
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1  # the most recent such date not after publication
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# The words that mark a mention of the day before ("yesterday", "a day earlier", "the previous
# day", "the day before"), for the pre-filter below
_DAY_BEFORE = ("yesterday", "earlier", "previous", "before")
_DAY_BEFORE_PHRASES = ("a day earlier", "the day before", "the previous day")
# Every date pattern names a month, a weekday or "yesterday": sentences without one skip them.
_ANY_DATE_WORD = re.compile(  # scans lower-cased text (sentences.lower)
    r"\b(?=[a-z])" + trie_pattern(list(MONTHS) + list(WEEKDAYS) + list(_DAY_BEFORE)) + r"\b")


# What each pattern needs: a month, a weekday or "yesterday".
_NEEDS = [("month" if "(?P<month>" in p.pattern else
           "weekday" if "(?P<weekday>" in p.pattern else "yesterday", p) for p in _PATTERNS]
# The kind of each word _ANY_DATE_WORD finds. Every match of a pattern holds a word of the kind
# it needs, whole (a space, "-" or "." stands on either side of it), so the kinds of the words
# found say which patterns can match; running only those gives the same mentions.
_KINDS = {**{m: "month" for m in MONTHS}, **{d: "weekday" for d in WEEKDAYS},
          **{w: "yesterday" for w in _DAY_BEFORE}}


def find(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    found: list[DateMention] = []
    base = max(0, start - 1)  # one character before the sentence, for the boundary at its start
    hay = lower(text[base:end])
    lowered = hay[start - base:]  # the sentence itself (lower keeps every offset)
    kinds = {_KINDS[m.group()] for m in _ANY_DATE_WORD.finditer(lowered)}
    if not kinds:
        return found
    for pattern in (p for need, p in _NEEDS if need in kinds):
        for m in pattern.finditer(hay, start - base, end - base):
            m_start, m_end = m.start() + base, m.end() + base
            if _PERIOD_START.search(text, max(start, m_start - 12), m_start) or (
                    _period_word(lowered, max(0, m_start - 180 - start), m_start - start)
                    and _PERIOD_EVENT.search(text, max(start, m_start - 180), m_start)):
                continue
            if hay.startswith("in", m.start()) and _STARTED_IN.search(
                    text, max(start, m_start - 30), m_start):
                continue  # "the ground operation that began in October": when it started,
                # not the date of what it has done since
            if any(d.start <= m_start < d.end for d in found):
                continue
            value = _resolve(m, published)
            if value:
                found.append(DateMention(m_start, m_end, value))
    for m in _WHEN_CLAUSE.finditer(text, start, end) if "when" in lowered or "which" in lowered \
            else ():
        groups = m.groupdict()
        value = _resolve_parts(groups.get("month") or groups["month2"],
                               groups.get("day") or groups["day2"], groups.get("year"), published)
        # "attacks since 7 October, in which 727 were killed": the clause is the attacks'
        since_which = lower(m.group("when")) != "when" and \
            lower(text[m.start():m.start() + 5]) == "since"
        if value and m.start() - start > 3 and not since_which:  # not "Since 18 March, when"
            found.append(DateMention(m.start("when"), m.end("when"), value))
    found.sort(key=lambda d: d.start)
    # "rose to 40,139 on Sunday, up from 40,099 a day earlier": the day before the day named
    # before it in the sentence, else before publication
    return [DateMention(d.start, d.end, found[k - 1].value - timedelta(days=1))
            if k and lowered.startswith(_DAY_BEFORE_PHRASES, d.start - start) else d
            for k, d in enumerate(found)]
