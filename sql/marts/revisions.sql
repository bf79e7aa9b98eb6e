-- marts.revisions: one row per claim in a claimant's series of values for one metric, in the
-- order the values appeared, with the previous value and whether this one revises it.
-- Two kinds of series:
--   running: the claimant's current figure (as_of within two days of publication), keyed by
--     claimant, metric, subject class and location class, in as_of order. For cumulative
--     metrics (tolls, abducted, released, ...) each decrease is flagged `revision`
--     (revision_kind 'decrease'); for levels (hostages still held, displaced, ...) nothing is.
--     A claim under a tenth of the series' earlier maximum counts one event (274 killed in one
--     raid next to a toll of 36,000): kind 'event_count', outside the series.
--   restatement: figures about a past date (as_of more than two days before publication, such
--     as the toll of October 7), keyed by claimant, metric, subject class and that date, in the
--     order they were published (and stated, within one article). Every change of value is a
--     revision (revision_kind 'restated'): 1,400 then 1,200 killed on October 7. The first
--     restatement of a date is compared with the same claimant's last figure for that date given
--     while it was current (a running claim; locations equal or one unspecified): 1,400 killed
--     on October 7, said on October 8, then 1,200 on November 10 is a revision too.
-- Revisions are what claimants did, not errors: nothing here is quarantined.
--
-- Rows name their claims (claim_id); core.claims holds each claim's mentions (figure_ids).
with

cumulative_metrics as (
    select unnest([
        'killed', 'killed_children', 'killed_women', 'medics_killed', 'journalists_killed',
        'aid_workers_killed', 'soldiers_killed', 'militants_killed', 'injured', 'abducted',
        'hostages_released', 'hostages_rescued', 'hostage_bodies_recovered',
        'civil_defence_killed', 'aid_seekers_killed', 'aid_seekers_injured', 'famine_deaths',
        'famine_deaths_children'
    ]) as metric
),

claims as (
    select
        claims.*,
        claims.metric in (select metric from cumulative_metrics) as cumulative_metric,
        case when claims.as_of < claims.first_seen - 2 then 'restatement' else 'running' end
            as series_kind,
    from core.claims as claims
    where
        claims.status in ('reported', 'estimate')
        -- period counts (one report's day) are not a series of one quantity
        and claims.metric not like '%\_daily' escape '\'
        and claims.metric != 'killed_committee_added'
),

keyed as (
    select
        *,
        case series_kind
            when 'running' then concat_ws('|', claimant_id, metric, subject_class, location_class)
            else concat_ws('|', claimant_id, metric, subject_class, cast(as_of as varchar))
        end as series_key,
        case series_kind
            when 'running' then row_number() over (
                partition by series_kind, claimant_id, metric, subject_class, location_class
                order by as_of, first_seen, first_span_start nulls last, value, claim_id
            )
            else row_number() over (
                partition by series_kind, claimant_id, metric, subject_class, as_of
                order by first_seen, first_span_start nulls last, value, claim_id
            )
        end as position,
    from claims
),

with_prior_max as (
    select
        *,
        max(value) over (
            partition by series_key order by position
            rows between unbounded preceding and 1 preceding
        ) as prior_max,
    from keyed
),

kinds as (
    select
        *,
        case
            when series_kind = 'running' and value * 10 < prior_max then 'event_count'
            else series_kind
        end as kind,
    from with_prior_max
),

ordered as (
    select
        *,
        lag(value) over (partition by series_key, kind = 'event_count' order by position)
            as previous_value,
        lag(claim_id) over (partition by series_key, kind = 'event_count' order by position)
            as previous_claim_id,
    from kinds
),

-- the claimant's own figure for a past date given while it was current, which the first
-- restatement of that date revises: both have that as_of, but the series key them apart
stated_while_current as (
    select
        restatement.claim_id,
        running.value as previous_value,
        running.claim_id as previous_claim_id,
    from ordered as restatement
    inner join ordered as running
        on
            restatement.claimant_id = running.claimant_id
            and restatement.metric = running.metric
            and restatement.subject_class = running.subject_class
            and restatement.as_of = running.as_of
            and (
                restatement.location_class = running.location_class
                or 'unspecified' in (restatement.location_class, running.location_class)
            )
    where restatement.kind = 'restatement' and restatement.position = 1 and running.kind = 'running'
    -- the last of them in the running order (as_of is the same)
    qualify row_number() over (
        partition by restatement.claim_id
        order by
            running.first_seen desc, running.first_span_start desc nulls first,
            running.value desc, running.claim_id desc
    ) = 1
),

with_previous as (
    select
        ordered.* replace (
            coalesce(ordered.previous_value, stated.previous_value) as previous_value,
            coalesce(ordered.previous_claim_id, stated.previous_claim_id) as previous_claim_id
        ),
    from ordered
    left join stated_while_current as stated
        on ordered.claim_id = stated.claim_id
),

final as (
    select
        series_key,
        kind,
        claimant_id,
        claimant_class,
        metric,
        subject_class,
        location_class,
        case when kind = 'restatement' then as_of end as event_date,
        position,
        claim_id,
        as_of,
        first_seen,
        value,
        value_low,
        value_high,
        qualifiers,
        previous_value,
        previous_claim_id,
        case when kind != 'event_count' then value - previous_value end as change,
        coalesce(
            (kind = 'running' and cumulative_metric and value < previous_value)
            or (kind = 'restatement' and value != previous_value),
            false
        ) as revision,
        case
            when kind = 'running' and cumulative_metric and value < previous_value then 'decrease'
            when kind = 'restatement' and value != previous_value then 'restated'
        end as revision_kind,
        cumulative_metric,
        outlets,
        datasets,
    from with_previous
)

select * from final
order by claimant_id, metric, kind, series_key, position
