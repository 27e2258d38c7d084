"""Opening hours: the format, open or closed at a moment, the next change."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.model.hours import HoursError, OpeningHours
from kiosk.model.settings import Settings, load_settings

# 2023-05-22 is a Monday.
MON = datetime(2023, 5, 22)


def at(day: int, hhmm: str) -> datetime:
    """Monday + *day* days at *hhmm*."""
    hours, minutes = map(int, hhmm.split(":"))
    return MON + timedelta(days=day, hours=hours, minutes=minutes)


def test_the_default_setting_is_valid_and_open_every_day() -> None:
    hours = OpeningHours.parse(Settings.defaults().opening_hours)
    for day in range(7):
        assert not hours.is_open(at(day, "08:29"))
        assert hours.is_open(at(day, "08:30"))
        assert hours.is_open(at(day, "17:59"))
        assert not hours.is_open(at(day, "18:00"))


def test_weekdays_without_an_entry_are_closed() -> None:
    hours = OpeningHours.parse("mon-fri 09:00-17:30; sat 10:00-16:00")
    assert hours.is_open(at(0, "09:00")) and hours.is_open(at(4, "17:29"))
    assert hours.is_open(at(5, "12:00"))
    assert not hours.is_open(at(5, "16:00"))
    assert not any(hours.is_open(at(6, f"{h:02d}:00")) for h in range(24)), "Sunday is closed"


@pytest.mark.parametrize(
    ("text", "open_days"),
    [
        ("mon,wed,fri 10:00-11:00", {0, 2, 4}),
        ("MON, Wed , fri 10:00-11:00", {0, 2, 4}),
        ("fri-mon 10:00-11:00", {4, 5, 6, 0}),
        ("sat-sun 10:00–11:00", {5, 6}),  # an en dash, as editors type it
        ("mon-sun 10:00-11:00; sun closed", set(range(7))),  # closed adds no hours
        ("", set()),
        ("  ;  ", set()),
    ],
)
def test_weekday_lists_and_ranges(text: str, open_days: set[int]) -> None:
    hours = OpeningHours.parse(text)
    assert {day for day in range(7) if hours.is_open(at(day, "10:30"))} == open_days


def test_several_ranges_a_day_and_a_lunch_break() -> None:
    hours = OpeningHours.parse("tue 09:00-12:00, 13:00-17:00")
    assert hours.is_open(at(1, "11:59"))
    assert not hours.is_open(at(1, "12:30"))
    assert hours.is_open(at(1, "13:00"))
    assert hours.next_change(at(1, "10:00")) == at(1, "12:00")
    assert hours.next_change(at(1, "12:00")) == at(1, "13:00")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mon-fri 9-17", "'9' is not a time"),
        ("mon-fri 09:00", "expected a time range"),
        ("mon-fri 17:00-09:00", "ends before it starts"),
        ("mon-fri 09:00-24:30", "'24:30' is not a time"),
        ("mon-fri 09:60-10:00", "'09:60' is not a time"),
        ("monday 09:00-10:00", "'monday' is not a weekday"),
        ("mon-fry 09:00-10:00", "'fry' is not a weekday"),
        ("09:00-10:00", "expected weekdays"),
        ("mon-fri", "expected opening times"),
    ],
)
def test_invalid_hours_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(HoursError, match=message):
        OpeningHours.parse(text)


def test_a_bad_setting_is_reported_and_the_default_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('opening_hours = "mon-fri 9 to 5"\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.opening_hours == Settings.defaults().opening_hours
    assert len(problems) == 1 and "opening_hours" in problems[0] and "'9 to 5'" in problems[0]
    with pytest.raises(ValueError, match="opening_hours"):
        Settings.defaults().replace(opening_hours="sun 10:00")


def test_next_change_crosses_closed_days() -> None:
    hours = OpeningHours.parse("mon-fri 09:00-17:30; sat 10:00-16:00")
    assert hours.next_change(at(4, "18:00")) == at(5, "10:00")  # Friday evening → Saturday
    assert hours.next_change(at(5, "16:00")) == at(7, "09:00")  # Saturday → next Monday
    assert hours.next_change(at(0, "09:00")) == at(0, "17:30")
    assert hours.next_opening(at(0, "12:00")) == at(1, "09:00")
    assert hours.next_opening(at(6, "12:00")) == at(7, "09:00")


def test_midnight_is_not_a_change_when_open_across_it() -> None:
    hours = OpeningHours.parse("fri 18:00-24:00; sat 00:00-02:00")
    assert hours.is_open(at(4, "23:59"))
    assert hours.is_open(at(5, "00:00"))
    assert hours.next_change(at(4, "19:00")) == at(5, "02:00")


def test_always_and_never() -> None:
    assert OpeningHours.always().next_change(MON) is None
    assert OpeningHours.always().is_open(at(3, "03:00"))
    never = OpeningHours.parse("")
    assert never.next_change(MON) is None
    assert never.next_opening(MON) is None


def test_summary_groups_runs_of_days() -> None:
    hours = OpeningHours.parse("mon-fri 09:00-17:30; sat 10:00-16:00")
    assert hours.summary() == [((0, 1, 2, 3, 4), ((540, 1050),)), ((5,), ((600, 960),))]


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 95), st.integers(1, 96)), min_size=1, max_size=6
    ),
    st.integers(0, 7 * 24 * 4 - 1),
)
def test_next_change_is_the_first_moment_the_state_flips(
    spec: list[tuple[int, int, int]], quarter: int
) -> None:
    entries = []
    for day, start, length in spec:
        end = min(96, start + length)
        if end > start:
            entries.append(
                f"{['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][day]} "
                f"{start // 4:02d}:{start % 4 * 15:02d}-{end // 4:02d}:{end % 4 * 15:02d}"
            )
    hours = OpeningHours.parse("; ".join(entries))
    when = MON + timedelta(minutes=15 * quarter)
    change = hours.next_change(when)
    state = hours.is_open(when)
    step = when + timedelta(minutes=15)
    limit = when + timedelta(days=8)
    while step < (change or limit):
        assert hours.is_open(step) == state
        step += timedelta(minutes=15)
    if change is not None:
        assert hours.is_open(change) != state
