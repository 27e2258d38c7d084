"""The statistics database: schema set-up, migrations, roll-up and reading."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kiosk.model.analytics.aggregate import Aggregate, DayTotals, _write_daily
from kiosk.model.analytics.schema import (
    _DAILY_TABLES,
    _DETAIL_TABLES,
    KEEP_DAYS,
    KEEP_TOTALS_DAYS,
    MAX_SESSIONS,
    MAX_VIEWS,
    MIGRATIONS,
    AnalyticsError,
    _span_ms,
    _statements,
)

log = logging.getLogger("kiosk.analytics")


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
