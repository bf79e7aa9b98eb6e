"""Figures in an article: every count of people with its claimant, qualifier, status and date.

Each sentence that holds a number (a cheap pre-scan skips the rest) is read once: numbers are
found, those that count no people are dropped, the rest get a metric from the people counted and
the nearest event word, and a claimant from the sentence's attribution (or an earlier claimant
for "he said", or the outlet). Spans always index the original text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from pipelines.extract import attribution, dates, metrics, sentences
from pipelines.extract.claimants import resolve_claimant
from pipelines.extract.numbers import QUICK, NumberMention, bounds_for, find_numbers

_HEDGE = re.compile(
    r"\b(?:believed|believes|thought to be|reportedly|is said to|are said to|were said to|"
    r"unverified|allegedly|(?:could|can)(?:not|n't| not) be (?:independently )?verified|"
    r"presumed|feared)\b",
    re.IGNORECASE,
)
_VERIFY_NEXT = re.compile(r"(?:could|can)(?:not|n't| not) be (?:independently )?verified",
                          re.IGNORECASE)
_PROPOSED = re.compile(
    r"\b(?:would|proposal|proposed|proposes|propose|offer(?:ed|s)?|demand(?:s|ed|ing)?|"
    r"under the (?:deal|agreement|plan|proposal|terms|framework)|terms of|draft|framework|"
    r"calls? for|calling for|seeks?|sought)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:will be|will|are to be|is to be|set to|scheduled to|expected to|due to|slated to)\b",
    re.IGNORECASE,
)
_ESTIMATE = re.compile(r"\bestimat(?:e|es|ed)\b", re.IGNORECASE)
_LOCATION = re.compile(
    r"\b(?:in|inside|across|throughout|from|at)\s+(?P<loc>(?:the\s+)?(?:(?:northern|southern|"
    r"central|eastern|western|occupied)\s+)?(?:[A-Z][\w'’-]+)(?:\s+(?:Strip|Bank|Israel|"
    r"area|city|camp|Younis|Lahiya|Hanoun|al-Balah|[A-Z][\w'’-]+)){0,2})"
)
_POSSESSIVE_PLACE = re.compile(r"\b(?:Gaza|Israel|Rafah|the Strip|the enclave|the territory)"
                               r"(?:'s|’s)\s+$")
_NOT_LOCATION = {"Hamas", "October", "November", "December", "January", "February", "March",
                 "April", "May", "June", "July", "August", "September", "The", "A", "An"}


@dataclass
class Figure:
    metric: str
    value: float
    value_low: float | None
    value_high: float | None
    qualifier: str
    subject: str | None
    location: str | None
    claimant: str
    claimant_class: str
    claimant_id: str
    attribution_explicit: bool
    status: str
    hedged: bool
    as_of: str | None
    derived: bool
    span_start: int
    span_end: int
    surface: str
    sentence: str

    def to_dict(self) -> dict:
        return asdict(self)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 4)


def _status(sentence: str) -> str:
    if _PROPOSED.search(sentence):
        return "proposed"
    if _PLANNED.search(sentence):
        return "planned"
    if _ESTIMATE.search(sentence):
        return "estimate"
    return "reported"


def _location(text: str, start: int, end: int) -> str | None:
    for m in _LOCATION.finditer(text, start, end):
        loc = m.group("loc")
        first = loc.split()[0]
        if first not in _NOT_LOCATION and not (first == "the" and len(loc.split()) == 1):
            return loc
    return None


def _as_of(mentions: list[dates.DateMention], text: str, pos: int, end: int,
           published: date | None) -> date | None:
    """The nearest date before the figure in its clause, else one right after it."""
    before = [d for d in mentions if d.end <= pos
              and not attribution.CLAUSE_SPLIT.search(text, d.end, pos)]
    if before:
        return before[-1].value
    after = [d for d in mentions if d.start >= end and not re.search(r"[,;]", text[end:d.start])]
    if after:
        return after[0].value
    return published


class _Claimants:
    """The last named claimant, for pronouns and role nouns in later sentences."""

    def __init__(self) -> None:
        self.last: str | None = None

    def resolve(self, found: attribution.Attribution) -> tuple[str, bool]:
        if found.generic:
            if self.last:
                return self.last, False
            return found.claimant, True
        self.last = found.claimant
        return found.claimant, True


def extract_figures(text: str, published: date | None = None,
                    outlet: str | None = None) -> list[Figure]:
    """Every figure in `text`, in text order (CONTRACT §2)."""
    outlet_name = outlet or "outlet"
    figures: list[Figure] = []
    memory = _Claimants()
    spans = sentences.split(text)
    for index, sent in enumerate(spans):
        s_start, s_end = sent.start, sent.end
        cues = attribution.find(text, s_start, s_end)
        if not QUICK.search(text, s_start, s_end):
            for cue in cues:  # still remember who spoke, for "he said" later on
                memory.resolve(cue)
            continue
        sentence = text[s_start:s_end]
        mentions = [n for n in find_numbers(text, s_start, s_end)
                    if n.fraction or not metrics.is_excluded(
                        text, n.num_start, n.num_end, text[n.num_start:n.num_end])]
        if not mentions:
            for cue in cues:
                memory.resolve(cue)
            continue
        events = metrics.events_in(text, s_start, s_end)
        date_mentions = dates.find(text, s_start, s_end, published)
        hedged_sentence = bool(_HEDGE.search(sentence)) or bool(
            index + 1 < len(spans)
            and _VERIFY_NEXT.search(text, spans[index + 1].start, spans[index + 1].end)
        )
        status = _status(sentence)
        quote_speaker = None
        if not cues and attribution.opens_quote(sentence):
            for later in spans[index + 1 : index + 4]:
                if later.paragraph != sent.paragraph and text[later.start] not in "“\"":
                    break
                later_cues = attribution.find(text, later.start, later.end)
                if later_cues:
                    quote_speaker = later_cues[0]
                    break
        resolved = {}
        for cue in cues:
            resolved[cue] = memory.resolve(cue)
        made = _figures_in_sentence(text, s_start, s_end, mentions, events)
        for mention, metric, people, derived in made:
            cue = attribution.choose(cues, text, mention.start)
            if cue is not None:
                claimant, explicit = resolved[cue]
            elif quote_speaker is not None:
                claimant, explicit = memory.resolve(quote_speaker)
            else:
                claimant, explicit = outlet_name, False
            claimant_id, claimant_class = resolve_claimant(claimant, outlet_name)
            as_of = _as_of(date_mentions, text, mention.start, mention.end, published)
            value, low, high = mention.value, mention.value_low, mention.value_high
            qualifier = mention.qualifier
            if derived is not None:  # a share of a base figure
                value = mention.fraction * derived
                low, high = bounds_for(qualifier, value)
                qualifier = "fraction_of"
            figures.append(Figure(
                metric=metric, value=_number(value),
                value_low=None if low is None else _number(low),
                value_high=None if high is None else _number(high),
                qualifier=qualifier, subject=people.subject if people else None,
                location=_location(text, mention.end, s_end),
                claimant=claimant, claimant_class=claimant_class, claimant_id=claimant_id,
                attribution_explicit=explicit, status=status, hedged=hedged_sentence,
                as_of=as_of.isoformat() if as_of else None, derived=derived is not None,
                span_start=mention.start, span_end=mention.end,
                surface=text[mention.start : mention.end], sentence=sentence,
            ))
    return figures


def _figures_in_sentence(text: str, s_start: int, s_end: int, mentions: list[NumberMention],
                         events: list) -> list[tuple]:
    """(mention, metric, people, base value or None) for the mentions that count people."""
    out = []
    sentence = text[s_start:s_end]
    previous_people = None
    for i, mention in enumerate(mentions):
        if mention.fraction is not None:
            base = mentions[i + 1] if i + 1 < len(mentions) else None
            if base is None or base.fraction is not None or base.start - mention.end > 20:
                continue
            people = metrics.people_after(text, base.num_end, s_end)
            if people.group in (None, "thing"):
                continue
            event = metrics.nearest_event(
                [e for e in events if e[0] >= people.end], people.end, people.end)
            metric = metrics.metric_for(people.group, event, sentence)
            if metric:
                out.append((mention, metric, people, base.value))
            continue
        people = metrics.people_after(text, mention.num_end, s_end)
        of_whom = re.match(r"\s+of\s+(?:whom|them|those)\b",
                           text[mention.num_end:mention.num_end + 20])
        if of_whom:
            people = previous_people or people
        if people.group == "thing":
            continue
        if (people.group == "people" or people.group is None) and _POSSESSIVE_PLACE.search(
            text, max(s_start, mention.start - 20), mention.start
        ):
            out.append((mention, "population", people, None))
            previous_people = people
            continue
        if people.group is None and mention.is_word and mention.value < 10:
            continue  # "one of", "two of the", bare small number words are rarely counts
        skip = None
        if people.group == "hostages" and people.subject and not of_whom:
            # "the 132 remaining captives": the adjective belongs to the noun phrase
            skip = (mention.num_end, people.end)
            if re.search(r"\bremaining\b", text[mention.num_end:people.end], re.IGNORECASE):
                out.append((mention, "hostages_remaining", people, None))
                previous_people = people
                continue
        # "41 of whom are believed dead": the verb after the number decides
        event = (of_whom and metrics.nearest_event(events, mention.num_start, mention.num_end,
                                                   after_only=True)) \
            or metrics.nearest_event(events, mention.num_start, mention.num_end, skip)
        metric = metrics.metric_for(people.group, event, sentence)
        if metric is None:
            continue
        out.append((mention, metric, people, None))
        if people.group is not None:
            previous_people = people
    return out
