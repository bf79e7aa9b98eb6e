-- core.claimants: one row per normalised claimant (registry entries, outlets, others seen).
with

registry as (
    select
        claimant_id,
        any_value(claimant_class) as claimant_class,
        min(name) as name,
    from staging.claimant_registry
    group by claimant_id
),

seen as (
    select
        claimant_id,
        any_value(claimant_class) as claimant_class,
        list(distinct claimant order by claimant) as spellings,
        count(*) as figures,
    from core.figures
    group by claimant_id
),

final as (
    select
        coalesce(registry.claimant_id, seen.claimant_id) as claimant_id,
        coalesce(registry.claimant_class, seen.claimant_class) as claimant_class,
        coalesce(registry.name, seen.spellings[1]) as name,
        registry.claimant_id is not null as in_registry,
        coalesce(seen.spellings, []) as spellings,
        coalesce(seen.figures, 0) as figures,
    from registry
    full outer join seen on registry.claimant_id = seen.claimant_id
)

select * from final
order by claimant_class, claimant_id
