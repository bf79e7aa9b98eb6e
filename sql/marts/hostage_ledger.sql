-- marts.hostage_ledger: one row per claimant and report date; each hostage column holds that
-- claimant's latest figure as known on that date (carried forward), null if never given.
-- Captives held from before the war (seized in 2014-2015) are kept apart in prewar_captives:
-- a hostages_remaining figure whose own clause says so ("four Israelis seized before the
-- war") counts there, not in hostages_remaining.
-- Only counts of all the hostages: a count of one nationality ("23 Thai hostages released",
-- subject_class in core.claim_mentions) is not the claimant's total. "Israeli hostages" is
-- read as all of them, as reporting uses it.
-- A figure about a date before one the claimant already gave ("240 were held when the truce
-- began", reported after "120 remain") is history, not the current count: it is not carried.
with

stated as (
    select
        *,
        -- the clause right after the number, up to the next comma or semicolon
        regexp_extract(
            lower(substr(sentence, strpos(sentence, surface) + length(surface))), '^[^,;(]*'
        ) as clause,
    from core.figures
),

hostage_figures as (
    select
        claimant_id,
        claimant_class,
        published as report_date,
        as_of,
        case
            when
                metric = 'hostages_remaining'
                and regexp_matches(
                    coalesce(clause, ''),
                    'before the war|pre-war|prior to the war|before october 7|since 201[0-9]'
                )
                then 'prewar_captives'
            else metric
        end as metric,
        value,
        figure_id,
    from stated
    where
        metric in (
            'abducted', 'hostages_remaining', 'hostages_alive', 'hostages_dead',
            'hostages_released', 'hostages_rescued', 'hostage_bodies_recovered'
        )
        and status in ('reported', 'estimate')
        and published is not null
        and figure_id in (
            select figure_id from core.claim_mentions where subject_class in ('all', 'israeli')
        )
),

-- One value per claimant, metric and report date: the figure about the latest date; a tie in
-- date keeps the larger value (a deterministic choice, never an average).
daily as (
    select *
    from hostage_figures
    qualify row_number() over (
        partition by claimant_id, metric, report_date
        order by as_of desc nulls last, value desc, figure_id
    ) = 1
),

-- the figures that move the count on: none about a date before an earlier report's
current as (
    select *
    from daily
    qualify as_of is null or as_of >= coalesce(max(as_of) over (
        partition by claimant_id, metric order by report_date
        rows between unbounded preceding and 1 preceding
    ), as_of)
),

report_dates as (
    select distinct claimant_id, report_date from daily
),

metrics as (
    select distinct metric from daily
),

grid as (
    select report_dates.claimant_id, report_dates.report_date, metrics.metric
    from report_dates
    cross join metrics
),

carried as (
    select
        grid.claimant_id,
        grid.report_date,
        grid.metric,
        current.value,
    from grid
    asof left join current
        on grid.claimant_id = current.claimant_id
        and grid.metric = current.metric
        and grid.report_date >= current.report_date
),

classes as (
    select claimant_id, any_value(claimant_class) as claimant_class
    from hostage_figures
    group by claimant_id
),

final as (
    select
        carried.claimant_id,
        classes.claimant_class,
        carried.report_date,
        max(value) filter (where metric = 'abducted') as abducted,
        max(value) filter (where metric = 'hostages_remaining') as hostages_remaining,
        max(value) filter (where metric = 'hostages_alive') as hostages_alive,
        max(value) filter (where metric = 'hostages_dead') as hostages_dead,
        max(value) filter (where metric = 'hostages_released') as hostages_released,
        max(value) filter (where metric = 'hostages_rescued') as hostages_rescued,
        max(value) filter (where metric = 'hostage_bodies_recovered') as hostage_bodies_recovered,
        max(value) filter (where metric = 'prewar_captives') as prewar_captives,
    from carried
    inner join classes on carried.claimant_id = classes.claimant_id
    group by carried.claimant_id, classes.claimant_class, carried.report_date
)

select * from final
order by claimant_id, report_date
