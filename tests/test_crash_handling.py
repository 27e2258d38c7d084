"""Crash handling: the previous crash log, exceptions in Qt virtuals, recovery to Home, no loops."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import fingers
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.adapters import qt_logging
from kiosk.model.navigation import HOME, Route
from kiosk.system import logs
from kiosk.ui.pages.items import ItemPage
from kiosk.ui.recovery import back_home
from kiosk.ui.shell import Shell

ROOT = Path(__file__).resolve().parent.parent
BOOM = QEvent.Type(QEvent.registerEventType())


@contextmanager
def hook_installed(
    recover: Callable[[], None] | None = None, **kw: object
) -> Iterator[logs.ExceptHook]:
    """The kiosk's hook instead of pytest-qt's, for the duration (pending recoveries run first)."""
    saved = sys.excepthook, threading.excepthook
    hook = logs.install_excepthook(recover, later=qt_logging.later, **kw)  # type: ignore[arg-type]
    try:
        yield hook
    finally:
        for _ in range(3):
            QCoreApplication.processEvents()
        sys.excepthook, threading.excepthook = saved


class Fragile(QWidget):
    """Raises in event() for BOOM events and in paintEvent() while *paint_fails*."""

    def __init__(self) -> None:
        super().__init__()
        self.paint_fails = False
        self.painted = 0

    def event(self, event: QEvent) -> bool:
        if event.type() == BOOM:
            raise RuntimeError("boom in event()")
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.painted += 1
        if self.paint_fails:
            raise ValueError("boom in paintEvent()")


class FragileFilter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == BOOM and watched.objectName() == "filtered":
            raise KeyError("boom in eventFilter()")
        return False


# --- the previous run's crash log -------------------------------------------------------------


def test_previous_crash_returns_the_log_once_and_sets_it_aside(tmp_path: Path) -> None:
    (tmp_path / "crash.log").write_text("Fatal Python error: Segmentation fault\n", "utf-8")
    (tmp_path / "crash.log.1").write_text("an older crash\n", "utf-8")
    assert logs.previous_crash(tmp_path) == "Fatal Python error: Segmentation fault"
    assert not (tmp_path / "crash.log").exists()
    assert (tmp_path / "crash.log.1").read_text("utf-8").startswith("Fatal Python error")
    assert (tmp_path / "crash.log.2").read_text("utf-8") == "an older crash\n"
    assert logs.previous_crash(tmp_path) is None


def test_an_empty_crash_log_is_no_crash(tmp_path: Path) -> None:
    (tmp_path / "crash.log").write_text("\n", "utf-8")
    assert logs.previous_crash(tmp_path) is None
    assert not (tmp_path / "crash.log.1").exists()


def test_a_native_crash_is_shown_and_logged_at_the_next_start(tmp_path: Path) -> None:
    """A segfault writes the crash log (faulthandler); the next run finds it, logs it, sets it
    aside and returns it from previous_crash()."""
    crash = "from kiosk.system import logs; import faulthandler, sys; logs.setup(directory=__import__('pathlib').Path(sys.argv[1])); faulthandler._sigsegv()"  # noqa: E501
    result = subprocess.run(
        [sys.executable, "-c", crash, str(tmp_path)], cwd=ROOT, capture_output=True, timeout=60
    )
    assert result.returncode != 0
    assert "Segmentation fault" in (tmp_path / "crash.log").read_text("utf-8")
    start = (
        "from kiosk.system import logs; import sys, pathlib; "
        "logs.setup(directory=pathlib.Path(sys.argv[1])); print(repr(logs.previous_crash()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", start, str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert "Segmentation fault" in result.stdout
    assert (tmp_path / "crash.log").read_text("utf-8") == ""  # a fresh one for this run
    assert "Segmentation fault" in (tmp_path / "crash.log.1").read_text("utf-8")
    log = (tmp_path / "kiosk.log").read_text("utf-8")
    assert "the previous run crashed" in log and "Segmentation fault" in log


# --- exceptions in Qt virtuals reach the hook; the app survives -------------------------------


def test_exceptions_in_qt_virtuals_reach_the_hook_and_the_app_goes_on(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    widget = Fragile()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    filtered = QWidget()
    filtered.setObjectName("filtered")
    qtbot.addWidget(filtered)
    spy = FragileFilter()
    QApplication.instance().installEventFilter(spy)  # type: ignore[union-attr]
    try:
        with hook_installed() as hook:
            # event(): delivered by sendEvent from the event loop, as the platform delivers input
            QTimer.singleShot(0, lambda: QApplication.sendEvent(widget, QEvent(BOOM)))
            qtbot.waitUntil(lambda: hook.count == 1, timeout=2000)
            # event(): posted, delivered by the event loop itself
            QCoreApplication.postEvent(widget, QEvent(BOOM))
            qtbot.waitUntil(lambda: hook.count == 2, timeout=2000)
            # paintEvent()
            widget.paint_fails = True
            widget.update()
            qtbot.waitUntil(lambda: hook.count == 3, timeout=2000)
            widget.paint_fails = False
            # eventFilter() of an application-wide filter
            QCoreApplication.postEvent(filtered, QEvent(BOOM))
            qtbot.waitUntil(lambda: hook.count == 4, timeout=2000)
            # The application survived: the widget still paints and takes events.
            painted = widget.painted
            widget.update()
            qtbot.waitUntil(lambda: widget.painted > painted, timeout=2000)
            assert QApplication.sendEvent(widget, QEvent(QEvent.Type.UpdateRequest)) in (
                True,
                False,
            )
            assert hook.count == 4
    finally:
        QApplication.instance().removeEventFilter(spy)  # type: ignore[union-attr]
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.CRITICAL]
    assert messages.count("uncaught exception") == 4
    text = caplog.text
    for name in ("boom in event()", "boom in paintEvent()", "boom in eventFilter()"):
        assert name in text


def test_a_direct_send_event_from_python_raises_to_its_caller(qtbot: QtBot) -> None:
    """PySide6 re-raises an override's exception to a Python caller of Qt (PYSIDE-2335): a
    test that sends an event directly sees it, the hook does not."""
    widget = Fragile()
    qtbot.addWidget(widget)
    with hook_installed() as hook:
        with pytest.raises(RuntimeError, match="boom in event"):
            QApplication.sendEvent(widget, QEvent(BOOM))
        assert hook.count == 0


def test_thread_exceptions_are_logged_without_recovery(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    recovered: list[int] = []
    with hook_installed(lambda: recovered.append(1)) as hook:
        thread = threading.Thread(target=lambda: 1 / 0, name="worker")
        thread.start()
        thread.join()
        assert hook.count == 1
    assert recovered == []
    assert "uncaught exception in thread worker" in caplog.text


# --- recovery -----------------------------------------------------------------------------------


def test_an_exception_in_kiosk_mode_returns_to_a_clean_home(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = ItemPage.event

    def event(self: ItemPage, ev: QEvent) -> bool:
        if ev.type() == BOOM:
            raise RuntimeError("a bug on the theme page")
        return original(self, ev)

    # Before the page exists: PySide looks an override up once per object.
    monkeypatch.setattr(ItemPage, "event", event)
    shell.nav.go(Route("themes"))
    shell.nav.go(Route("theme", "frontier"))
    for _ in range(5):
        fingers.tap(shell, QPoint(30, 30))  # the admin corner: the PIN pad opens
    assert shell.admin_control.pin_pad is not None
    page = shell.host.page
    assert isinstance(page, ItemPage)
    with hook_installed(back_home(shell)) as hook:
        QCoreApplication.postEvent(page, QEvent(BOOM))
        qtbot.waitUntil(lambda: hook.recoveries == 1, timeout=2000)
        assert hook.count == 1
        assert shell.nav.current == HOME and shell.nav.stack == [HOME]
        assert shell.host.page is not None and shell.host.page.route == HOME
        assert shell.admin_control.pin_pad is None and shell.admin_control.menu is None
        assert not shell.host.animating
        qtbot.waitUntil(lambda: shell.host.page is not None and shell.host.page.isVisible())
        home = shell.host.page
        # At Home already, a recovery builds Home again (the old page may be the broken one).
        hook.run_recovery()
        assert shell.host.page is not home and shell.host.page.route == HOME


def test_a_failing_recovery_is_logged_and_not_repeated(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[int] = []

    def recover() -> None:
        calls.append(1)
        raise OSError("recovery is broken too")

    with hook_installed(recover) as hook:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: calls == [1], timeout=2000)
        for _ in range(5):
            QCoreApplication.processEvents()
        assert calls == [1] and hook.count == 1
    assert "recovery failed" in caplog.text


def test_a_recovery_that_causes_new_errors_cannot_loop(qtbot: QtBot) -> None:
    """Each recovery makes a new error (a broken page painted again, say): after the storm
    limit, recovery stops and the supervisor is asked for a restart, once."""
    storms: list[int] = []

    def recover() -> None:
        QTimer.singleShot(0, lambda: 1 / 0)  # the next error comes from the event loop

    with hook_installed(recover, storm_limit=4, on_storm=lambda: storms.append(1)) as hook:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: storms == [1], timeout=3000)
        for _ in range(10):
            QCoreApplication.processEvents()
        assert hook.count == 5
        assert hook.recoveries == 4
        assert storms == [1]


def test_an_error_inside_recovery_schedules_no_other_recovery(qtbot: QtBot) -> None:
    widget = Fragile()
    qtbot.addWidget(widget)
    calls: list[int] = []

    def recover() -> None:
        calls.append(1)
        QApplication.sendEvent(widget, QEvent(BOOM))  # raises inside recovery

    with hook_installed(recover) as hook:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: calls == [1], timeout=2000)
        for _ in range(5):
            QCoreApplication.processEvents()
        assert calls == [1] and hook.recoveries == 1


def test_recovery_resumes_after_a_quiet_storm_window(qtbot: QtBot) -> None:
    now = [0.0]
    recovered: list[float] = []
    hook = logs.ExceptHook(
        lambda: recovered.append(now[0]), storm_limit=2, storm_seconds=10, clock=lambda: now[0]
    )
    error = (ValueError, ValueError("x"), None)
    for n in (1, 2):
        hook(*error)
        qtbot.waitUntil(lambda n=n: len(recovered) == n, timeout=2000)  # type: ignore[misc]
    hook(*error)
    assert hook.storms == 1
    for _ in range(5):
        QCoreApplication.processEvents()
    assert len(recovered) == 2
    now[0] = 30.0  # long quiet
    hook(*error)
    qtbot.waitUntil(lambda: len(recovered) == 3, timeout=2000)


def test_the_crash_summary_is_one_telling_line() -> None:
    log = (
        "Fatal Python error: Segmentation fault\n\nCurrent thread 0x1 (most recent call first):\n"
        '  File "x.py", line 3 in paint\n'
        "2026-01-01 10:00:00 supervisor: the kiosk (pid 7) was ended by signal SIGSEGV\n"
    )
    assert logs.crash_summary(log).endswith("was ended by signal SIGSEGV")
    assert logs.crash_summary("Fatal Python error: Aborted\n  File ...") == (
        "Fatal Python error: Aborted"
    )
    assert logs.crash_summary("something odd\nmore") == "something odd"
    assert len(logs.crash_summary("x" * 500)) == 160
