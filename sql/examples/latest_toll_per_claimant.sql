-- The latest death toll each claimant gave, per population and place, with where and when it
-- was said.
--
-- One row per claimant, subject_class and location_class (as core.claim_mentions normalises
-- them): a claimant that counts two places gives two tolls. Per claimant alone, OCHA's latest
-- West Bank figure (541) hid its Gaza toll, and the ministry's toll of one raid in Nuseirat
-- (274), said a day after its running total for Gaza, replaced that total. A single event's toll
-- still shows under its own place; marts.revisions tells running totals from event counts. A
-- figure naming no place is a row of its own (`unspecified`, Israel's 1,200 of January 2024
-- beside its 1,400 "in Israel" of November 2023): compare `published` across a claimant's rows.
with

tolls as (
    select
        figures.claimant_id,
        figures.claimant_class,
        mentions.subject_class,
        mentions.location_class,
        figures.claimant,
        figures.value,
        figures.qualifier,
        figures.as_of,
        figures.published,
        coalesce(figures.source_url, figures.dataset) as evidence,
        figures.sentence,
        figures.figure_id,
    from core.figures as figures
    inner join core.claim_mentions as mentions
        on figures.figure_id = mentions.figure_id
    where figures.metric = 'killed' and figures.status in ('reported', 'estimate')
),

final as (
    select *
    from tolls
    qualify row_number() over (
        partition by claimant_id, subject_class, location_class
        order by as_of desc nulls last, published desc, value desc, figure_id
    ) = 1
)

select * from final
order by value desc, claimant_id, location_class
