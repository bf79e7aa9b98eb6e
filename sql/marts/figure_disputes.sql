-- marts.figure_disputes: one row per pair of claims from different claimants about the same
-- population (metric, subject class, compatible location) whose dates are at most a day apart,
-- side by side with the spread. `relation` same_metric: the two values cannot both be true
-- (their ranges do not meet) yet are within tenfold of each other (further apart, they count
-- different things: one event's toll against a running total). `relation` part_of_total: a
-- part counted by one claimant next to the total counted by another (militants killed per the
-- army vs the ministry's toll), kept whether or not they conflict (`conflict`: the part
-- exceeds the total). Article claims are compared with article claims, and a statistics
-- series only with another dataset on the same day; how articles stand against a series is
-- marts.corroboration's job.
--
-- Each side names its claim (claim_id_a, claim_id_b), not its mentions: core.claims holds the
-- figure_ids once. A copy of both lists in every pair came to 15.6 million figure ids for 2.45
-- million mentions at 300,000 articles, and writing it took most of this mart's time.
-- sql/examples/dispute_sentences.sql reads each side back to its sentences.
with

claims as (
    select
        *,
        -- the range a claim allows: "more than 100" is [100, inf), "under 100" is [0, 100],
        -- "about 1,200" (no bound either way) 2% either side, as marts.corroboration's close
        case
            when value_low is null and value_high is null then value * 0.98
            when value_low is null then 0
            else value_low
        end as allows_low,
        case
            when value_low is null and value_high is null then value * 1.02
            when value_high is null then 'infinity'::double
            else value_high
        end as allows_high,
        case when origins = ['statistics'] then datasets end as series_datasets,
        -- a range with no upper bound still has a size: its lower bound
        coalesce(value_high, value_low, value) as magnitude,
    from core.claims
    where status in ('reported', 'estimate')
),

-- A part and its total, as counted by the metric vocabulary.
parts as (
    select *
    from (
        values
            ('militants_killed', 'killed')
    ) as t (part_metric, total_metric)
),

-- The days a claim is set against: its own, the day before and the day after.
shifts as (
    select *
    from (
        values (-1), (0), (1)
    ) as t (days)
),

-- Candidate pairs, each kind joined on its equality keys with the other claim's day as one of
-- them: a hash join on metric, subject and day. With the date as a range instead, each claim
-- was compared with every claim of its metric and subject (4.7 s against 1.0 s for the whole
-- select at 300,000 articles, the same rows).
candidates as (
    -- the same metric and subject: values that cannot both be true, yet within tenfold
    select a.claim_id as claim_id_a, b.claim_id as claim_id_b,
    from claims as a
    cross join shifts
    inner join claims as b
        on a.metric = b.metric
        and a.subject_class = b.subject_class
        and b.as_of = a.as_of + shifts.days
    where
        a.claimant_id < b.claimant_id
        and (a.allows_high < b.allows_low or b.allows_high < a.allows_low)
        and greatest(a.magnitude, b.magnitude) <= 10 * least(a.magnitude, b.magnitude)

    union all

    -- a part next to its total
    select a.claim_id as claim_id_a, b.claim_id as claim_id_b,
    from claims as a
    inner join parts on parts.part_metric = a.metric
    cross join shifts
    inner join claims as b
        on b.metric = parts.total_metric
        and b.as_of = a.as_of + shifts.days
    where
        a.claimant_id != b.claimant_id
        and (
            a.subject_class = b.subject_class
            or a.subject_class = 'all'
            or b.subject_class = 'all'
        )
),

-- What both kinds share: a place both can speak of, and articles compared with articles
-- (a statistics series only with another dataset on the same day).
pairs as (
    select
        case when a.metric = b.metric then 'same_metric' else 'part_of_total' end as relation,
        a.metric as metric_a,
        b.metric as metric_b,
        a.subject_class,
        case when a.location_class = 'unspecified' then b.location_class else a.location_class end
            as location_class,
        least(a.as_of, b.as_of) as window_start,
        greatest(a.as_of, b.as_of) as window_end,
        a.claim_id as claim_id_a,
        a.claimant_id as claimant_id_a,
        a.claimant_class as claimant_class_a,
        a.as_of as as_of_a,
        a.value as value_a,
        a.allows_low as low_a,
        a.allows_high as high_a,
        a.qualifiers as qualifiers_a,
        a.outlets as outlets_a,
        a.datasets as datasets_a,
        b.claim_id as claim_id_b,
        b.claimant_id as claimant_id_b,
        b.claimant_class as claimant_class_b,
        b.as_of as as_of_b,
        b.value as value_b,
        b.allows_low as low_b,
        b.allows_high as high_b,
        b.qualifiers as qualifiers_b,
        b.outlets as outlets_b,
        b.datasets as datasets_b,
    from candidates as c
    inner join claims as a on a.claim_id = c.claim_id_a
    inner join claims as b on b.claim_id = c.claim_id_b
    where
        (
            a.location_class = b.location_class
            or a.location_class = 'unspecified'
            or b.location_class = 'unspecified'
        )
        and (
            (a.series_datasets is null and b.series_datasets is null)
            or (a.series_datasets != b.series_datasets and a.as_of = b.as_of)
        )
),

final as (
    select
        *,
        abs(value_a - value_b) as spread,
        round(abs(value_a - value_b) / nullif(greatest(value_a, value_b), 0), 4) as spread_ratio,
        relation = 'same_metric' or low_a > high_b as conflict,
    from pairs
)

select * from final
order by window_start, metric_a, metric_b, claimant_id_a, claimant_id_b, claim_id_a, claim_id_b
