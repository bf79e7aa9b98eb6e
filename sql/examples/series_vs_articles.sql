-- Article claims of the Gaza health ministry's cumulative toll next to the Gaza statistics series
-- (reported by the ministry or the Government Media Office) on the same date, or the nearest
-- earlier report.
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
        article_claims.outlet,
        article_claims.sentence,
    from article_claims
    asof left join series on article_claims.as_of >= series.as_of
)

select * from final
order by as_of
