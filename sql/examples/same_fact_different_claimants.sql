-- The same metric about the same day from different claimant classes, side by side (never averaged).
with

claims as (
    select metric, as_of, claimant_class, min(value) as low, max(value) as high,
    from core.figures
    where as_of is not null and status in ('reported', 'estimate') and not derived
    group by metric, as_of, claimant_class
),

final as (
    select
        metric,
        as_of,
        count(*) as claimant_classes,
        list(claimant_class || ': ' || cast(low as bigint)
             || case when high > low then '-' || cast(high as bigint) else '' end
             order by claimant_class) as claims,
        max(high) - min(low) as spread,
    from claims
    group by metric, as_of
    having count(*) > 1
)

select * from final
order by spread desc, as_of
