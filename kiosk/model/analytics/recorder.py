"""The recorder: what visitors do, batched into few transactions."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from kiosk.model.analytics.schema import (
    FLUSH_SECONDS,
    KEEP_DAYS,
    AnalyticsError,
    _span_ms,
    grid_cell,
)
from kiosk.model.analytics.store import AnalyticsStore

log = logging.getLogger("kiosk.analytics")


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
