"""The real kiosk (``kiosk.app.run``, windowed, offscreen), reporting what its start did when.

Prints one JSON line and quits once every step waiting for the first frame has run: which
modules were imported and which booth services existed at the first page's first paint, which
modules once that paint was done (``painted``), and the same once the steps ran. Used by
tests/test_startup.py.
"""

from __future__ import annotations

import gc
import json
import linecache
import sys

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

import kiosk.app  # noqa: F401 - first, as the kiosk's own start imports it
from kiosk.commands.cli import main
from kiosk.ui.host import PageHost
from kiosk.ui.pages.attract import AttractPage
from kiosk.ui.shell import Shell
from kiosk.ui.start_picture import PictureWindow

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
report: dict[str, object] = {}
_mark = PageHost.mark_painted


def _shell() -> Shell:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, Shell))


def _pictures() -> list[str]:
    """The start pictures on screen."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PictureWindow)]
    return [w.objectName() for w in found if w.isVisible()]


def _state() -> dict[str, object]:
    shell = _shell()
    return {
        "pictures": _pictures(),
        "modules": sorted(m for m in WATCHED if m in sys.modules),
        "hours": shell.findChild(QObject, "openingHours") is not None,
        "analytics": shell.findChild(QObject, "analyticsBridge") is not None,
        "input_filters": shell.ready,
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


def mark_painted(self: PageHost) -> None:
    if not self.painted:
        report["first_paint"] = _state()
        report["page"] = str(self.page.route) if self.page is not None else None
    _mark(self)


def _poll() -> None:
    if not any(isinstance(w, Shell) for w in QApplication.topLevelWidgets()):
        QTimer.singleShot(20, _poll)  # a full-screen start shows its picture before the window
        return
    shell = _shell()
    hours = shell.findChild(QObject, "openingHours")
    if hours is not None and not shell.first_frame.waiting:
        report["after"] = _state()
        print(json.dumps(report), flush=True)
        QApplication.exit(0)  # not quit(): a full-screen kiosk refuses to close its window
    else:
        QTimer.singleShot(20, _poll)


_paint = AttractPage.paintEvent
_paint_picture = PictureWindow.paintEvent


def paint_picture(self: PictureWindow, event: QPaintEvent) -> None:
    _paint_picture(self, event)
    report.setdefault("picture_painted", "painted" not in report)  # True: before the page


def paint_event(self: AttractPage, event: QPaintEvent) -> None:
    _paint(self, event)
    if "painted" not in report:
        report["painted"] = sorted(m for m in WATCHED + NEXT_START if m in sys.modules)


PageHost.mark_painted = mark_painted  # type: ignore[method-assign]
AttractPage.paintEvent = paint_event  # type: ignore[method-assign]
PictureWindow.paintEvent = paint_picture  # type: ignore[method-assign]
QTimer.singleShot(0, _poll)
if __name__ == "__main__":
    sys.exit(main())
