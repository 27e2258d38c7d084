"""The kiosk in a fleet: it follows releases (switching at the idle reset), writes its status and
copies its statistics; everything waited for on signals, with a short heartbeat."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fleet_helpers import loader, record_visits
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.adapters.fleet import FleetAgent
from kiosk.commands.publish import publish
from kiosk.content import Content
from kiosk.model.analytics import AnalyticsStore
from kiosk.model.fleet.manifest import releases_dir
from kiosk.model.fleet.status import status_path
from kiosk.system.paths import bundled_content_dir
from kiosk.ui.shell import Shell


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dest = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), dest)
    return dest


@pytest.fixture
def fleet(tmp_path: Path) -> Path:
    made = tmp_path / "fleet"
    made.mkdir()
    return made


@pytest.fixture
def agent(qapp: object, tmp_path: Path, fleet: Path) -> Iterator[FleetAgent]:
    stats = tmp_path / "data" / "analytics.sqlite3"
    record_visits(stats, 3)
    made = FleetAgent(
        fleet,
        "booth-1",
        load=loader,
        route=lambda: "theme/ai",
        language=lambda: "en",
        is_open=lambda: True,
        heartbeat_s=0.05,
        stats_db=stats,
        cache=tmp_path / "cache",
        previous_crash="",
    )
    yield made
    made.stop()
    made.deleteLater()


def read_status(fleet: Path) -> dict[str, object]:
    document = json.loads(status_path(fleet, "booth-1").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def test_status_is_written_at_start_and_every_heartbeat(
    qtbot: QtBot, agent: FleetAgent, fleet: Path
) -> None:
    with qtbot.waitSignal(agent.status_written, timeout=2000):
        agent.start()
    status = read_status(fleet)
    assert status["kiosk"] == "booth-1" and status["screen"] == "theme/ai"
    assert status["language"] == "en" and status["open"] is True
    assert status["release_shown"] is None and status["release_state"] == "none"
    assert status["errors_last_hour"] == 0 and status["crashes_last_hour"] == 0
    logging.getLogger("kiosk.test").error("a test error\nwith a stack")
    with qtbot.waitSignal(agent.status_written, timeout=2000):
        pass  # the next heartbeat
    status = read_status(fleet)
    assert status["errors_last_hour"] == 1 and status["last_error"] == "a test error"
    assert not [p for p in (fleet / "status").iterdir() if p.name.startswith(".")]


def test_a_previous_crash_is_counted(qtbot: QtBot, agent: FleetAgent, tmp_path: Path) -> None:
    other = FleetAgent(
        tmp_path / "fleet",
        "booth-2",
        load=loader,
        route=lambda: "home",
        language=lambda: "zh",
        is_open=lambda: False,
        previous_crash="Fatal Python error: Segmentation fault",
        cache=tmp_path / "cache2",
    )
    try:
        assert other.status()["crashes_last_hour"] == 1
        assert other.status()["open"] is False
    finally:
        other.deleteLater()


def test_a_new_release_switches_at_the_idle_reset_never_mid_visit(
    qtbot: QtBot, agent: FleetAgent, fleet: Path, folder: Path, shell: Shell, content: Content
) -> None:
    agent.content_ready.connect(shell.session.queue_content)
    shell.nav.home()  # a visitor is here
    release = publish(folder, fleet)
    with qtbot.waitSignal(agent.content_ready, timeout=5000) as got:
        agent.start()
    assert shell.session.content is content, "not under the visitor's finger"
    shell.reset()  # what the idle timer does
    assert shell.session.content is got.args[0]
    with qtbot.waitSignal(agent.status_written, timeout=2000):
        pass
    status = read_status(fleet)
    assert status["release_shown"] == release and status["is_current"] is True


def test_a_damaged_release_is_not_shown_and_the_status_says_why(
    qtbot: QtBot, agent: FleetAgent, fleet: Path, folder: Path
) -> None:
    release = publish(folder, fleet)
    themes = releases_dir(fleet) / release / "themes.toml"
    data = bytearray(themes.read_bytes())
    data[10] ^= 0x20
    themes.write_bytes(bytes(data))
    shown: list[object] = []
    agent.content_ready.connect(shown.append)
    with qtbot.waitSignal(agent.status_written, timeout=2000):
        agent.start()
    status = read_status(fleet)
    assert status["release_state"] == "waiting" and "themes.toml" in str(status["release_reason"])
    assert shown == [] and status["is_current"] is False


def test_statistics_are_copied_with_the_backup_api(
    qtbot: QtBot, agent: FleetAgent, fleet: Path
) -> None:
    path = agent.snapshot_stats(date(2023, 5, 25))
    assert path == fleet / "stats" / "booth-1" / "2023-05-25.sqlite3"
    assert sorted(p.name for p in path.parent.iterdir()) == ["2023-05-25.sqlite3"], "no WAL"
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        sessions = db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    db.close()
    assert mode == "delete" and sessions == 3
    store = AnalyticsStore(agent.stats_db or Path(), create=False)
    try:
        assert store.aggregate().daily["2023-05-25"].sessions == 3
    finally:
        store.close()


def test_stop_writes_a_last_status_and_snapshot(
    qtbot: QtBot, agent: FleetAgent, fleet: Path
) -> None:
    with qtbot.waitSignal(agent.status_written, timeout=2000):
        agent.start()
    agent.stop()
    assert read_status(fleet)["stopping"] is True
    today = datetime.now(UTC).astimezone().date().isoformat()
    assert (fleet / "stats" / "booth-1" / f"{today}.sqlite3").is_file()


def test_screenshots_are_small_and_never_show_the_pin_pad(
    qtbot: QtBot, fleet: Path, tmp_path: Path, shell: Shell
) -> None:
    def screenshot() -> QImage | None:
        return None if shell.admin_control.is_open else shell.grab().toImage()

    agent = FleetAgent(
        fleet,
        "booth-1",
        load=loader,
        route=lambda: "home",
        language=lambda: "zh",
        is_open=lambda: True,
        cache=tmp_path / "cache",
        previous_crash="",
        screenshot=screenshot,
    )
    try:
        path = agent.write_screenshot()
        assert path == fleet / "screens" / "booth-1.png"
        assert QImage(str(path)).width() == 480
        path.unlink()
        shell.admin_control.open_pin_pad()
        assert agent.write_screenshot() is None and not path.exists()
    finally:
        shell.admin_control.close()
        agent.deleteLater()
