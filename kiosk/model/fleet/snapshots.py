"""Statistics snapshots: consistent copies of a kiosk's database in ``FLEET/stats/<id>/``.

The kiosk copies its live database with SQLite's backup API (a consistent copy even while the
recorder writes; never the live file or its write-ahead log), turns the copy into a single
self-contained file (journal mode DELETE) and moves it into place atomically. Each snapshot holds
the kiosk's whole history, so the office reads the newest snapshot of each kiosk that opens
cleanly; a corrupted or half-copied one is skipped for the one before it.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kiosk.model.analytics import Aggregate, AnalyticsError, AnalyticsStore
from kiosk.model.fleet.manifest import atomic_write

#: The folder of the snapshots inside the fleet folder.
STATS = "stats"
#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def snapshot_path(fleet: Path, kiosk: str, day: date) -> Path:
    """``FLEET/stats/<kiosk>/<YYYY-MM-DD>.sqlite3``."""
    return fleet / STATS / kiosk / f"{day.isoformat()}.sqlite3"


def backup_database(source: Path, target: Path) -> None:
    """Copy the SQLite database *source* to *target* consistently, then move it into place.

    Raises:
        OSError, sqlite3.Error: the source cannot be read or the target written.
    """
    with tempfile.TemporaryDirectory(prefix="kiosk-snapshot-") as temp:
        copy = Path(temp) / "copy.sqlite3"
        reader = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        with contextlib.closing(reader) as src, contextlib.closing(sqlite3.connect(copy)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            dst.commit()
        atomic_write(target, copy.read_bytes())


@dataclass
class FleetAggregate:
    """Per kiosk, the snapshot read and its aggregate; and the lines of what was skipped."""

    kiosks: dict[str, tuple[Path, Aggregate]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def total(self) -> Aggregate:
        merged = Aggregate()
        for _path, aggregate in self.kiosks.values():
            merged.merge(aggregate)
        return merged


def read_snapshot(path: Path, since: date | None = None) -> Aggregate:
    """The aggregate of the snapshot *path*, read from a private copy (the synced file is never
    opened for writing).

    Raises:
        AnalyticsError: not a sound statistics database (half copied, corrupted, too new).
    """
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise AnalyticsError(f"{path}: cannot be read: {exc}") from None
    if header != SQLITE_HEADER:
        raise AnalyticsError(f"{path}: not an SQLite database")
    with tempfile.TemporaryDirectory(prefix="kiosk-fleet-stats-") as temp:
        copy = Path(temp) / "snapshot.sqlite3"
        shutil.copyfile(path, copy)
        try:
            store = AnalyticsStore(copy, create=False)
        except AnalyticsError as exc:  # named by the private copy: name the snapshot
            raise AnalyticsError(str(exc).replace(str(copy), str(path))) from None
        try:
            check = str(store.db.execute("PRAGMA quick_check").fetchone()[0])
            if check != "ok":
                raise AnalyticsError(f"{path}: damaged: {check}")
            return store.aggregate(since)
        except sqlite3.DatabaseError as exc:
            raise AnalyticsError(f"{path}: damaged: {exc}") from None
        finally:
            store.close()


def read_fleet_stats(
    fleet: Path, since: date | None = None, say: Callable[[str], None] = lambda _line: None
) -> FleetAggregate:
    """The newest sound snapshot of every kiosk under ``FLEET/stats``; *say* gets a line per
    snapshot skipped."""
    result = FleetAggregate()
    folder = fleet / STATS
    kiosks = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    for kiosk in kiosks:
        if kiosk.name.startswith("."):
            continue
        for path in sorted(kiosk.glob("*.sqlite3"), reverse=True):
            try:
                result.kiosks[kiosk.name] = (path, read_snapshot(path, since))
                break
            except AnalyticsError as exc:
                line = f"skipped {exc}"
                result.skipped.append(line)
                say(line)
    return result
