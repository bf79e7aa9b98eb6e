-- Which figures were disputed this week? Every pair of claims in marts.figure_disputes whose
-- dates (window_start .. window_end: the as_of dates of the two claims) touch the 7 days up to
-- and including the week's last day.
--
-- "This week" is anchored on the data, not on today, so the query answers the same on a copy
-- of the warehouse or on the bundled samples: the week ends on the latest date any dispute
-- covers (max window_end). On a warehouse loaded daily that is the latest report date;
-- `latest_report_date` (the latest publication or report date in core.figures) is shown beside
-- it so a week that lags the reporting is visible (on the samples the disputes end in June 2024
-- while the last article is from October 2025). To pin the week to the calendar, replace the
-- anchor with `current_date`.
--
-- Read each row as: claimant a said value_a, claimant b said value_b, about the same metric
-- and population (subject_class, location_class) within a day of each other; `spread` is the
-- gap in people, `conflict` means both cannot be true. relation `part_of_total` puts a part
-- (militants killed) beside another claimant's total. Nothing is averaged.
with

anchor as (
    select
        max(window_end) as week_end,
        max(window_end) - 6 as week_start,
        (select max(published) from core.figures) as latest_report_date,
    from marts.figure_disputes
),

this_week as (
    select d.*, anchor.week_start, anchor.week_end, anchor.latest_report_date,
    from marts.figure_disputes as d
    cross join anchor
    where d.window_end >= anchor.week_start and d.window_start <= anchor.week_end
),

final as (
    select
        week_start,
        week_end,
        latest_report_date,
        relation,
        metric_a,
        metric_b,
        subject_class,
        location_class,
        window_start,
        window_end,
        claimant_id_a,
        value_a,
        claimant_id_b,
        value_b,
        spread,
        round(spread_ratio, 3) as spread_ratio,
        conflict,
        list_concat(outlets_a, datasets_a) as evidence_a,
        list_concat(outlets_b, datasets_b) as evidence_b,
        claim_id_a,
        claim_id_b,
    from this_week
)

select * from final
order by window_end desc, spread desc, metric_a, claimant_id_a, claimant_id_b
