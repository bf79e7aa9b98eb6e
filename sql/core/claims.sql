-- core.claims: one row per distinct claim (metric, subject class, location class, claimant,
-- status, as_of, value and bounds), merged across articles and statistics feeds, with every
-- mention in core.figures it was read from (core.claim_mentions holds the mapping).
with

mentions as (
    select
        claim_mentions.claim_id,
        claim_mentions.subject_class,
        claim_mentions.location_class,
        claim_mentions.as_of,
        figures.*
        exclude (as_of),
    from core.claim_mentions as claim_mentions
    inner join core.figures as figures
        on claim_mentions.figure_id = figures.figure_id
),

final as (
    select
        claim_id,
        any_value(metric) as metric,
        any_value(subject_class) as subject_class,
        any_value(location_class) as location_class,
        any_value(claimant_id) as claimant_id,
        -- not part of the claim: mentions read before and after the registry reclassified
        -- a claimant differ, and an update must pick what a rebuild picks
        min(claimant_class) as claimant_class,
        any_value(status) as status,
        any_value(as_of) as as_of,
        any_value(value) as value,
        any_value(value_low) as value_low,
        any_value(value_high) as value_high,
        list(distinct qualifier order by qualifier) as qualifiers,
        bool_or(coalesce(cumulative, false)) as cumulative,
        bool_and(coalesce(derived, false)) as derived,
        bool_or(coalesce(hedged, false)) as hedged,
        list(distinct origin order by origin) as origins,
        count(*) as mentions,
        count(distinct article_id) as articles,
        min(published) as first_seen,
        max(published) as last_seen,
        -- the position of the first mention in its article: orders two claims first seen in
        -- one article ("revised from 1,400 to 1,200"); the earliest mention's, in one pass
        first(span_start order by published, span_start) filter (where published is not null)
            as first_span_start,
        list(distinct outlet order by outlet) filter (where outlet is not null) as outlets,
        list(distinct dataset order by dataset) filter (where dataset is not null) as datasets,
        list(distinct claimant order by claimant) as claimant_spellings,
        list(distinct subject order by subject) filter (where subject is not null) as subjects,
        list(distinct location order by location) filter (where location is not null)
            as locations,
        list(figure_id order by figure_id) as figure_ids,
    from mentions
    group by claim_id
)

select * from final
order by metric, claimant_id, as_of, value, claim_id
