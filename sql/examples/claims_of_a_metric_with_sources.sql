-- Every claim of hostages still held, with who said it, where it was published and the sentence.
select
    f.published,
    f.claimant_class,
    f.claimant,
    f.value,
    f.qualifier,
    f.hedged,
    coalesce(a.outlet, f.dataset) as carried_by,
    f.source_url,
    f.sentence,
from core.figures as f
left join core.articles as a on f.article_id = a.article_id
where f.metric = 'hostages_remaining'
order by f.published, f.claimant_class, f.value
