-- Rows for the rule figure_in_one_claim (expectations/claim_mentions.json): one row per figure
-- of core.figures (or figure id of core.claim_mentions) with how many claims it belongs to.
with

per_figure as (
    select
        figure_id,
        count(*) as claims,
    from core.claim_mentions
    group by figure_id
),

final as (
    select
        coalesce(figures.figure_id, per_figure.figure_id) as figure_id,
        figures.origin,
        figures.metric,
        figures.claimant_id,
        figures.value,
        coalesce(per_figure.claims, 0) as claims,
    from core.figures as figures
    full outer join per_figure
        on figures.figure_id = per_figure.figure_id
)

select * from final
order by figure_id
