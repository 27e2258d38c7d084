"""The real kiosk, with its heartbeat started the way ``kiosk.app.run`` is to start it.

Until ``heartbeat.start_from_environment(app)`` is wired into :func:`kiosk.app.run` (one line
before ``app.exec()``), the end-to-end test runs the kiosk through this wrapper: the kiosk's own
``main``, with the heartbeat started when the event loop starts (a zero timer set as soon as the
application exists). Starting it twice is harmless (it starts once per process), so the wrapper
keeps working after the wiring.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import kiosk.app
from kiosk import heartbeat
from kiosk.cli import main

_create = kiosk.app.create_application


def create_application(argv0: str = "kiosk") -> QApplication:
    app = _create(argv0)
    QTimer.singleShot(0, app, lambda: heartbeat.start_from_environment(app))
    return app


kiosk.app.create_application = create_application

if __name__ == "__main__":
    sys.exit(main())
