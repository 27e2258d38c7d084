"""Contained Qt virtuals: an exception in a paintEvent during a grab cannot take the kiosk down."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.adapters import contain, qt_logging
from kiosk.model.navigation import HOME, Route
from kiosk.system import logs
from kiosk.ui.pages.home import HomePage
from kiosk.ui.recovery import back_home
from kiosk.ui.shell import Shell

ROOT = Path(__file__).resolve().parent.parent

#: A parent whose paintEvent raises, over children with Python overrides (a widget and a
#: qtawesome icon), grabbed from Python as the page host grabs pages for a transition.
GRAB = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import qtawesome as qta
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from kiosk.adapters import contain
app = QApplication([])
seen = []
sys.excepthook = lambda kind, exc, tb: seen.append(str(exc))
class Parent(QWidget):
    def paintEvent(self, event):
        raise RuntimeError("the page cannot paint")
class Child(QWidget):
    painted = 0
    def paintEvent(self, event):
        Child.painted += 1
if sys.argv[1] == "contained":
    contain.contain(Parent)
    contain.contain(Child)
parent = Parent()
parent.resize(300, 200)
box = QVBoxLayout(parent)
box.addWidget(Child())
button = QPushButton("home")
button.setIcon(qta.icon("mdi6.home"))
box.addWidget(button)
parent.show()
for _ in range(3):
    try:
        parent.grab()
    except RuntimeError as exc:
        seen.append("raised: " + str(exc))
    QTest.qWait(20)
import gc; gc.collect()
print("children painted", Child.painted)
print("seen", seen)
"""


def _grab(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", GRAB, mode], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_uncontained_a_paint_exception_during_grab_is_mishandled() -> None:
    """What PySide6 6.11 does without containment: the error leaks into the next overrides
    (children unpainted, the icon engine blamed) or the process dies. If this ever passes
    cleanly, PySide fixed it and containment is only a second belt."""
    result = _grab("bare")
    crashed = result.returncode != 0
    leaked = "children painted 0" in result.stdout or "QIconEngine" in result.stdout
    assert crashed or leaked, result.stdout + result.stderr


def test_contained_a_paint_exception_is_reported_once_per_paint_and_nothing_else_breaks() -> None:
    result = _grab("contained")
    assert result.returncode == 0, result.stderr
    assert "children painted 0" not in result.stdout
    assert "QIconEngine" not in result.stdout and "raised" not in result.stdout
    assert "QPainter" not in result.stderr
    assert result.stdout.count("the page cannot paint") >= 3


def test_contain_returns_neutral_values_and_reports_from_the_loop(qtbot: QtBot) -> None:
    class Broken(QWidget):
        def event(self, event: QEvent) -> bool:
            if event.type() == QEvent.Type.User:
                raise ValueError("event")
            return super().event(event)

        def sizeHint(self) -> QSize:  # noqa: N802
            raise ValueError("sizeHint")

        def heightForWidth(self, width: int) -> int:  # noqa: N802
            raise ValueError("heightForWidth")

    contain.contain(contain.contain(Broken))  # twice: wrapped once
    assert Broken.event.__wrapped__.__name__ == "event"  # type: ignore[attr-defined]
    widget = Broken()
    qtbot.addWidget(widget)
    seen: list[str] = []
    saved = sys.excepthook, threading.excepthook
    sys.excepthook = lambda kind, exc, tb: seen.append(str(exc))
    try:
        assert widget.event(QEvent(QEvent.Type.User)) is False
        assert not widget.sizeHint().isValid()
        assert widget.heightForWidth(100) == -1
        assert seen == [], "reported from the event loop, not inside the virtual"
        qtbot.waitUntil(lambda: seen == ["event", "sizeHint", "heightForWidth"], timeout=2000)
    finally:
        sys.excepthook, threading.excepthook = saved


INSTALL = """
import importlib.resources, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
import kiosk.ui.shell
from kiosk.adapters import contain
before = set(sys.modules)
print(contain.install())
from kiosk.ui.pages import factory
factory.warm_up()  # the page modules the first frame did without
later = [m for name, m in sys.modules.items() if name.startswith("kiosk.") and name not in before]
overrides = [
    getattr(cls, name)
    for module in later
    for cls in vars(module).values()
    if isinstance(cls, type) and cls.__module__ == module.__name__
    for name in contain.VIRTUALS
    if name in cls.__dict__
]
print(len(later), len(overrides), all(f.__kiosk_contained__ for f in overrides))
from kiosk.ui.pages.base import Page
print(Page.paintEvent.__kiosk_contained__)
print(importlib.resources.files("kiosk").joinpath("__init__.py").is_file())
"""


def test_install_contains_what_is_loaded_and_what_loads_later() -> None:
    result = subprocess.run(
        [sys.executable, "-c", INSTALL], cwd=ROOT, capture_output=True, text=True, timeout=60
    )  # in a process of its own: the classes of this one stay as they are
    assert result.returncode == 0, result.stderr
    count, later, loaded, resources = result.stdout.splitlines()
    assert int(count) >= 10
    modules, overrides, contained = later.split()
    assert int(modules) >= 3 and int(overrides) >= 3, "page modules came later"
    assert contained == "True", "and their overrides are contained"
    assert loaded == "True"
    assert resources == "True", "the loaders still answer for their files"


def test_a_page_that_cannot_paint_during_a_transition_leaves_a_working_kiosk(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures: list[int] = []

    def paint(self: HomePage, event: QPaintEvent) -> None:
        if len(failures) < 2:  # the grab for the transition, and once more
            failures.append(1)
            raise RuntimeError("Home cannot paint")

    monkeypatch.setattr(HomePage, "paintEvent", paint)
    contain.contain(HomePage)
    saved = sys.excepthook, threading.excepthook
    hook = logs.install_excepthook(back_home(shell), later=qt_logging.later)
    try:
        shell.nav.go(Route("themes"))
        shell.host.finish_transition()
        shell.nav.home()  # grabs the new Home page for the transition: its paintEvent raises
        qtbot.waitUntil(lambda: hook.count == 2 and hook.recoveries >= 1, timeout=3000)
        assert shell.nav.current == HOME
        qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
        assert shell.host.page is not None and not shell.host.page.grab().isNull()
    finally:
        sys.excepthook, threading.excepthook = saved
    assert len(failures) == 2
