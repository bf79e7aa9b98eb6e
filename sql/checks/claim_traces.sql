-- Rows for the rule claim_traces_to_mention (expectations/claims.json): one row per claim of
-- core.claims with how many of its mentions lead back to an article URL or a dataset row.
with

traced as (
    select
        mentions.claim_id,
        count(*) filter (
            where (
                figures.origin = 'article'
                and coalesce(figures.source_url, '') != ''
            ) or (
                figures.origin = 'statistics'
                and figures.dataset is not null
                and figures.dataset_field is not null
                and figures.as_of is not null
            )
        ) as traced_mentions,
    from core.claim_mentions as mentions
    left join core.figures as figures
        on mentions.figure_id = figures.figure_id
    group by mentions.claim_id
),

final as (
    select
        claims.claim_id,
        claims.metric,
        claims.claimant_id,
        claims.as_of,
        claims.value,
        coalesce(traced.traced_mentions, 0) as traced_mentions,
    from core.claims as claims
    left join traced
        on claims.claim_id = traced.claim_id
)

select * from final
order by claim_id
