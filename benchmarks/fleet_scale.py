"""Benchmark: the office commands over a fleet of 50 kiosks with 30 days of statistics each.

Targets (issue 17): ``kiosk fleet status`` under 1 s, ``kiosk fleet stats`` under 3 s.

Run: ``.venv/bin/python benchmarks/fleet_scale.py [KIOSKS] [DAYS]``. It builds a fleet folder in a
temporary directory (status files and one statistics snapshot per kiosk, made by the real
recorder and copied with the kiosk's backup function), then times each command in a fresh process
(imports included), median of 5 runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.model.analytics import AnalyticsStore, Recorder  # noqa: E402
from kiosk.model.fleet.manifest import write_current  # noqa: E402
from kiosk.model.fleet.snapshots import backup_database, snapshot_path  # noqa: E402
from kiosk.model.fleet.status import now_iso, write_status  # noqa: E402

SESSIONS_PER_DAY = 40
ROUTES = ("home", "theme/ai", "zone", "beijing", "voices")


def make_kiosk(fleet: Path, work: Path, kiosk: str, days: int) -> None:
    """A kiosk with *days* days of visits: its status and one statistics snapshot."""
    start = datetime.now(UTC).replace(hour=9, minute=0, second=0) - timedelta(days=days)
    moment = [start.timestamp()]
    live = work / f"{kiosk}.sqlite3"
    recorder = Recorder(AnalyticsStore(live), clock=lambda: moment[0], tz=UTC)
    for day in range(days):
        moment[0] = (start + timedelta(days=day)).timestamp()
        for n in range(SESSIONS_PER_DAY):
            lang = "zh" if n % 3 else "en"
            recorder.session_start(lang)
            for i, route in enumerate(ROUTES[: 2 + n % 4]):
                recorder.screen(route, lang)
                recorder.touch((n % 10) / 10, (i % 6) / 6)
                moment[0] += 20
            recorder.session_end()
            moment[0] += 600
    recorder.close()
    backup_database(live, snapshot_path(fleet, kiosk, date.today()))
    write_status(
        fleet,
        kiosk,
        {
            "kiosk": kiosk,
            "release_shown": "r1",
            "uptime_s": 3600.0,
            "heartbeat_s": 60.0,
            "written_at": now_iso(),
        },
    )


def timed(*args: str) -> float:
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kiosk", *args],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> int:
    kiosks = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    days = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    with tempfile.TemporaryDirectory(prefix="kiosk-fleet-bench-") as temp:
        fleet, work = Path(temp) / "fleet", Path(temp) / "work"
        work.mkdir()
        write_current(fleet, "r1")
        t0 = time.perf_counter()
        for k in range(kiosks):
            make_kiosk(fleet, work, f"booth-{k + 1:02d}", days)
        print(f"built {kiosks} kiosks x {days} days in {time.perf_counter() - t0:.1f} s")
        status = timed("fleet", "status", str(fleet))
        stats = timed("fleet", "stats", str(fleet))
        print(f"kiosk fleet status: {status:.2f} s (target < 1 s)")
        print(f"kiosk fleet stats:  {stats:.2f} s (target < 3 s)")
    return 0 if status < 1 and stats < 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
