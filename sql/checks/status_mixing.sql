-- Rows for the rule reported_and_estimated_never_mixed (expectations/reported_estimated.json):
-- one row per claim and per statistics series (dataset, field without its ext_ prefix, place)
-- with how many statuses its figures carry and how many come from an upstream estimate field.
with

figures as (
    select
        figure_id,
        status,
        dataset,
        regexp_replace(dataset_field, '^ext_', '') as series_field,
        location,
        starts_with(coalesce(dataset_field, ''), 'ext_') as estimate_field,
    from core.figures
),

per_claim as (
    select
        'claim:' || mentions.claim_id as group_key,
        count(distinct figures.status) as statuses,
        string_agg(distinct figures.status, ',' order by figures.status) as status_list,
        count(*) filter (where figures.estimate_field) as estimate_fields,
    from core.claim_mentions as mentions
    left join figures
        on mentions.figure_id = figures.figure_id
    group by mentions.claim_id
),

per_series as (
    select
        'series:' || dataset || '/' || series_field || '/' || coalesce(location, '-')
            as group_key,
        count(distinct status) as statuses,
        string_agg(distinct status, ',' order by status) as status_list,
        count(*) filter (where estimate_field) as estimate_fields,
    from figures
    where dataset is not null
    group by dataset, series_field, location
),

final as (
    select * from per_claim
    union all
    select * from per_series
)

select * from final
order by group_key
