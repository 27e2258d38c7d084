"""Local, private visitor statistics in one SQLite file.

What is recorded: sessions (from the first touch to the idle reset), the screens seen in them with
their dwell time and language, the languages and accessibility modes used, and how many touches
landed in each cell of a coarse grid (:data:`GRID_COLUMNS` × :data:`GRID_ROWS` cells of the
window) per hour. Nothing personal, nothing that could tell two visitors apart, and nothing ever
leaves the machine.

Durability: the database is in WAL mode with ``synchronous=FULL``. :class:`Recorder` batches what
it is told and commits it in one transaction at most :data:`FLUSH_SECONDS` after it happened (and
at once at the end of a session), so a power cut loses at most the last couple of seconds; SQLite's
write-ahead log guarantees the file is never corrupted by a kill or a power cut mid-write.
(``synchronous=NORMAL`` would not: in WAL mode it skips the fsync at commit, and after a power cut
the operating system may have kept the last half-minute of commits in memory only.)

Size: :meth:`AnalyticsStore.rollup` moves detail older than *keep_days* (and the oldest detail
beyond a row cap) into per-day totals, drops totals older than :data:`KEEP_TOTALS_DAYS` and gives
the freed pages back to the file system. Totals are a few hundred rows a day at most.

This module imports nothing from Qt.
"""

from kiosk.model.analytics.aggregate import Aggregate, DayTotals
from kiosk.model.analytics.recorder import Recorder, open_recorder
from kiosk.model.analytics.schema import (
    FLUSH_SECONDS,
    GRID_COLUMNS,
    GRID_ROWS,
    KEEP_DAYS,
    KEEP_TOTALS_DAYS,
    MAX_SESSIONS,
    MAX_SPAN_SECONDS,
    MAX_VIEWS,
    MIGRATIONS,
    SCHEMA_VERSION,
    AnalyticsError,
    db_path,
    default_db_path,
    grid_cell,
)
from kiosk.model.analytics.store import AnalyticsStore

__all__ = [
    "FLUSH_SECONDS",
    "GRID_COLUMNS",
    "GRID_ROWS",
    "KEEP_DAYS",
    "KEEP_TOTALS_DAYS",
    "MAX_SESSIONS",
    "MAX_SPAN_SECONDS",
    "MAX_VIEWS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Aggregate",
    "AnalyticsError",
    "AnalyticsStore",
    "DayTotals",
    "Recorder",
    "db_path",
    "default_db_path",
    "grid_cell",
    "open_recorder",
]
