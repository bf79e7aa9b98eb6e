-- What changed since yesterday? The claims reported on the latest report day, each marked
-- `new` (first seen that day) or `repeated` (first seen earlier, said again that day), next to
-- what the same claimant said about the same metric and status on the previous report day.
--
-- Days are publication or report dates (core.claims first_seen / last_seen), not the day Tally
-- loaded the data: a backfill, or the bundled samples, load everything on one ingest day.
-- "Yesterday" is the previous report day, the latest earlier date with any claim first seen,
-- since reporting has gaps (on the samples: 2025-10-13 against 2025-01-19). Both days come
-- from the data, never from today.
--
-- Read each row as: on `latest_day` claimant_id gave `value` (people) for `metric`;
-- `previous_day_values` are that claimant's values for the same metric and status first seen
-- on `previous_day` (empty: it gave none that day). Values of different events are listed, not
-- subtracted; a running total's change is in marts.revisions.
with

days as (
    select
        max(first_seen) as latest_day,
        max(first_seen) filter (
            where first_seen < (select max(first_seen) from core.claims)
        ) as previous_day,
    from core.claims
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

previous as (
    select claimant_id, metric, status, list(value order by value desc) as previous_day_values,
    from core.claims
    where first_seen = (select previous_day from days)
    group by claimant_id, metric, status
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
