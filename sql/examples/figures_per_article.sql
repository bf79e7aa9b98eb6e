-- Articles with how many figures each, and how many of them carry an explicit attribution.
select
    a.published_at,
    a.outlet,
    a.title,
    count(f.figure_id) as figures,
    count(f.figure_id) filter (where f.attribution_explicit) as attributed,
    list(distinct f.claimant_class order by f.claimant_class) as claimant_classes,
from core.articles as a
left join core.figures as f on a.article_id = f.article_id
group by a.article_id, a.published_at, a.outlet, a.title
order by a.published_at, a.outlet
