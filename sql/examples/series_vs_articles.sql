-- Article claims of the Gaza health ministry's cumulative toll next to the Gaza statistics series
-- (reported by the ministry or the Government Media Office) on the same date, or the nearest
-- earlier report. series_age_days says how old that report was on the claim's date (a series
-- that stopped months before compares an old value); one_incident flags a claim under a tenth
-- of the series' value, most likely one strike's or one raid's toll rather than the total (as
-- marts.revisions' event_count), kept so that a reader can judge it.
with

article_claims as (
    select figure_id, as_of, value, qualifier, outlet, sentence,
    from core.figures
    where origin = 'article' and metric = 'killed' and claimant_class = 'gaza_health'
        and as_of is not null
),

series as (
    select as_of, value,
    from core.figures
    where origin = 'statistics' and metric = 'killed' and location = 'Gaza'
        and claimant_class in ('gaza_health', 'gaza_gmo')
),

final as (
    select
        article_claims.as_of,
        article_claims.value as article_value,
        article_claims.qualifier,
        series.as_of as series_date,
        series.value as series_value,
        article_claims.value - series.value as difference,
        article_claims.as_of - series.as_of as series_age_days,
        article_claims.value < series.value / 10 as one_incident,
        article_claims.outlet,
        article_claims.sentence,
    from article_claims
    asof left join series on article_claims.as_of >= series.as_of
)

select * from final
order by as_of
