"""The out-of-order screen: calm, drawn from the tokens, no way out; ``kiosk --out-of-order``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.commands import cli
from kiosk.model.settings import SETTINGS_BY_KEY
from kiosk.ui.out_of_order import BODY, TITLE, OutOfOrder
from kiosk.ui.strings import ui
from kiosk.ui.tokens import SIZE, THEME, theme_for

ROOT = Path(__file__).resolve().parent.parent


def test_it_is_drawn_calmly_in_both_languages(qtbot: QtBot) -> None:
    notice = OutOfOrder(kiosk_mode=False, theme=THEME)
    qtbot.addWidget(notice)
    notice.resize(1920, 1080)
    notice.show()
    qtbot.waitExposed(notice)
    image = notice.grab().toImage()
    corner = image.pixelColor(2, 2)
    assert corner.name() in (QColor(THEME.palette.background).name(), QColor("#0a1a33").name())
    colours = {image.pixelColor(x, y).name() for x in range(0, 1920, 24) for y in (400, 500, 600)}
    assert len(colours) > 3, "text and sign are drawn, not a blank screen"
    assert ui(TITLE, "zh") in notice.accessibleName()
    assert ui(TITLE, "en") in notice.accessibleName()
    assert notice.title == ("暂停服务", "Out of order")
    assert ui(BODY, "zh") in notice.accessibleDescription()
    assert ui(BODY, "en") in notice.accessibleDescription()
    assert notice.close() is True


def test_high_contrast_draws_the_sign_in_the_full_accent(qtbot: QtBot) -> None:
    theme = theme_for({"high_contrast": True})
    notice = OutOfOrder(kiosk_mode=False, theme=theme)
    qtbot.addWidget(notice)
    notice.resize(1920, 1080)
    notice.show()
    qtbot.waitExposed(notice)
    image = notice.grab().toImage()
    ring = image.pixelColor(960 + SIZE.sign_ring, round(1080 * 0.30))  # the ring's right edge
    assert ring.name() == QColor(theme.palette.accent).name()
    assert notice.close() is True


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_no_way_out_in_kiosk_mode(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    notice = OutOfOrder(kiosk_mode=True, theme=THEME)
    qtbot.addWidget(notice)
    notice.resize(800, 450)
    notice.show()
    QTest.keyClick(notice, key, modifier)
    event = QCloseEvent()
    QApplication.sendEvent(notice, event)
    assert not event.isAccepted() and notice.isVisible()
    assert notice.close() is False
    notice.allow_close()
    assert notice.close() is True
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_kiosk_out_of_order_runs_and_beats(tmp_path: Path) -> None:
    """The real command, as the supervisor starts it: it shows and beats until it is ended."""
    beat = tmp_path / "beat"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_HEARTBEAT": str(beat),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--out-of-order", "--windowed", "--size", "960x540"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        counts: set[str] = set()
        while len(counts) < 2 and time.monotonic() < deadline and proc.poll() is None:
            if beat.exists():
                counts.add(beat.read_text().split()[0])
            time.sleep(0.05)  # polling a file another process writes
        assert len(counts) >= 2, "two different beats"
        log = (tmp_path / "state" / "kiosk" / "log" / "kiosk.log").read_text()
        assert "showing the out-of-order screen" in log
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=15)
    assert proc.returncode == -signal.SIGTERM, err


def test_the_supervise_setting_starts_the_kiosk_under_the_watchdog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert SETTINGS_BY_KEY["supervise"].default is False
    config = tmp_path / "settings.toml"
    config.write_text("supervise = true\n", encoding="utf-8")
    monkeypatch.setattr("kiosk.system.logs.setup", lambda **kw: tmp_path)
    monkeypatch.delenv("KIOSK_HEARTBEAT", raising=False)
    supervised: list[list[str]] = []
    ran: list[bool] = []
    monkeypatch.setattr(cli, "supervise_command", lambda argv: supervised.append(argv) or 0)
    monkeypatch.setattr("kiosk.app.run", lambda *a, **kw: ran.append(True) or 0)
    argv = ["--config", str(config), "--windowed"]
    assert cli.main(argv) == 0
    assert supervised == [["--", *argv]] and ran == []
    monkeypatch.setenv("KIOSK_HEARTBEAT", str(tmp_path / "beat"))  # the supervised child
    assert cli.main(argv) == 0
    assert supervised == [["--", *argv]] and ran == [True]
