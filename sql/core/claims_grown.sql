-- core.claims rows that only gained mentions, each merged with `claims_added`: the same claims
-- built by core/claims.sql from their new mentions alone. The claims update writes these
-- instead of rebuilding such a claim from all its mentions: 1% new articles at 300,000 grow a
-- fifth of the claims, which hold half of all mentions.
-- Each column combines the two rows as core/claims.sql combines mentions, so a merged row is
-- the row a rebuild gives: lists sorted and distinct (with a null element last where
-- core/claims.sql keeps one, and null rather than empty where it filters nulls out), and
-- `articles` added up, since the update rebuilds a claim instead when a new mention's article
-- already has a figure in the warehouse.
with

joined as (
    select
        added.*,
        old.claimant_class as old_claimant_class,
        old.cumulative as old_cumulative,
        old.derived as old_derived,
        old.hedged as old_hedged,
        old.mentions as old_mentions,
        old.articles as old_articles,
        old.first_seen as old_first_seen,
        old.last_seen as old_last_seen,
        old.first_span_start as old_first_span_start,
        coalesce(old.qualifiers, []) || added.qualifiers as all_qualifiers,
        coalesce(old.origins, []) || added.origins as all_origins,
        coalesce(old.claimant_spellings, []) || added.claimant_spellings as all_spellings,
        coalesce(old.outlets, []) || coalesce(added.outlets, []) as all_outlets,
        coalesce(old.datasets, []) || coalesce(added.datasets, []) as all_datasets,
        coalesce(old.subjects, []) || coalesce(added.subjects, []) as all_subjects,
        coalesce(old.locations, []) || coalesce(added.locations, []) as all_locations,
        coalesce(old.figure_ids, []) || added.figure_ids as all_figure_ids,
    from claims_added as added
    left join core.claims as old
        on added.claim_id = old.claim_id
),

merged as (
    select
        claim_id,
        metric,
        subject_class,
        location_class,
        claimant_id,
        least(old_claimant_class, claimant_class) as claimant_class,
        status,
        as_of,
        value,
        value_low,
        value_high,
        list_sort(list_distinct(all_qualifiers))
            || case when len(all_qualifiers) > list_count(all_qualifiers) then [null] else [] end
            as qualifiers,
        coalesce(old_cumulative, false) or cumulative as cumulative,
        coalesce(old_derived, true) and derived as derived,
        coalesce(old_hedged, false) or hedged as hedged,
        list_sort(list_distinct(all_origins))
            || case when len(all_origins) > list_count(all_origins) then [null] else [] end
            as origins,
        coalesce(old_mentions, 0) + mentions as mentions,
        coalesce(old_articles, 0) + articles as articles,
        least(old_first_seen, first_seen) as first_seen,
        greatest(old_last_seen, last_seen) as last_seen,
        -- the earlier (first_seen, first_span_start) of the two, as core/claims.sql orders
        case
            when old_first_seen is null then first_span_start
            when first_seen is null or old_first_seen < first_seen then old_first_span_start
            when first_seen < old_first_seen then first_span_start
            else least(old_first_span_start, first_span_start)
        end as first_span_start,
        nullif(list_sort(list_distinct(all_outlets)), []) as outlets,
        nullif(list_sort(list_distinct(all_datasets)), []) as datasets,
        list_sort(list_distinct(all_spellings))
            || case when len(all_spellings) > list_count(all_spellings) then [null] else [] end
            as claimant_spellings,
        nullif(list_sort(list_distinct(all_subjects)), []) as subjects,
        nullif(list_sort(list_distinct(all_locations)), []) as locations,
        list_sort(all_figure_ids) as figure_ids,
    from joined
)

select * from merged
