"""The statistics database's schema, limits and small helpers (no Qt)."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from platformdirs import user_data_dir

#: The touch grid: columns and rows of cells over the window (16:9 like the screen).
GRID_COLUMNS = 16
GRID_ROWS = 9
#: Longest time between two commits of the recorder, in seconds.
FLUSH_SECONDS = 2.0
#: Days of detail (sessions, screen views, hourly touches) kept before it is rolled up.
KEEP_DAYS = 30
#: Detail rows kept at most, whatever their age (the oldest days are rolled up first).
MAX_VIEWS = 200_000
MAX_SESSIONS = 50_000
#: Days of per-day totals kept.
KEEP_TOTALS_DAYS = 5 * 366
#: A view or session longer than this is clamped (a clock jump, a kiosk left on a screen).
MAX_SPAN_SECONDS = 6 * 3600

SCHEMA_VERSION = 1

_SCHEMA_V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,              -- local date of the start, YYYY-MM-DD
    hour INTEGER NOT NULL,          -- local hour of the start, 0-23
    started REAL NOT NULL,          -- Unix time
    ended REAL,                     -- Unix time of the idle reset; NULL while it runs
    last_seen REAL NOT NULL,        -- Unix time of the last commit while it ran
    last_input REAL NOT NULL,       -- Unix time of the last touch
    lang_start TEXT NOT NULL,
    langs TEXT NOT NULL DEFAULT '', -- languages used, comma-separated
    modes TEXT NOT NULL DEFAULT ''  -- accessibility modes used, comma-separated
);
CREATE INDEX sessions_day ON sessions(day);
CREATE TABLE views (
    id INTEGER PRIMARY KEY,
    session INTEGER NOT NULL,
    day TEXT NOT NULL,
    route TEXT NOT NULL,            -- the screen, e.g. "theme/frontier"
    started REAL NOT NULL,
    dwell_ms INTEGER NOT NULL DEFAULT 0,
    lang TEXT NOT NULL
);
CREATE INDEX views_day ON views(day);
CREATE TABLE touches (
    day TEXT NOT NULL, hour INTEGER NOT NULL, gx INTEGER NOT NULL, gy INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, hour, gx, gy)
) WITHOUT ROWID;
CREATE TABLE daily (
    day TEXT PRIMARY KEY,
    sessions INTEGER NOT NULL, session_ms INTEGER NOT NULL, active_ms INTEGER NOT NULL,
    views INTEGER NOT NULL, dwell_ms INTEGER NOT NULL, touches INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE daily_hours (
    day TEXT NOT NULL, hour INTEGER NOT NULL, sessions INTEGER NOT NULL,
    PRIMARY KEY (day, hour)
) WITHOUT ROWID;
CREATE TABLE daily_screens (
    day TEXT NOT NULL, route TEXT NOT NULL, lang TEXT NOT NULL,
    views INTEGER NOT NULL, dwell_ms INTEGER NOT NULL,
    PRIMARY KEY (day, route, lang)
) WITHOUT ROWID;
CREATE TABLE daily_tags (
    day TEXT NOT NULL, tag TEXT NOT NULL, sessions INTEGER NOT NULL,
    PRIMARY KEY (day, tag)
) WITHOUT ROWID;
CREATE TABLE daily_touches (
    day TEXT NOT NULL, gx INTEGER NOT NULL, gy INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (day, gx, gy)
) WITHOUT ROWID;
"""

#: Schema migrations: entry *n* takes the database from version *n* to *n* + 1.
MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1,)

_DETAIL_TABLES = ("sessions", "views", "touches")
_DAILY_TABLES = ("daily", "daily_hours", "daily_screens", "daily_tags", "daily_touches")


class AnalyticsError(RuntimeError):
    """The statistics database cannot be used (missing, not a database, or from a newer kiosk)."""


def default_db_path() -> Path:
    """``analytics.sqlite3`` in the platform's data folder (the folder is not created)."""
    return Path(user_data_dir("kiosk", appauthor=False)) / "analytics.sqlite3"


def db_path(setting: str) -> Path:
    """The database file named by the ``analytics_db`` setting (empty: the default)."""
    return Path(setting).expanduser() if setting else default_db_path()


def grid_cell(x: float, y: float) -> tuple[int, int] | None:
    """The grid cell of a point at (*x*, *y*) in window fractions; None outside the window."""
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0) or math.isnan(x + y):
        return None
    return min(GRID_COLUMNS - 1, int(x * GRID_COLUMNS)), min(GRID_ROWS - 1, int(y * GRID_ROWS))


def _statements(script: str) -> Iterable[str]:
    """The SQL statements of *script*, one by one (a ``;`` in a comment does not split)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()


def _span_ms(start: float, end: float) -> int:
    return round(max(0.0, min(float(end) - float(start), MAX_SPAN_SECONDS)) * 1000)
