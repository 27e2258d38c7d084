"""The real kiosk (``kiosk.app.run``, offscreen), reporting what its start did when.

Prints one JSON line and quits once every step waiting for the first frame has run: which
modules were imported and which booth services existed at the first page's first paint, which
modules once that paint was done (``painted``), and the same once the steps ran; in a full-screen
start, what the start picture showed and which of the kiosk's modules existed when it was
painted. Its hooks go into the kiosk's modules as the kiosk imports them (it imports none of them
itself before the kiosk does). Used by tests/test_startup.py.
"""

from __future__ import annotations

import gc
import importlib.machinery
import json
import linecache
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

import kiosk.adapters.pyside_imports  # noqa: F401 - first, as the kiosk's own start imports it
from kiosk.commands.cli import main

WATCHED = (
    "qtawesome",
    "qtpy",
    "segno",
    "segno.encoder",
    "sqlite3",
    "logging.handlers",
    "ctypes.util",
    "kiosk.ui.admin",
    "kiosk.adapters.content_watch",
    "kiosk.adapters.awake",
    "kiosk.adapters.speech",
    "PySide6.QtTextToSpeech",
    "kiosk.commands.supervise",
    "subprocess",  # offscreen, the start-up check runs no ldd
    "socket",
    "kiosk.adapters.heartbeat",
    "platformdirs",  # and the tempfile, random … it imports: the kiosk's folders need none
)
#: Qt classes the first frame does without (PySide makes a class, and every enum in it, when it
#: is first imported: QGradient has 169 presets).
QT_CLASSES = (
    "QKeySequence",
    "QInputDevice",
    "QLinearGradient",
    "QRadialGradient",
    "QGradient",
    "QTextBoundaryFinder",
)
#: Not needed by a start after one that kept its content (only checking references needs it).
NEXT_START_QT = ("QFile",)
#: Not needed by a start after one that kept its first picture and its content (the first slide
#: and the validated content are read back: no drawing, loading or checking).
NEXT_START = ("kiosk.ui.figures", "kiosk.ui.zone", "kiosk.content.wording", "kiosk.content.loader")
#: The kiosk's own modules that a start picture is painted without.
NOT_FOR_THE_PICTURE = ("kiosk.app", "kiosk.ui.shell", "kiosk.content.model", "kiosk.model.session")
report: dict[str, object] = {}
picture: list[QImage] = []


def _shell() -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == "kioskShell"), None)


def _pictures() -> list[str]:
    """The start pictures on screen."""
    found = QApplication.topLevelWidgets()
    return [w.objectName() for w in found if w.objectName() == "startPicture" and w.isVisible()]


def _state() -> dict[str, object]:
    shell = _shell()
    assert shell is not None
    return {
        "pictures": _pictures(),
        "modules": sorted(m for m in WATCHED if m in sys.modules),
        "hours": shell.findChild(QObject, "openingHours") is not None,
        "analytics": shell.findChild(QObject, "analyticsBridge") is not None,
        "input_filters": shell.ready,  # type: ignore[attr-defined]
        # Kiosk modules whose source lines were read (PySide's question about each import).
        "sources_read": sorted(name for name in linecache.cache if "/kiosk/" in name),
        "collector": gc.isenabled(),
        "frozen": gc.get_freeze_count(),
        "qt_classes": sorted(
            name
            for name in QT_CLASSES + NEXT_START_QT
            if name in QtGui.__dict__ or name in QtCore.__dict__
        ),
    }


def _compare() -> None:
    """Whether the window as painted now is the picture shown before it (the top two thirds:
    below, the cue's pulse and the slide progress move)."""
    shell = _shell()
    if not picture or shell is None:
        return
    now = shell.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    shown = picture[0].convertToFormat(QImage.Format.Format_RGB32)
    rows = now.height() * 2 // 3
    report["picture_matches"] = now.size() == shown.size() and now.copy(
        0, 0, now.width(), rows
    ) == shown.copy(0, 0, shown.width(), rows)


def _poll() -> None:
    shell = _shell()
    if shell is None:
        QTimer.singleShot(20, _poll)  # a full-screen start shows its picture before the window
        return
    hours = shell.findChild(QObject, "openingHours")
    if hours is not None and not shell.first_frame.waiting:  # type: ignore[attr-defined]
        report["after"] = _state()
        print(json.dumps(report), flush=True)
        QApplication.exit(0)  # not quit(): a full-screen kiosk refuses to close its window
    else:
        QTimer.singleShot(20, _poll)


def hook_host(module: ModuleType) -> None:
    mark = module.PageHost.mark_painted

    def mark_painted(self: Any) -> None:
        if not self.painted:
            report["first_paint"] = _state()
            report["page"] = str(self.page.route) if self.page is not None else None
            QTimer.singleShot(0, _compare)  # after the picture's window is closed
        mark(self)

    module.PageHost.mark_painted = mark_painted


def hook_attract(module: ModuleType) -> None:
    paint = module.AttractPage.paintEvent

    def paint_event(self: QWidget, event: QPaintEvent) -> None:
        paint(self, event)
        if "painted" not in report:
            report["painted"] = sorted(m for m in WATCHED + NEXT_START if m in sys.modules)

    module.AttractPage.paintEvent = paint_event


def hook_picture(module: ModuleType) -> None:
    paint = module.PictureWindow.paintEvent

    def paint_picture(self: QWidget, event: QPaintEvent) -> None:
        paint(self, event)
        if "picture_painted" not in report:
            report["picture_painted"] = "painted" not in report  # True: before the page
            report["loaded_for_picture"] = [m for m in NOT_FOR_THE_PICTURE if m in sys.modules]
            QTimer.singleShot(0, lambda: picture.append(self.grab().toImage()))

    module.PictureWindow.paintEvent = paint_picture


class Hooks:
    """A meta path finder that runs a hook on each of some modules once the kiosk imported it."""

    def __init__(self, hooks: dict[str, Callable[[ModuleType], None]]):
        self.hooks = hooks

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        hook = self.hooks.get(name)
        spec = importlib.machinery.PathFinder.find_spec(name, path) if hook else None
        if hook is None or spec is None or spec.loader is None:
            return None
        execute = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            hook(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


sys.meta_path.insert(
    0,
    Hooks(
        {
            "kiosk.ui.host": hook_host,
            "kiosk.ui.pages.attract": hook_attract,
            "kiosk.ui.start_picture": hook_picture,
        }
    ),
)
QTimer.singleShot(0, _poll)
if __name__ == "__main__":
    sys.exit(main())
