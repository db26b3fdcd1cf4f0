"""Which cut-off a close collects for (app/domain/dispatch.py collection_cutoff)."""

from datetime import UTC, datetime

from app.domain.dispatch import collection_cutoff

ZONE = datetime.now().astimezone().tzinfo  # the closing machine's own zone: the site's time


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 4, hour, minute, tzinfo=ZONE)


def test_the_latest_cutoff_passed_today():
    assert collection_cutoff(("15:30", "17:30"), at(18)) == at(17, 30)
    assert collection_cutoff(("15:30", "17:30"), at(16)) == at(15, 30)
    assert collection_cutoff(("16:30",), at(16, 30)) == at(16, 30)


def test_before_any_cutoff_the_close_itself():
    assert collection_cutoff(("16:30",), at(9)) == at(9)


def test_a_close_stamped_in_utc_reads_the_cutoffs_in_site_time():
    assert collection_cutoff(("16:30",), at(18).astimezone(UTC)) == at(16, 30)
