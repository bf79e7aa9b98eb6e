"""The controlled vocabularies of CONTRACT §2, and Tally's documented extensions, in one place.

Great Expectations suites reference these lists as suite parameters, so a check and the code that
produces figures can never disagree on what a valid metric or class is.
"""

CONTRACT_METRICS = (
    "killed",
    "killed_children",
    "killed_women",
    "medics_killed",
    "journalists_killed",
    "aid_workers_killed",
    "soldiers_killed",
    "militants_killed",
    "injured",
    "missing",
    "abducted",
    "hostages_remaining",
    "hostages_alive",
    "hostages_dead",
    "hostages_released",
    "hostages_rescued",
    "hostage_bodies_recovered",
    "prisoners_released",
    "displaced",
    "sheltering",
    "population",
)

# Extensions, used for statistics-series fields that count people but fit no contract metric.
# Period counts get their own names so "latest killed" never picks up one day's count.
EXTENSION_METRICS = (
    "killed_daily",  # killed in the report period (24-96 h), not cumulative
    "injured_daily",
    "civil_defence_killed",
    "aid_seekers_killed",
    "aid_seekers_injured",
    "famine_deaths",
    "famine_deaths_children",
    "bodies_recovered_daily",  # bodies recovered in the report period (e.g. from rubble)
    "killed_succumbed_daily",  # injured who died of their wounds, in the report period
    "killed_committee_added",  # deaths added to the toll after review by a ministry committee
    "killed_since_truce_daily",
)

METRICS = CONTRACT_METRICS + EXTENSION_METRICS

CLAIMANT_CLASSES = (
    "gaza_health",
    "gaza_gmo",
    "hamas",
    "israel_military",
    "israel_gov",
    "un",
    "us_gov",
    "outlet",
    "other",
)

QUALIFIERS = (
    "exact",
    "approx",
    "more_than",
    "at_least",
    "less_than",
    "up_to",
    "nearly",
    "range",
    "fraction_of",
)

STATUSES = ("reported", "proposed", "planned", "estimate")

# More than everyone alive: no count of people can be this large, whatever the metric. The
# statistics readers quarantine a larger value, and the figures suite (`max_count`) every figure.
MAX_COUNT = 10_000_000_000
