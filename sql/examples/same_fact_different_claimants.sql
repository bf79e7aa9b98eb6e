-- The same metric about the same day, people and place from different claimant classes, side by
-- side (never averaged).
--
-- "The same fact" is one population and one place: subject_class and location_class, as
-- core.claim_mentions normalises them for each figure. Grouped by metric and day alone, the
-- ministry's Gaza toll stood against OCHA's West Bank toll (37,626 against 541, the largest
-- "spread" on the samples), and one raid's 274 killed in Nuseirat became a range with the
-- running total of all Gaza (274-36,801).
with

figures as (
    select
        figures.metric,
        mentions.subject_class,
        mentions.location_class,
        figures.as_of,
        figures.claimant_class,
        figures.value,
    from core.figures as figures
    inner join core.claim_mentions as mentions
        on figures.figure_id = mentions.figure_id
    where figures.as_of is not null
        and figures.status in ('reported', 'estimate')
        and not figures.derived
),

claims as (
    select
        metric,
        subject_class,
        location_class,
        as_of,
        claimant_class,
        min(value) as low,
        max(value) as high,
    from figures
    group by metric, subject_class, location_class, as_of, claimant_class
),

final as (
    select
        metric,
        subject_class,
        location_class,
        as_of,
        count(*) as claimant_classes,
        list(claimant_class || ': ' || cast(low as bigint)
             || case when high > low then '-' || cast(high as bigint) else '' end
             order by claimant_class) as claims,
        max(high) - min(low) as spread,
    from claims
    group by metric, subject_class, location_class, as_of
    having count(*) > 1
)

select * from final
order by spread desc, as_of, metric, subject_class, location_class
