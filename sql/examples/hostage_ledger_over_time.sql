-- The hostage ledger as each claimant reported it over time (carried forward between reports).
select
    claimant_id,
    claimant_class,
    report_date,
    abducted,
    hostages_released,
    hostages_rescued,
    hostage_bodies_recovered,
    hostages_remaining,
    hostages_alive,
    hostages_dead,
from marts.hostage_ledger
order by claimant_id, report_date
