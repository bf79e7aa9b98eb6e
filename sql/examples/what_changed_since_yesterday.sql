-- What changed since yesterday? The claims reported on the latest report day, each marked
-- `new` (first seen that day) or `repeated` (first seen earlier, said again that day), next to
-- what the same claimant said about the same metric and status on the previous report day.
--
-- Days are publication or report dates (core.figures published, as core.claims first_seen /
-- last_seen), not the day Tally loaded the data: a backfill, or the bundled samples, load
-- everything on one ingest day. "Yesterday" is the previous report day, the latest earlier date
-- any figure was published or reported, since reporting has gaps (on the samples: 2025-10-13
-- against 2025-01-19). Both days come from the data, never from today.
--
-- A claim was said on a day when one of its mentions (core.claim_mentions) was published that
-- day, whether first or again: first_seen and last_seen alone cannot tell that a figure given
-- on Monday was repeated on Tuesday, so a claimant who only repeated itself yesterday would
-- look silent, and a day of only repeats would not count as a report day at all.
--
-- Read each row as: on `latest_day` claimant_id gave `value` (people) for `metric`;
-- `previous_day_values` are that claimant's values for the same metric and status said on
-- `previous_day` (empty: it gave none that day). Values of different events are listed, not
-- subtracted; a running total's change is in marts.revisions.
with

said as (
    select distinct
        mentions.claim_id,
        figures.published as day,
    from core.claim_mentions as mentions
    inner join core.figures as figures
        on mentions.figure_id = figures.figure_id
    where figures.published is not null
),

days as (
    select
        max(day) as latest_day,
        max(day) filter (where day < (select max(day) from said)) as previous_day,
    from said
),

latest as (
    select
        c.*,
        days.latest_day,
        days.previous_day,
        case when c.first_seen = days.latest_day then 'new' else 'repeated' end as change,
    from core.claims as c
    cross join days
    where c.last_seen = days.latest_day
),

said_previous_day as (
    select said.claim_id,
    from said
    cross join days
    where said.day = days.previous_day
),

previous as (
    select
        claims.claimant_id,
        claims.metric,
        claims.status,
        list(claims.value order by claims.value desc) as previous_day_values,
    from core.claims as claims
    semi join said_previous_day
        on claims.claim_id = said_previous_day.claim_id
    group by claims.claimant_id, claims.metric, claims.status
),

final as (
    select
        latest.latest_day,
        latest.previous_day,
        latest.change,
        latest.metric,
        latest.claimant_id,
        latest.claimant_class,
        latest.status,
        latest.subject_class,
        latest.location_class,
        latest.as_of,
        latest.value,
        latest.qualifiers,
        coalesce(previous.previous_day_values, []) as previous_day_values,
        list_concat(latest.outlets, latest.datasets) as evidence,
        latest.first_seen,
        latest.claim_id,
    from latest
    left join previous
        on latest.claimant_id = previous.claimant_id
        and latest.metric = previous.metric
        and latest.status = previous.status
)

select * from final
order by change, metric, claimant_id, value desc
