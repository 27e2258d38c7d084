"""The statistics store and recorder: schema, batching, roll-up, crash safety (no Qt)."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.model.analytics import (
    GRID_COLUMNS,
    GRID_ROWS,
    SCHEMA_VERSION,
    AnalyticsError,
    AnalyticsStore,
    Recorder,
    grid_cell,
    open_recorder,
)

HERE = Path(__file__).resolve().parent
START = datetime(2023, 5, 25, 9, 30, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand (Unix time)."""

    def __init__(self, start: datetime = START):
        self.now = start.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def other_connection(path: Path) -> contextlib.closing[sqlite3.Connection]:
    """What another process (``kiosk stats``) sees: only committed data (closed after use: a
    connection's ``with`` block commits, it does not close)."""
    return contextlib.closing(sqlite3.connect(path))


def count(path: Path, table: str) -> int:
    with other_connection(path) as db:
        return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnalyticsStore]:
    store = AnalyticsStore(tmp_path / "stats" / "analytics.sqlite3")
    yield store
    store.close()  # closing twice is harmless: a test may close it itself


def recorder_for(store: AnalyticsStore, clock: Clock, **kw: object) -> Recorder:
    return Recorder(store, clock=clock, tz=UTC, **kw)  # type: ignore[arg-type]


# --- schema ----------------------------------------------------------------------------------


def test_a_new_database_is_in_wal_mode_with_the_current_schema(store: AnalyticsStore) -> None:
    db = store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: commits survive power cuts
    assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental: the file shrinks
    assert store.version == SCHEMA_VERSION
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "sessions", "views", "touches", "daily", "daily_screens"} <= tables
    assert store.integrity() == "ok"


