-- Every claim with the articles and datasets behind it: one row per claim, the distinct source
-- URLs of its mentions and the datasets of its statistics mentions (a series read from a file
-- has no URL), each sorted, and how many mentions and articles it has. (core.claims listed
-- the URLs itself until 2026-12-06; its mentions lead to them through core.claim_mentions.)
select
    claims.claim_id,
    claims.metric,
    claims.claimant_id,
    claims.as_of,
    claims.value,
    claims.mentions,
    claims.articles,
    list(distinct figures.source_url order by figures.source_url)
        filter (where figures.source_url is not null) as source_urls,
    list(distinct figures.dataset order by figures.dataset)
        filter (where figures.dataset is not null) as datasets,
from core.claims as claims
join core.claim_mentions as mentions on claims.claim_id = mentions.claim_id
join core.figures as figures on mentions.figure_id = figures.figure_id
group by all
order by claims.metric, claims.claimant_id, claims.as_of, claims.claim_id
