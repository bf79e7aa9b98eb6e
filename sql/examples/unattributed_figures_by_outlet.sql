-- Which outlets state figures as their own (no claimant named), and how often.
select
    outlet,
    count(*) as figures,
    count(*) filter (where not attribution_explicit) as unattributed,
    round(100.0 * count(*) filter (where not attribution_explicit) / count(*), 1) as pct_unattributed,
from core.figures
where origin = 'article'
group by outlet
order by pct_unattributed desc, outlet
