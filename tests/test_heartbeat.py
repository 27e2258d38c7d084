"""The kiosk's heartbeat: beats from the main thread's event loop, only when supervised."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from pytestqt.qtbot import QtBot

from kiosk.adapters import heartbeat
from kiosk.adapters.heartbeat import ENV, EXIT_RESTART, Heartbeat


def _count(path: Path) -> int:
    count, _stamp, pid = path.read_text("ascii").split()
    assert int(pid) == os.getpid()
    return int(count)


def test_beats_come_from_the_event_loop_and_stop_with_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "beat"
    beat = Heartbeat(path, interval_ms=20)
    beat.start()
    assert _count(path) == 1, "the first beat at once"
    qtbot.waitUntil(lambda: _count(path) >= 4, timeout=2000)
    # A blocked main thread: no beats while it is blocked (the event loop cannot run).
    before = _count(path)
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        pass
    assert _count(path) == before
    qtbot.waitUntil(lambda: _count(path) > before, timeout=2000)
    beat.stop()
    assert not beat.running
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_a_write_error_is_logged_once(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    beat = Heartbeat(tmp_path / "missing" / "beat", interval_ms=10)
    beat.start()
    qtbot.waitUntil(lambda: beat.count >= 3, timeout=2000)
    beat.stop()
    assert caplog.text.count("heartbeat: cannot write") == 1


def test_started_from_the_environment_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(heartbeat, "_active", None)
    monkeypatch.delenv(ENV, raising=False)
    assert heartbeat.start_from_environment() is None
    assert not heartbeat.supervised()
    monkeypatch.setenv(ENV, str(tmp_path / "beat"))
    first = heartbeat.start_from_environment(interval_ms=50)
    assert first is not None and first.running
    assert heartbeat.start_from_environment() is first, "once per process"
    assert (tmp_path / "beat").exists()
    first.stop()
    first.deleteLater()


def test_an_error_storm_asks_the_supervisor_for_a_restart(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    codes: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", staticmethod(codes.append))
    monkeypatch.delenv(ENV, raising=False)
    heartbeat.restart_by_supervisor()
    assert codes == [], "without a supervisor the kiosk goes on"
    monkeypatch.setenv(ENV, str(tmp_path / "beat"))
    heartbeat.restart_by_supervisor()
    assert codes == [EXIT_RESTART]


def test_a_real_event_loop_exit_code_reaches_the_caller(qtbot: QtBot) -> None:
    """Leaving the loop with EXIT_RESTART makes exec() return it: the kiosk's exit code."""
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(EXIT_RESTART))
    assert loop.exec() == EXIT_RESTART
