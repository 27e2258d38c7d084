"""The office's view of a fleet folder: ``kiosk fleet status`` and ``kiosk fleet stats``."""

from __future__ import annotations

import csv
import json
import os
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fleet_helpers import record_visits

from kiosk.commands import cli
from kiosk.model.fleet.manifest import write_current
from kiosk.model.fleet.snapshots import backup_database, snapshot_path
from kiosk.model.fleet.status import health, status_path, write_status


def status(kiosk: str, written: datetime, **extra: object) -> dict[str, object]:
    return {
        "kiosk": kiosk,
        "release_shown": "r1",
        "uptime_s": 3600.0,
        "screen": "home",
        "language": "zh",
        "open": True,
        "heartbeat_s": 60.0,
        "written_at": written.isoformat(timespec="seconds"),
        **extra,
    }


def test_health_follows_missed_heartbeats() -> None:
    assert health(30, 60) == "ok"
    assert health(200, 60) == "late"
    assert health(1000, 60) == "silent"


def test_fleet_status_one_line_per_kiosk_and_the_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fleet = tmp_path / "fleet"
    write_current(fleet, "r1")
    now = datetime.now(UTC)
    write_status(fleet, "booth-1", status("booth-1", now))
    # A clock two hours behind: the file itself is fresh, so the kiosk is ok.
    write_status(fleet, "booth-2", status("booth-2", now - timedelta(hours=2)))
    assert cli.main(["fleet", "status", str(fleet)]) == 0
    out = capsys.readouterr().out
    assert "current release: r1" in out
    lines = [line for line in out.splitlines() if line.startswith("booth-")]
    assert len(lines) == 2 and all(" ok " in line and "(current)" in line for line in lines)

    # booth-3 stopped writing an hour ago and shows an old release with a reason.
    path = write_status(
        fleet,
        "booth-3",
        status("booth-3", now - timedelta(hours=1), release_shown="r0", release_reason="waiting"),
    )
    old = time.time() - 3600
    os.utime(path, (old, old))
    assert cli.main(["fleet", "status", str(fleet)]) == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("booth-3"))
    assert "silent" in line and "(not current)" in line and "last problem: waiting" in line

    assert cli.main(["fleet", "status", str(fleet), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["current_release"] == "r1"
    assert [k["health"] for k in document["kiosks"]] == ["ok", "ok", "silent"]


def test_an_unreadable_status_and_an_empty_fleet_are_not_ok(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fleet = tmp_path / "fleet"
    assert cli.main(["fleet", "status", str(fleet)]) == 1
    assert "no kiosk has reported yet" in capsys.readouterr().out
    status_path(fleet, "booth-9").parent.mkdir(parents=True)
    status_path(fleet, "booth-9").write_text("{half", encoding="utf-8")
    assert cli.main(["fleet", "status", str(fleet)]) == 1
    assert "status unreadable" in capsys.readouterr().out


def test_fleet_stats_adds_every_kiosk_and_skips_damaged_snapshots(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fleet = tmp_path / "fleet"
    for kiosk, visits in (("booth-1", 3), ("booth-2", 5)):
        live = tmp_path / kiosk / "analytics.sqlite3"
        record_visits(live, visits)
        backup_database(live, snapshot_path(fleet, kiosk, date(2023, 5, 25)))
    # booth-2's newer snapshot arrived half copied: the older one is read instead.
    good = snapshot_path(fleet, "booth-2", date(2023, 5, 25)).read_bytes()
    half = snapshot_path(fleet, "booth-2", date(2023, 5, 26))
    half.write_bytes(good[: len(good) // 2])
    # booth-3 has only a file that is no database at all.
    junk = snapshot_path(fleet, "booth-3", date(2023, 5, 26))
    junk.parent.mkdir(parents=True)
    junk.write_bytes(b"not a database")
    table = tmp_path / "fleet.csv"
    assert cli.main(["fleet", "stats", str(fleet), "--csv", str(table)]) == 0
    out, err = capsys.readouterr()
    assert str(half) in err and str(junk) in err
    assert "Sessions: 8;" in out, "3 + 5 sessions in total"
    per_kiosk = out.split("Per kiosk", 1)[1]
    assert "booth-1" in per_kiosk and "booth-2" in per_kiosk and "booth-3" not in per_kiosk
    with table.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    views = {k: sum(int(r["views"]) for r in rows if r["kiosk"] == k) for k in ("booth-1", "all")}
    assert views == {"booth-1": 6, "all": 16}


def test_fleet_stats_without_snapshots_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["fleet", "stats", str(tmp_path)]) == 1
    assert "no statistics snapshots" in capsys.readouterr().out
    assert cli.main(["fleet"]) == 2


def test_fleet_stats_draws_every_kiosks_touches_over_home(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    from PySide6.QtGui import QImage

    fleet = tmp_path / "fleet"
    for kiosk, visits in (("booth-1", 2), ("booth-2", 4)):
        live = tmp_path / kiosk / "analytics.sqlite3"
        record_visits(live, visits)
        backup_database(live, snapshot_path(fleet, kiosk, date(2023, 5, 25)))
    picture = tmp_path / "touches.png"
    assert cli.main(["fleet", "stats", str(fleet), "--heatmap", str(picture)]) == 0
    assert "heatmap of 2 kiosks written" in capsys.readouterr().out
    image = QImage(str(picture))
    assert not image.isNull() and image.width() >= 1280
