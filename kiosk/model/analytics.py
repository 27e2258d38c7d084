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

from __future__ import annotations

import contextlib
import logging
import math
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

log = logging.getLogger("kiosk.analytics")

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


# --- aggregates -------------------------------------------------------------------------------


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


class AnalyticsStore:
    """The statistics database: schema, migrations, roll-up and reading.

    Args:
        path: the database file; its folder is created if needed.
        create: create the file if it does not exist (``kiosk stats`` does not).

    Raises:
        AnalyticsError: the file is missing (with *create* False), is not a database, or was
            written by a newer kiosk.
    """

    def __init__(self, path: Path, create: bool = True):
        self.path = path
        if not create and not path.is_file():
            raise AnalyticsError(f"{path}: no statistics recorded yet")
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, timeout=5.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise AnalyticsError(f"{path}: cannot be opened: {exc}") from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise AnalyticsError(f"{path}: not a usable statistics database: {exc}") from exc
        except AnalyticsError:
            self.db.close()
            raise

    def _setup(self) -> None:
        db = self.db
        # auto_vacuum only takes effect before the first table is made: set it first.
        db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("analytics: %s is not in WAL mode (%s)", self.path, mode)
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA journal_size_limit = 4194304")
        db.execute("PRAGMA busy_timeout = 5000")
        self._migrate()

    @property
    def version(self) -> int:
        row = self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        if row is None:
            return 0
        value = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return int(value[0]) if value else 0

    def _migrate(self) -> None:
        if self.version == len(MIGRATIONS):
            return  # nothing to write (``kiosk stats`` reading next to a running kiosk)
        with self.transaction() as db:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            version = self.version
            if version > len(MIGRATIONS):
                raise AnalyticsError(
                    f"{self.path}: written by a newer kiosk (schema {version}; "
                    f"this one knows up to {len(MIGRATIONS)})"
                )
            for number in range(version, len(MIGRATIONS)):
                log.info("analytics: migrating %s to schema %d", self.path, number + 1)
                for statement in _statements(MIGRATIONS[number]):
                    db.execute(statement)
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(len(MIGRATIONS)),),
            )

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed at the end of the block, rolled back on an error."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def integrity(self) -> str:
        """``PRAGMA integrity_check``: ``"ok"`` for a sound file."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def count(self, table: str) -> int:
        if table not in (*_DETAIL_TABLES, *_DAILY_TABLES):
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def size_bytes(self) -> int:
        """The size of the database (pages in use and free), without its write-ahead log."""
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        size = self.db.execute("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(size)

    # -- crash recovery and roll-up ----------------------------------------------------------------

    def recover(self) -> int:
        """End the sessions a crash or power cut left open, at their last commit; returns how many.

        Only the recorder calls this, before it starts a session: a session a running kiosk has
        open is not dangling.
        """
        with self.transaction() as db:
            cursor = db.execute("UPDATE sessions SET ended = last_seen WHERE ended IS NULL")
            return cursor.rowcount

    def rollup(
        self,
        keep_days: int = KEEP_DAYS,
        today: date | None = None,
        max_views: int = MAX_VIEWS,
        max_sessions: int = MAX_SESSIONS,
        keep_totals_days: int = KEEP_TOTALS_DAYS,
    ) -> int:
        """Move detail older than *keep_days* (and beyond the row caps) into per-day totals.

        Returns the number of detail rows removed. Totals older than *keep_totals_days* are
        dropped, and the file gives its free pages back.
        """
        today = today or date.today()
        cutoff = (today - timedelta(days=keep_days)).isoformat()
        removed = self._rollup_before(cutoff)
        for table, cap in (("views", max_views), ("sessions", max_sessions)):
            while self.count(table) > cap:
                oldest = self.db.execute(f"SELECT MIN(day) FROM {table}").fetchone()[0]
                removed += self._rollup_before(
                    (date.fromisoformat(oldest) + timedelta(1)).isoformat()
                )
        drop = (today - timedelta(days=keep_totals_days)).isoformat()
        with self.transaction() as db:
            for table in _DAILY_TABLES:
                db.execute(f"DELETE FROM {table} WHERE day < ?", (drop,))
        if removed:
            self.db.execute("PRAGMA incremental_vacuum")
            log.info("analytics: rolled up %d detail rows before %s", removed, cutoff)
        return removed

    def _rollup_before(self, day: str) -> int:
        with self.transaction() as db:
            aggregate = self._detail("day < ?", (day,))
            _write_daily(db, aggregate)
            removed = 0
            for table in _DETAIL_TABLES:
                removed += db.execute(f"DELETE FROM {table} WHERE day < ?", (day,)).rowcount
            return removed

    # -- reading -----------------------------------------------------------------------------------

    def aggregate(self, since: date | None = None, until: date | None = None) -> Aggregate:
        """Every total from *since* to *until* (inclusive), from detail and roll-ups alike."""
        where = "day >= ? AND day <= ?"
        params = (since.isoformat() if since else "", until.isoformat() if until else "9999")
        result = self._daily(where, params)
        result.merge(self._detail(where, params))
        return result

    def _detail(self, where: str, params: tuple[str, ...]) -> Aggregate:
        """The totals of the detail rows *where* (an SQL condition on ``day``) selects."""
        out = Aggregate()
        rows = self.db.execute(
            "SELECT day, hour, started, COALESCE(ended, last_seen), last_input, lang_start, "
            f"langs, modes FROM sessions WHERE {where}",
            params,
        )
        for day, hour, started, ended, last_input, lang_start, langs, modes in rows:
            totals = out.day(day)
            totals.sessions += 1
            totals.session_ms += _span_ms(started, ended)
            totals.active_ms += _span_ms(started, min(last_input, ended))
            out.hours[(day, hour)] += 1
            tags = {f"start:{lang_start}"}
            tags.update(f"lang:{lang}" for lang in langs.split(",") if lang)
            tags.update(f"mode:{mode}" for mode in modes.split(",") if mode)
            for tag in tags:
                out.tags[(day, tag)] += 1
        rows = self.db.execute(
            "SELECT day, route, lang, COUNT(*), SUM(dwell_ms) FROM views "
            f"WHERE {where} GROUP BY day, route, lang",
            params,
        )
        for day, route, lang, views, dwell in rows:
            out.add_screen((day, route, lang), views, dwell)
            totals = out.day(day)
            totals.views += views
            totals.dwell_ms += dwell
        rows = self.db.execute(
            f"SELECT day, gx, gy, SUM(count) FROM touches WHERE {where} GROUP BY day, gx, gy",
            params,
        )
        for day, gx, gy, count in rows:
            out.touches[(day, gx, gy)] += count
            out.day(day).touches += count
        return out

    def _daily(self, where: str, params: tuple[str, ...]) -> Aggregate:
        """The rolled-up totals *where* (an SQL condition on ``day``) selects."""
        out = Aggregate()
        db = self.db
        for day, *values in db.execute(
            "SELECT day, sessions, session_ms, active_ms, views, dwell_ms, touches FROM daily "
            f"WHERE {where}",
            params,
        ):
            out.day(day).add(DayTotals(*values))
        for day, hour, sessions in db.execute(
            f"SELECT day, hour, sessions FROM daily_hours WHERE {where}", params
        ):
            out.hours[(day, hour)] += sessions
        for day, route, lang, views, dwell in db.execute(
            f"SELECT day, route, lang, views, dwell_ms FROM daily_screens WHERE {where}", params
        ):
            out.add_screen((day, route, lang), views, dwell)
        for day, tag, sessions in db.execute(
            f"SELECT day, tag, sessions FROM daily_tags WHERE {where}", params
        ):
            out.tags[(day, tag)] += sessions
        for day, gx, gy, count in db.execute(
            f"SELECT day, gx, gy, count FROM daily_touches WHERE {where}", params
        ):
            out.touches[(day, gx, gy)] += count
        return out

    def views(self, session: int | None = None) -> list[tuple[Any, ...]]:
        """Screen views in order: (session, route, started, dwell_ms, lang); for tests, checks."""
        sql = "SELECT session, route, started, dwell_ms, lang FROM views"
        args: tuple[int, ...] = ()
        if session is not None:
            sql += " WHERE session = ?"
            args = (session,)
        return [tuple(row) for row in self.db.execute(sql + " ORDER BY id", args)]

    def sessions(self) -> list[dict[str, object]]:
        """Every session still in detail, oldest first, as dicts (for tests and checks)."""
        cursor = self.db.execute("SELECT * FROM sessions ORDER BY id")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


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


@dataclass
class _Session:
    day: str
    hour: int
    started: float
    lang_start: str
    langs: set[str]
    modes: set[str] = field(default_factory=set)
    last_input: float = 0.0
    ended: float | None = None
    id: int | None = None


@dataclass
class _View:
    session: _Session
    day: str
    route: str
    started: float
    lang: str
    dwell_ms: int = 0
    id: int | None = None


class Recorder:
    """Records what visitors do, in batches: one transaction at most every *flush_every* seconds.

    Every method is cheap (memory only) until a commit is due; a database error is logged and
    never raised, so the kiosk goes on whatever happens to the file. Call :meth:`tick` regularly
    (the Qt bridge does, every *flush_every* seconds) so that a visitor who only reads still has
    their dwell time committed.

    Args:
        store: the database.
        clock: Unix time now (injectable for tests).
        flush_every: the longest time in seconds between two commits.
        tz: the time zone of the days and hours recorded (default: the machine's).
        keep_days: detail kept before the daily roll-up, which runs at start and once a day.
    """

    def __init__(
        self,
        store: AnalyticsStore,
        clock: Callable[[], float] = time.time,
        flush_every: float = FLUSH_SECONDS,
        tz: tzinfo | None = None,
        keep_days: int = KEEP_DAYS,
    ):
        self.store = store
        self.clock = clock
        self.flush_every = flush_every
        self.tz = tz
        self.keep_days = keep_days
        self.session: _Session | None = None
        self.view: _View | None = None
        self.commits = 0
        self._sessions: list[_Session] = []  # changed since the last commit
        self._views: list[_View] = []
        self._touches: Counter[tuple[str, int, int, int]] = Counter()
        self._last_flush = clock()
        self._rolled_up: str | None = None
        self._failing = False
        self._guard(self._start)

    def _start(self) -> None:
        recovered = self.store.recover()
        if recovered:
            log.info("analytics: closed %d session(s) left open by a crash or power cut", recovered)
        self._rollup()

    def _rollup(self) -> None:
        today = self._local(self.clock()).date()
        if self._rolled_up != today.isoformat():
            self._rolled_up = today.isoformat()
            self.store.rollup(self.keep_days, today)

    def _local(self, moment: float) -> datetime:
        return datetime.fromtimestamp(moment, self.tz)

    # -- what happened -----------------------------------------------------------------------------

    def session_start(self, lang: str) -> None:
        """A visitor started a session (the first touch on the attract loop)."""
        if self.session is not None:
            self.session_end()
        now = self.clock()
        local = self._local(now)
        self.session = _Session(
            local.date().isoformat(), local.hour, now, lang, {lang}, last_input=now
        )
        self._sessions.append(self.session)
        self._maybe_flush(now)

    def screen(self, route: str, lang: str) -> None:
        """A screen came up (in *lang*); the previous one's dwell time ends now."""
        now = self.clock()
        if self.session is None:
            self.session_start(lang)
        assert self.session is not None
        self._end_view(now)
        self.view = _View(self.session, self._local(now).date().isoformat(), route, now, lang)
        self._views.append(self.view)
        self._note_lang(lang)
        self._maybe_flush(now)

    def language(self, lang: str) -> None:
        """The visitor switched the language (the screen stays)."""
        self._note_lang(lang)
        self._maybe_flush(self.clock())

    def mode(self, name: str, on: bool) -> None:
        """An accessibility mode was turned on (or off: only use is recorded)."""
        if on and self.session is not None and name not in self.session.modes:
            self.session.modes.add(name)
            self._dirty(self.session)
        self._maybe_flush(self.clock())

    def touch(self, x: float, y: float) -> None:
        """A touch at (*x*, *y*) in fractions of the window's width and height."""
        now = self.clock()
        cell = grid_cell(x, y)
        if cell is not None:
            local = self._local(now)
            self._touches[(local.date().isoformat(), local.hour, *cell)] += 1
        self.activity()

    def activity(self) -> None:
        """Input happened (the session's active time runs to the last input)."""
        now = self.clock()
        if self.session is not None:
            self.session.last_input = now
        self._maybe_flush(now)

    def session_end(self) -> None:
        """The idle reset: the session and its last screen end now; committed at once."""
        now = self.clock()
        if self.session is not None:
            self._end_view(now)
            self.session.ended = now
            self._dirty(self.session)
            self.session = None
        self.flush()
        self._guard(self._rollup)

    def discard_session(self) -> None:
        """Forget the running session (staff opened the admin PIN pad: not a visitor)."""
        session, self.session, self.view = self.session, None, None
        if session is None:
            return
        self._sessions = [s for s in self._sessions if s is not session]
        self._views = [v for v in self._views if v.session is not session]
        if session.id is not None:
            sid = session.id

            def forget() -> None:
                with self.store.transaction() as db:
                    db.execute("DELETE FROM views WHERE session = ?", (sid,))
                    db.execute("DELETE FROM sessions WHERE id = ?", (sid,))

            self._guard(forget)

    def _note_lang(self, lang: str) -> None:
        if self.session is not None and lang not in self.session.langs:
            self.session.langs.add(lang)
            self._dirty(self.session)

    def _end_view(self, now: float) -> None:
        if self.view is not None:
            self.view.dwell_ms = _span_ms(self.view.started, now)
            if self.view not in self._views:
                self._views.append(self.view)
            self.view = None

    def _dirty(self, session: _Session) -> None:
        if session not in self._sessions:
            self._sessions.append(session)

    # -- committing --------------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """Whether anything is waiting to be committed (a running session always is)."""
        return bool(self._sessions or self._views or self._touches or self.session)

    def tick(self) -> None:
        """Commit if the last commit is *flush_every* seconds old."""
        self._maybe_flush(self.clock())

    def _maybe_flush(self, now: float) -> None:
        if now - self._last_flush >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        """Commit everything recorded so far in one transaction (never raises)."""
        now = self.clock()
        self._last_flush = now
        if not self.pending:
            return
        if self.session is not None:
            self._dirty(self.session)
        if self.view is not None:
            self.view.dwell_ms = _span_ms(self.view.started, now)
            if self.view not in self._views:
                self._views.append(self.view)
        if self._guard(lambda: self._write(now)):
            self._sessions.clear()
            self._views.clear()
            self._touches.clear()
            self.commits += 1

    def _write(self, now: float) -> None:
        inserted: list[_Session | _View] = []
        try:
            self._insert_or_update(now, inserted)
        except BaseException:
            for record in inserted:  # rolled back: they get new ids next time
                record.id = None
            raise

    def _insert_or_update(self, now: float, inserted: list[_Session | _View]) -> None:
        with self.store.transaction() as db:
            for session in self._sessions:
                values = (
                    session.ended,
                    now if session.ended is None else session.ended,
                    session.last_input,
                    ",".join(sorted(session.langs)),
                    ",".join(sorted(session.modes)),
                )
                if session.id is None:
                    cursor = db.execute(
                        "INSERT INTO sessions (ended, last_seen, last_input, langs, modes, "
                        "day, hour, started, lang_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*values, session.day, session.hour, session.started, session.lang_start),
                    )
                    session.id = cursor.lastrowid
                    inserted.append(session)
                else:
                    db.execute(
                        "UPDATE sessions SET ended = ?, last_seen = ?, last_input = ?, langs = ?, "
                        "modes = ? WHERE id = ?",
                        (*values, session.id),
                    )
            for view in self._views:
                if view.id is None:
                    cursor = db.execute(
                        "INSERT INTO views (session, day, route, started, dwell_ms, lang) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            view.session.id,
                            view.day,
                            view.route,
                            view.started,
                            view.dwell_ms,
                            view.lang,
                        ),
                    )
                    view.id = cursor.lastrowid
                    inserted.append(view)
                else:
                    db.execute(
                        "UPDATE views SET dwell_ms = ? WHERE id = ?", (view.dwell_ms, view.id)
                    )
            db.executemany(
                "INSERT INTO touches VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, hour, gx, gy) "
                "DO UPDATE SET count = count + excluded.count",
                [(*key, n) for key, n in self._touches.items()],
            )

    def close(self) -> None:
        """End a running session, commit and close the database."""
        self.session_end()
        self._guard(self.store.close)

    def _guard(self, action: Callable[[], object]) -> bool:
        """Run *action*; log a database error (once while it persists) instead of raising."""
        try:
            action()
        except (sqlite3.Error, AnalyticsError) as exc:
            if not self._failing:
                log.error("analytics: %s: %s", self.store.path, exc)
            self._failing = True
            return False
        if self._failing:
            log.info("analytics: %s works again", self.store.path)
            self._failing = False
        return True


def open_recorder(
    path: Path, clock: Callable[[], float] = time.time, flush_every: float = FLUSH_SECONDS
) -> Recorder | None:
    """A recorder on the database at *path*, or None (logged) if it cannot be had.

    A file that is not a database (a broken disk, a stray file) is moved aside as
    ``NAME.broken-YYYYmmdd-HHMMSS`` and a new one is started; a file from a newer kiosk is left
    alone and nothing is recorded.
    """
    try:
        return Recorder(AnalyticsStore(path), clock=clock, flush_every=flush_every)
    except AnalyticsError as exc:
        if "newer kiosk" in str(exc):
            log.error("analytics off: %s", exc)
            return None
        log.error("analytics: %s; starting a new database", exc)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        for suffix in ("", "-wal", "-shm"):
            old = path.with_name(path.name + suffix)
            if old.exists():
                old.replace(path.with_name(f"{path.name}.broken-{stamp}{suffix}"))
        return Recorder(AnalyticsStore(path), clock=clock, flush_every=flush_every)
    except (OSError, AnalyticsError) as exc:
        log.error("analytics off: %s", exc)
        return None
