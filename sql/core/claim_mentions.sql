-- core.claim_mentions: one row per figure mention (every row of core.figures), with the claim
-- it belongs to and the normalised key that claim is grouped by. Every figure belongs to
-- exactly one claim; core.claims is built from this table.
with

figures as (
    select
        figure_id,
        origin,
        metric,
        claimant_id,
        claimant_class,
        status,
        value,
        value_low,
        value_high,
        coalesce(as_of, published) as as_of,
        lower(coalesce(location, '')) as place,
        lower(coalesce(subject, '')) as who,
    from core.figures
),

-- Places people write in many ways: a fixed list of canonical areas, first match wins.
-- Anything else (no place, or a phrase that is not a place) is 'unspecified'.
places as (
    select *
    from (
        values
            (1, 'nuseirat', 'nuseirat'),
            (2, 'jabalia', 'jabali'),
            (3, 'khan_younis', 'khan y[ou]+nis'),
            (4, 'rafah', 'rafah'),
            (5, 'deir_al_balah', 'deir al[- ]balah'),
            (6, 'gaza_city', 'gaza city'),
            (7, 'gaza', 'gaza'),
            (8, 'west_bank', 'west bank|jenin|nablus|tulkarm|hebron|ramallah|jerusalem'),
            (9, 'lebanon', 'lebanon'),
            (10, 'israel', 'israel|kibbutz|nova festival|sderot|be''eri')
    ) as t (rank, location_class, pattern)
),

located as (
    select
        figures.*,
        coalesce(
            (
                select places.location_class
                from places
                where figures.place != '' and regexp_matches(figures.place, places.pattern)
                order by places.rank
                limit 1
            ),
            -- Gaza's ministry and media office speak for Gaza unless they name a place.
            case when figures.claimant_class in ('gaza_health', 'gaza_gmo') then 'gaza' end,
            'unspecified'
        ) as location_class,
    from figures
),

-- Who was counted: a nationality when one is named (hostages of one nationality), Israelis,
-- Palestinians, else everyone the metric counts. Casualty counts in Gaza or the West Bank
-- with no stated subject are counts of Palestinians (hostage counts are not).
classed as (
    select
        located.*,
        case
            when regexp_matches(who, 'thai|nepal|filipin|american|french|german|british|russian|argentin|foreign')
                then regexp_replace(
                    regexp_extract(who, '(thai|nepal|filipin|american|french|german|british|russian|argentin|foreign)', 1),
                    'nepal', 'nepalese'
                )
            when regexp_matches(who, 'palestin') then 'palestinian'
            when regexp_matches(who, 'israeli') then 'israeli'
            when metric not in (
                'abducted', 'hostages_remaining', 'hostages_alive', 'hostages_dead',
                'hostages_released', 'hostages_rescued', 'hostage_bodies_recovered'
            ) and location_class in (
                'gaza', 'gaza_city', 'nuseirat', 'jabalia', 'khan_younis', 'rafah',
                'deir_al_balah', 'west_bank'
            ) then 'palestinian'
            else 'all'
        end as subject_class,
    from located
),

final as (
    select
        substr(md5(concat_ws(
            '|', metric, subject_class, location_class, claimant_id, status,
            coalesce(cast(as_of as varchar), '-'),
            coalesce(cast(value as varchar), '-'),
            coalesce(cast(value_low as varchar), '-'),
            coalesce(cast(value_high as varchar), '-')
        )), 1, 20) as claim_id,
        figure_id,
        origin,
        metric,
        subject_class,
        location_class,
        claimant_id,
        status,
        as_of,
        value,
        value_low,
        value_high,
    from classed
)

-- In the order of core.figures: sorting 2.4 million mentions by claim took a third of the build.
select * from final
