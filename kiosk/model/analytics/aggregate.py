"""Per-day totals, in the shape of the roll-up tables, and how they are written."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class DayTotals:
    sessions: int = 0
    session_ms: int = 0
    active_ms: int = 0
    views: int = 0
    dwell_ms: int = 0
    touches: int = 0

    def add(self, other: DayTotals) -> None:
        self.sessions += other.sessions
        self.session_ms += other.session_ms
        self.active_ms += other.active_ms
        self.views += other.views
        self.dwell_ms += other.dwell_ms
        self.touches += other.touches


@dataclass
class Aggregate:
    """Totals per day, in the shape of the roll-up tables (detail and roll-ups read alike).

    Attributes:
        daily: day → totals.
        hours: (day, hour) → sessions started.
        screens: (day, route, lang) → [views, dwell_ms].
        tags: (day, tag) → sessions; tags are ``start:LANG``, ``lang:LANG`` and ``mode:NAME``.
        touches: (day, gx, gy) → touches.
    """

    daily: dict[str, DayTotals] = field(default_factory=dict)
    hours: Counter[tuple[str, int]] = field(default_factory=Counter)
    screens: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)
    tags: Counter[tuple[str, str]] = field(default_factory=Counter)
    touches: Counter[tuple[str, int, int]] = field(default_factory=Counter)

    def day(self, day: str) -> DayTotals:
        return self.daily.setdefault(day, DayTotals())

    def add_screen(self, key: tuple[str, str, str], views: int, dwell_ms: int) -> None:
        totals = self.screens.setdefault(key, [0, 0])
        totals[0] += views
        totals[1] += dwell_ms

    def merge(self, other: Aggregate) -> None:
        for day, totals in other.daily.items():
            self.day(day).add(totals)
        self.hours.update(other.hours)
        for key, (views, dwell) in other.screens.items():
            self.add_screen(key, views, dwell)
        self.tags.update(other.tags)
        self.touches.update(other.touches)


# --- the store --------------------------------------------------------------------------------


def _write_daily(db: sqlite3.Connection, aggregate: Aggregate) -> None:
    for day, t in aggregate.daily.items():
        db.execute(
            "INSERT INTO daily VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET "
            "sessions = sessions + excluded.sessions, "
            "session_ms = session_ms + excluded.session_ms, "
            "active_ms = active_ms + excluded.active_ms, views = views + excluded.views, "
            "dwell_ms = dwell_ms + excluded.dwell_ms, touches = touches + excluded.touches",
            (day, t.sessions, t.session_ms, t.active_ms, t.views, t.dwell_ms, t.touches),
        )
    db.executemany(
        "INSERT INTO daily_hours VALUES (?, ?, ?) ON CONFLICT (day, hour) "
        "DO UPDATE SET sessions = sessions + excluded.sessions",
        [(day, hour, n) for (day, hour), n in aggregate.hours.items()],
    )
    db.executemany(
        "INSERT INTO daily_screens VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, route, lang) "
        "DO UPDATE SET views = views + excluded.views, dwell_ms = dwell_ms + excluded.dwell_ms",
        [(*key, views, dwell) for key, (views, dwell) in aggregate.screens.items()],
    )
    db.executemany(
        "INSERT INTO daily_tags VALUES (?, ?, ?) ON CONFLICT (day, tag) "
        "DO UPDATE SET sessions = sessions + excluded.sessions",
        [(day, tag, n) for (day, tag), n in aggregate.tags.items()],
    )
    db.executemany(
        "INSERT INTO daily_touches VALUES (?, ?, ?, ?) ON CONFLICT (day, gx, gy) "
        "DO UPDATE SET count = count + excluded.count",
        [(*key, n) for key, n in aggregate.touches.items()],
    )


# --- the recorder -----------------------------------------------------------------------------
