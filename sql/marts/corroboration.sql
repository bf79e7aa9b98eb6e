-- marts.corroboration: one row per article claim and statistics series that can speak to it
-- (same metric, compatible subject and location, and a claimant the series reports for, e.g.
-- the Gaza health ministry's cumulative toll in the TechForPalestine series), with the series
-- value it was matched to within two days either side. `match`: exact (equal), close (within
-- 2% of the series value, or inside the range the claim states, "more than 14,100"), stale
-- (equal to the series value of a day before the window: an old figure repeated), contradicted
-- (the series has values in the window and none agree), no_series_value (the series has a
-- gap there). A claim under a tenth of the series value counts one event, not the running
-- total, and is left out.
--
-- Rows name their claims (claim_id); core.claims holds each claim's mentions (figure_ids).
with

claims as (
    select
        *,
        case
            when value_low is null and value_high is not null then 0
            else coalesce(value_low, value)
        end as allows_low,
        case
            when value_high is null and value_low is not null then 'infinity'::double
            else coalesce(value_high, value)
        end as allows_high,
    from core.claims
    where status in ('reported', 'estimate')
),

series as (
    select
        unnest(datasets) as dataset,  -- each series that gave it (merged when they agree)
        metric,
        subject_class,
        location_class,
        claimant_id,
        as_of,
        value,
        claim_id,
    from claims
    -- a claim read from a series (and maybe also from articles that repeat it)
    where list_contains(origins, 'statistics') and len(datasets) >= 1
),

speaks_for as (
    select
        dataset,
        metric,
        subject_class,
        location_class,
        claimant_id,
        min(as_of) as first_day,
        max(as_of) as last_day,
    from series
    group by all
),

article_claims as (
    select distinct
        claims.*,
        speaks_for.dataset,
    from claims
    inner join speaks_for
        on
            claims.metric = speaks_for.metric
            and claims.claimant_id = speaks_for.claimant_id
            and claims.location_class in (speaks_for.location_class, 'unspecified')
            and claims.subject_class in (speaks_for.subject_class, 'all')
            and claims.as_of between speaks_for.first_day - 2 and speaks_for.last_day + 2
    where list_contains(claims.origins, 'article')
),

-- every series value of that dataset and metric (whoever reported it that day) near the claim
candidates as (
    select
        article_claims.claim_id,
        article_claims.dataset,
        series.as_of as series_as_of,
        series.value as series_value,
        series.claimant_id as series_claimant_id,
        series.claim_id as series_claim_id,
        abs(series.as_of - article_claims.as_of) as days_apart,
        case
            when series.value = article_claims.value then 'exact'
            when
                abs(series.value - article_claims.value) <= 0.02 * series.value
                or series.value between article_claims.allows_low and article_claims.allows_high
                then 'close'
        end as agreement,
    from article_claims
    inner join series
        on
            article_claims.dataset = series.dataset
            and article_claims.metric = series.metric
            and article_claims.location_class in (series.location_class, 'unspecified')
            and article_claims.subject_class in (series.subject_class, 'all')
            and series.as_of between article_claims.as_of - 2 and article_claims.as_of + 2
),

best_in_window as (
    select *
    from candidates
    qualify row_number() over (
        partition by claim_id, dataset
        order by
            case agreement when 'exact' then 0 when 'close' then 1 else 2 end,
            days_apart,
            series_as_of
    ) = 1
),

stale as (
    select
        article_claims.claim_id,
        article_claims.dataset,
        series.as_of as series_as_of,
        series.value as series_value,
        series.claimant_id as series_claimant_id,
        series.claim_id as series_claim_id,
    from article_claims
    inner join series
        on
            article_claims.dataset = series.dataset
            and article_claims.metric = series.metric
            and article_claims.location_class in (series.location_class, 'unspecified')
            and article_claims.subject_class in (series.subject_class, 'all')
            and series.as_of < article_claims.as_of - 2
            and series.value = article_claims.value
    qualify row_number() over (
        partition by article_claims.claim_id, article_claims.dataset
        order by series.as_of desc
    ) = 1
),

matched as (
    select
        article_claims.claim_id,
        article_claims.metric,
        article_claims.subject_class,
        article_claims.location_class,
        article_claims.claimant_id,
        article_claims.claimant_class,
        article_claims.as_of,
        article_claims.value,
        article_claims.value_low,
        article_claims.value_high,
        article_claims.qualifiers,
        article_claims.outlets,
        article_claims.dataset,
        case
            when best.agreement is not null then best.agreement
            when stale.claim_id is not null then 'stale'
            when best.claim_id is not null then 'contradicted'
            else 'no_series_value'
        end as match,
        case when best.agreement is null and stale.claim_id is not null
            then stale.series_as_of else best.series_as_of end as series_as_of,
        case when best.agreement is null and stale.claim_id is not null
            then stale.series_value else best.series_value end as series_value,
        case when best.agreement is null and stale.claim_id is not null
            then stale.series_claimant_id else best.series_claimant_id end as series_claimant_id,
        case when best.agreement is null and stale.claim_id is not null
            then stale.series_claim_id else best.series_claim_id end as series_claim_id,
    from article_claims
    left join best_in_window as best
        on article_claims.claim_id = best.claim_id and article_claims.dataset = best.dataset
    left join stale
        on article_claims.claim_id = stale.claim_id and article_claims.dataset = stale.dataset
),

final as (
    select
        *,
        value - series_value as difference,
        round((value - series_value) / nullif(series_value, 0), 4) as relative_difference,
    from matched
    where series_value is null or coalesce(value_high, value_low, value) * 10 >= series_value
)

select * from final
order by as_of, metric, claimant_id, claim_id, dataset
