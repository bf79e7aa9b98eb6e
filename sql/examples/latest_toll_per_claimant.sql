-- The latest death toll each claimant gave, with where and when it was said.
with

tolls as (
    select
        claimant_id,
        claimant_class,
        claimant,
        value,
        qualifier,
        as_of,
        published,
        coalesce(source_url, dataset) as evidence,
    from core.figures
    where metric = 'killed' and status in ('reported', 'estimate')
),

final as (
    select *
    from tolls
    qualify row_number() over (
        partition by claimant_id order by as_of desc nulls last, published desc, value desc
    ) = 1
)

select * from final
order by value desc
