-- Where does each side of a dispute come from? Every pair of marts.figure_disputes, one row per
-- mention of either claim: the claimant and value of that side, and the outlet, URL and
-- sentence the figure was read from (for a statistics series: the dataset, field and date).
--
-- A dispute names its two claims (claim_id_a, claim_id_b); core.claims lists each claim's
-- mentions (figure_ids) and core.figures holds the sentence of each. Add a `where` on the
-- disputes (a metric, a window) to read a few pairs: a claim repeated by many outlets has as
-- many rows.
with

sides as (
    select
        claim_id_a,
        claim_id_b,
        relation,
        window_start,
        window_end,
        conflict,
        spread,
        side,
        claim_id,
    from marts.figure_disputes
    cross join lateral (
        select 'a' as side, claim_id_a as claim_id
        union all
        select 'b' as side, claim_id_b as claim_id
    )
),

mentions as (
    select
        claims.claim_id,
        unnest(claims.figure_ids) as figure_id,
    from core.claims as claims
    semi join sides
        on claims.claim_id = sides.claim_id
),

final as (
    select
        sides.relation,
        sides.window_start,
        sides.window_end,
        sides.conflict,
        sides.spread,
        sides.claim_id_a,
        sides.claim_id_b,
        sides.side,
        figures.claimant_id,
        figures.metric,
        figures.value,
        figures.published,
        figures.origin,
        figures.outlet,
        figures.source_url,
        figures.sentence,
        figures.dataset,
        figures.dataset_field,
        figures.as_of,
        figures.figure_id,
    from sides
    inner join mentions
        on sides.claim_id = mentions.claim_id
    inner join core.figures as figures
        on mentions.figure_id = figures.figure_id
)

select * from final
order by window_start, claim_id_a, claim_id_b, side, published, figure_id