def test_reopening_keeps_the_data_and_the_version(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "a.sqlite3"
    recorder = recorder_for(AnalyticsStore(path), clock)
    recorder.screen("home", "zh")
    recorder.close()
    again = AnalyticsStore(path)
    assert again.version == SCHEMA_VERSION
    assert [v[1] for v in again.views()] == ["home"]
    again.close()


def test_a_database_from_a_newer_kiosk_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    AnalyticsStore(path).close()
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    with pytest.raises(AnalyticsError, match="newer kiosk"):
        AnalyticsStore(path)
    assert open_recorder(path) is None
    assert sorted(p.name for p in tmp_path.iterdir() if "broken" in p.name) == []


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "analytics.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    recorder = open_recorder(path)
    assert recorder is not None
    recorder.screen("home", "zh")
    recorder.close()
    assert [p.name.split(".broken-")[0] for p in tmp_path.glob("*.broken-*")] == [path.name]
    assert count(path, "views") == 1


def test_stats_does_not_create_a_database(tmp_path: Path) -> None:
    with pytest.raises(AnalyticsError, match="no statistics"):
        AnalyticsStore(tmp_path / "none.sqlite3", create=False)
    assert not (tmp_path / "none.sqlite3").exists()


def test_grid_cells_cover_the_window() -> None:
    assert grid_cell(0.0, 0.0) == (0, 0)
    assert grid_cell(1.0, 1.0) == (GRID_COLUMNS - 1, GRID_ROWS - 1)
    assert grid_cell(0.5, 0.5) == (GRID_COLUMNS // 2, GRID_ROWS // 2)
    assert grid_cell(-0.01, 0.5) is None
    assert grid_cell(0.5, 1.2) is None
    assert grid_cell(float("nan"), 0.5) is None


# --- the recorder ----------------------------------------------------------------------------


def test_the_recorder_batches_and_commits_every_two_seconds(
    store: AnalyticsStore, clock: Clock
) -> None:
    recorder = recorder_for(store, clock, flush_every=2.0)
    recorder.session_start("zh")
    recorder.screen("home", "zh")
    recorder.touch(0.5, 0.5)
    clock.advance(1.9)
    recorder.screen("themes", "zh")
    recorder.touch(0.2, 0.8)
    assert count(store.path, "sessions") == 0, "nothing is committed before two seconds"
    assert recorder.commits == 0
    clock.advance(0.1)
    recorder.touch(0.2, 0.8)  # any event once two seconds have passed commits everything
    assert recorder.commits == 1
    assert count(store.path, "sessions") == 1
    assert count(store.path, "views") == 2
    with other_connection(store.path) as db:
        assert db.execute("SELECT SUM(count) FROM touches").fetchone()[0] == 3
        assert db.execute("SELECT dwell_ms FROM views ORDER BY id").fetchall() == [(1900,), (100,)]
    recorder.close()


def test_a_visitor_who_only_reads_has_the_dwell_committed_by_tick(
    store: AnalyticsStore, clock: Clock
) -> None:
    recorder = recorder_for(store, clock)
    recorder.screen("theme/frontier", "en")
    recorder.flush()
    clock.advance(1.0)
    recorder.tick()
    assert recorder.commits == 1, "tick commits only when two seconds have passed"
    clock.advance(1.0)
    recorder.tick()
    assert recorder.commits == 2
    with other_connection(store.path) as db:
        assert db.execute("SELECT dwell_ms FROM views").fetchall() == [(2000,)]
        assert db.execute("SELECT ended, last_seen FROM sessions").fetchall() == [(None, clock.now)]
    recorder.close()


def test_a_session_records_screens_dwell_languages_and_modes(
    store: AnalyticsStore, clock: Clock
) -> None:
    recorder = recorder_for(store, clock)
    recorder.session_start("zh")
    recorder.screen("home", "zh")
    clock.advance(4)
    recorder.screen("zone", "zh")
    recorder.touch(0.1, 0.1)
    clock.advance(3)
    recorder.language("en")
    recorder.mode("large_text", True)
    recorder.mode("high_contrast", False)
    clock.advance(5)
    recorder.screen("zone-area/rd", "en")
    clock.advance(60)  # nobody touches any more: the idle reset comes
    recorder.session_end()
    assert recorder.session is None
    [session] = store.sessions()
    assert session["ended"] - session["started"] == 72
    assert session["last_input"] - session["started"] == 4  # the touch on the zone screen
    assert session["langs"] == "en,zh"
    assert session["modes"] == "large_text"
    assert session["day"] == "2023-05-25" and session["hour"] == 9
    views = [(route, dwell, lang) for _, route, _, dwell, lang in store.views()]
    assert views == [("home", 4000, "zh"), ("zone", 8000, "zh"), ("zone-area/rd", 60000, "en")]
    recorder.close()


def test_staff_sessions_are_discarded(store: AnalyticsStore, clock: Clock) -> None:
    recorder = recorder_for(store, clock)
    recorder.screen("home", "zh")
    clock.advance(3)
    recorder.flush()
    recorder.discard_session()
    recorder.screen("themes", "zh")
    recorder.session_end()
    assert [v[1] for v in store.views()] == ["themes"]
    assert len(store.sessions()) == 1
    recorder.close()


def test_a_session_left_open_by_a_crash_is_closed_at_its_last_commit(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "a.sqlite3"
    crashed = recorder_for(AnalyticsStore(path), clock)
    crashed.screen("home", "zh")
    clock.advance(5)
    crashed.flush()
    crashed.store.close()  # the power goes: no session_end
    clock.advance(3600)
    recorder_for(AnalyticsStore(path), clock).close()
    store = AnalyticsStore(path)
    [session] = store.sessions()
    assert session["ended"] - session["started"] == 5
    store.close()


def test_database_errors_are_logged_once_and_never_raised(
    store: AnalyticsStore, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = recorder_for(store, clock)
    store.db.close()  # the disk went away
    with caplog.at_level(logging.ERROR, "kiosk.analytics"):
        for _ in range(5):
            recorder.screen("home", "zh")
            clock.advance(2)
            recorder.touch(0.5, 0.5)
        recorder.session_end()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    assert recorder.commits == 0


# --- roll-up ---------------------------------------------------------------------------------


def visit(recorder: Recorder, clock: Clock, day: int, lang: str = "zh") -> None:
    """One visitor: Home, a section, an item, touches, an idle reset."""
    recorder.session_start(lang)
    recorder.screen("home", lang)
    recorder.touch(0.1 + 0.01 * (day % 7), 0.5)
    clock.advance(10)
    recorder.screen("themes", lang)
    recorder.touch(0.6, 0.3)
    clock.advance(20 + day % 5)
    recorder.screen(f"theme/t{day % 3}", lang)
    if day % 4 == 0:
        recorder.mode("large_text", True)
    clock.advance(30)
    recorder.session_end()


def simulate(recorder: Recorder, clock: Clock, days: int, per_day: int = 3, first: int = 0) -> None:
    """*per_day* visitors a day on *days* days from START + *first* days."""
    for day in range(first, first + days):
        midnight = (START + timedelta(days=day)).replace(hour=0, minute=0).timestamp()
        clock.now = midnight + 9 * 3600
        for visitor in range(per_day):
            visit(recorder, clock, day, "en" if visitor == 0 else "zh")
            clock.advance(600)


def test_rollup_keeps_every_total_and_drops_old_detail(store: AnalyticsStore, clock: Clock) -> None:
    recorder = recorder_for(store, clock, keep_days=1000)  # no roll-up while simulating
    simulate(recorder, clock, days=60)
    before = store.aggregate()
    today = (START + timedelta(days=59)).date()
    removed = store.rollup(keep_days=30, today=today)
    assert removed > 0
    after = store.aggregate()
    assert after.daily == before.daily
    assert after.hours == before.hours
    assert after.screens == before.screens
    assert after.tags == before.tags
    assert after.touches == before.touches
    cutoff = (today - timedelta(days=30)).isoformat()
    with other_connection(store.path) as db:
        for table in ("sessions", "views", "touches"):
            oldest = db.execute(f"SELECT MIN(day) FROM {table}").fetchone()[0]
            assert oldest >= cutoff, table
        assert db.execute("SELECT MAX(day) FROM daily").fetchone()[0] < cutoff
    # a window of days reads the same from totals and detail
    window = store.aggregate(date(2023, 6, 10), date(2023, 6, 30))
    assert sorted(window.daily) == [
        (date(2023, 6, 10) + timedelta(days=n)).isoformat() for n in range(21)
    ]
    assert sum(t.sessions for t in window.daily.values()) == 21 * 3
    assert store.integrity() == "ok"
    recorder.close()


def test_the_file_stays_small_however_long_the_kiosk_runs(tmp_path: Path, clock: Clock) -> None:
    store = AnalyticsStore(tmp_path / "a.sqlite3")
    store.db.execute("PRAGMA synchronous = OFF")  # speed: durability is not what this tests
    recorder = recorder_for(store, clock, keep_days=7)  # rolls up once a day by itself
    simulate(recorder, clock, days=20, per_day=12)
    detail_days = store.size_bytes()
    simulate(recorder, clock, days=120, per_day=12, first=20)
    assert store.count("views") <= 8 * 12 * 3, "detail: a week of it"
    growth = (store.size_bytes() - detail_days) / 120
    assert growth < 1024, f"daily totals take {growth:.0f} bytes a day"
    # with totals kept for 30 days only, the file stops growing altogether
    today = datetime.fromtimestamp(clock.now, UTC).date()
    store.rollup(keep_days=7, today=today, keep_totals_days=30)
    settled = store.size_bytes()
    for day in range(1, 61):
        simulate(recorder, clock, days=1, per_day=12, first=139 + day)
        store.rollup(keep_days=7, today=today + timedelta(days=day), keep_totals_days=30)
    assert store.aggregate().daily.keys() >= {(today + timedelta(days=60)).isoformat()}
    assert store.size_bytes() <= settled * 1.1, (settled, store.size_bytes())
    assert store.integrity() == "ok"
    recorder.close()


def test_row_caps_bound_the_detail_whatever_its_age(store: AnalyticsStore, clock: Clock) -> None:
    recorder = recorder_for(store, clock, keep_days=1000)
    simulate(recorder, clock, days=10)
    total = store.aggregate().daily
    store.rollup(keep_days=1000, today=(START + timedelta(days=9)).date(), max_views=20)
    assert store.count("views") <= 20
    assert store.aggregate().daily == total
    recorder.close()


# --- crash safety ----------------------------------------------------------------------------


def uncommitted_frames(path: Path) -> int:
    """Frames at the end of the write-ahead log after its last commit: a transaction cut short."""
    wal = path.with_name(path.name + "-wal")
    data = wal.read_bytes() if wal.exists() else b""
    if len(data) < 32:
        return 0
    page_size = struct.unpack(">I", data[8:12])[0]
    salt = data[16:24]
    frames = last_commit = 0
    offset = 32
    while offset + 24 + page_size <= len(data) and data[offset + 8 : offset + 16] == salt:
        frames += 1
        if struct.unpack(">I", data[offset + 4 : offset + 8])[0]:  # size after a commit
            last_commit = frames
        offset += 24 + page_size
    return frames - last_commit


def kill_mid_write(path: Path, flush_every: float, round_: int, commits: int) -> bool:
    """Start a writer, kill it -9 in the middle of a commit, check the file and what survived.

    Returns whether the kill left a half-written transaction in the log.
    """
    proc = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "analytics_writer.py"),
            str(path),
            str(flush_every),
            str(round_),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=HERE.parent,
    )
    assert proc.stdout is not None and proc.stderr is not None
    events: dict[int, float] = {}
    done = 0
    killed_at = None
    for line in proc.stdout:
        kind, *rest = line.split()
        if kind == "event":
            events[int(rest[0])] = float(rest[1])
        elif kind == "flushed":
            done += 1
        elif kind == "writing" and done >= commits:
            os.kill(proc.pid, signal.SIGKILL)
            killed_at = time.monotonic()
            break
    proc.wait(timeout=30)
    assert killed_at is not None, proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    torn = uncommitted_frames(path) > 0

    store = AnalyticsStore(path)  # opens (and recovers the log) without complaint
    assert store.integrity() == "ok"
    saved = {
        int(route.split("/")[1])
        for _, route, *_ in store.views()
        if route.startswith(f"r{round_}/")
    }
    store.close()
    assert saved, "the commits before the kill are all there"
    assert saved == set(range(max(saved) + 1)), "what survived is a prefix, with no hole"
    lost = [t for number, t in events.items() if number not in saved]
    assert lost, "the commit cut short is lost"
    assert all(t > killed_at - flush_every - 0.5 for t in lost), (
        f"lost events from {killed_at - min(lost):.2f} s before the kill"
    )
    return torn


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_kill_mid_write_never_corrupts_and_loses_at_most_two_seconds(tmp_path: Path) -> None:
    path = tmp_path / "analytics.sqlite3"
    torn = [kill_mid_write(path, flush_every=2.0, round_=0, commits=2)]
    for round_ in range(1, 6):  # killed again and again, as a booth PC switched off at night
        torn.append(kill_mid_write(path, flush_every=0.2, round_=round_, commits=1 + round_ % 3))
    assert sum(torn) >= 3, f"too few kills landed mid-write: {torn}"
    Recorder(AnalyticsStore(path)).close()  # the next start closes the sessions kills left open
    store = AnalyticsStore(path)
    assert all(s["ended"] is not None for s in store.sessions())
    assert store.integrity() == "ok"
    store.close()


def test_the_core_and_the_report_import_no_qt() -> None:
    code = (
        "import sys\n"
        "import kiosk.model.analytics, kiosk.model.hours, kiosk.model.report\n"
        "import kiosk.commands.stats, kiosk.commands.desktop\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
