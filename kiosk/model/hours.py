"""Opening hours: when the booth is open, parsed from one line of text.

The format is a list of entries separated by ``;``; each entry names weekdays and the time ranges
the kiosk is open on them::

    mon-fri 09:00-17:30; sat 10:00-12:00, 13:00-16:00; sun closed

Weekdays are ``mon tue wed thu fri sat sun``, alone, as a range (``mon-fri``, ``fri-mon`` wraps) or
in a list (``mon,wed,fri``). A range is ``HH:MM-HH:MM`` with the end after the start (``24:00``
is the end of the day). A weekday named in no entry is closed; an empty text means always closed.

Times are wall-clock times of naive local :class:`~datetime.datetime` values. This module imports
nothing from Qt.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import NamedTuple

#: Weekday names in Python's order (``datetime.weekday()``: Monday is 0).
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_ENTRY = re.compile(r"^([a-z,\-\s]*?)\s*((?:closed|\d).*)$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DASHES = str.maketrans({"–": "-", "—": "-", "－": "-", "：": ":", "；": ";", "，": ","})

#: Minutes since midnight: a half-open range [start, end).
Range = tuple[int, int]


class HoursError(ValueError):
    """The opening hours text is not valid; the message says where and why."""


class OpeningHours(NamedTuple):
    """The weekly opening hours.

    Attributes:
        days: for each weekday (Monday first), its open ranges in minutes, sorted and merged.
        text: the text the hours were parsed from.
    """

    days: tuple[tuple[Range, ...], ...]
    text: str = ""

    @classmethod
    def parse(cls, text: str) -> OpeningHours:
        """Parse *text* (see the module documentation).

        Raises:
            HoursError: *text* is not valid; the message quotes the faulty part.
        """
        days: list[list[Range]] = [[] for _ in WEEKDAYS]
        normalised = text.translate(_DASHES).strip().lower()
        for entry in filter(None, (part.strip() for part in normalised.split(";"))):
            match = _ENTRY.match(entry)
            day_part, time_part = match.groups() if match else (entry, "")
            weekdays = _parse_days(day_part.replace(" ", ""), entry)
            ranges = _parse_ranges(time_part.strip(), entry)
            for day in weekdays:
                days[day].extend(ranges)
        return cls(tuple(_merge(ranges) for ranges in days), text)

    @classmethod
    def always(cls) -> OpeningHours:
        """Open around the clock."""
        return cls.parse("mon-sun 00:00-24:00")

    def is_open(self, when: datetime) -> bool:
        """Whether the booth is open at *when*."""
        minute = when.hour * 60 + when.minute
        return any(start <= minute < end for start, end in self.days[when.weekday()])

    def next_change(self, when: datetime) -> datetime | None:
        """The first moment after *when* at which :meth:`is_open` changes; None if it never does."""
        state = self.is_open(when)
        for boundary in self._boundaries(when):
            if self.is_open(boundary) != state:
                return boundary
        return None

    def next_opening(self, when: datetime) -> datetime | None:
        """The next moment the booth opens after *when* (None if it never opens).

        While open, this is the opening after the current one closes.
        """
        if self.is_open(when):
            closing = self.next_change(when)
            if closing is None:
                return None
            when = closing
        return self.next_change(when)

    def _boundaries(self, when: datetime) -> list[datetime]:
        """Every start and end of a range in the eight days from *when*'s day, after *when*."""
        midnight = datetime.combine(when.date(), time(), tzinfo=when.tzinfo)
        found = set()
        for offset in range(9):
            day = midnight + timedelta(days=offset)
            for start, end in self.days[day.weekday()]:
                found.add(day + timedelta(minutes=start))
                found.add(day + timedelta(minutes=end))
        return sorted(moment for moment in found if moment > when)

    def summary(self) -> list[tuple[tuple[int, ...], tuple[Range, ...]]]:
        """The hours grouped by runs of days with the same ranges: ``[((0, 1, 2, 3, 4), ranges)]``.

        Closed days are left out.
        """
        groups: list[tuple[list[int], tuple[Range, ...]]] = []
        for day, ranges in enumerate(self.days):
            if not ranges:
                continue
            if groups and groups[-1][1] == ranges and groups[-1][0][-1] == day - 1:
                groups[-1][0].append(day)
            else:
                groups.append(([day], ranges))
        return [(tuple(days), ranges) for days, ranges in groups]


def format_minutes(minutes: int) -> str:
    """``"09:30"`` for 570."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _parse_days(text: str, entry: str) -> list[int]:
    if not text:
        raise HoursError(f"{entry!r}: expected weekdays such as mon-fri")
    found: list[int] = []
    for item in text.split(","):
        first, dash, last = item.strip().partition("-")
        start = _weekday(first, entry)
        if not dash:
            found.append(start)
            continue
        end = _weekday(last, entry)
        found.extend((start + i) % 7 for i in range((end - start) % 7 + 1))
    return found


def _weekday(name: str, entry: str) -> int:
    name = name.strip()
    if name not in WEEKDAYS:
        raise HoursError(
            f"{entry!r}: {name!r} is not a weekday (use {', '.join(WEEKDAYS)}, or a range: mon-fri)"
        )
    return WEEKDAYS.index(name)


def _parse_ranges(text: str, entry: str) -> list[Range]:
    if text == "closed":
        return []
    if not text:
        raise HoursError(f"{entry!r}: expected opening times such as 09:00-17:30, or 'closed'")
    ranges = []
    for item in re.sub(r"\s*([,-])\s*", r"\1", text).split(","):
        first, dash, last = item.partition("-")
        if not dash:
            raise HoursError(f"{entry!r}: expected a time range such as 09:00-17:30, not {item!r}")
        start, end = _minutes(first, entry), _minutes(last, entry)
        if end <= start:
            raise HoursError(f"{entry!r}: {item!r} ends before it starts")
        ranges.append((start, end))
    return ranges


def _minutes(text: str, entry: str) -> int:
    match = _TIME.match(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if (hours < 24 and minutes < 60) or (hours == 24 and minutes == 0):
            return hours * 60 + minutes
    raise HoursError(f"{entry!r}: {text!r} is not a time (expected HH:MM, 00:00 to 24:00)")


def _merge(ranges: list[Range]) -> tuple[Range, ...]:
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
