-- What was kept out of the warehouse, by stage and rule, with one example reason each.
select
    stage,
    rule,
    count(*) as rows,
    min(reason) as example_reason,
    min(locator) as example_locator,
from quality.quarantine
group by stage, rule
order by rows desc, stage, rule
