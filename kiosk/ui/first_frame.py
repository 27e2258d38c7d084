"""Steps that wait for the first frame: what it does not need loads once it is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.ui.host import PageHost

#: When the steps waiting for the first frame start even if no frame has been painted by then.
FIRST_FRAME_LATEST_MS = 5000


class FirstFrame(QObject):
    """Runs steps once *host* has painted its first page, one step per turn of the event loop,
    so the attract loop keeps moving between them."""

    def __init__(self, host: PageHost, steps: list[Callable[[], object]] | None = None):
        super().__init__(host)
        self._host = host
        self._steps: list[Callable[[], object]] = list(steps or [])
        host.first_painted.connect(self._run_next)
        QTimer.singleShot(FIRST_FRAME_LATEST_MS, self, host.mark_painted)

    @property
    def waiting(self) -> int:
        """How many steps have not run yet."""
        return len(self._steps)

    def after(self, step: Callable[[], object]) -> None:
        """Run *step* once the first frame is on screen (soon, if it already is)."""
        if self._host.painted and not self._steps:
            QTimer.singleShot(0, self, step)
        else:
            self._steps.append(step)

    def _run_next(self) -> None:
        if not self._steps:
            return
        step = self._steps.pop(0)
        try:
            step()
        finally:
            if self._steps:
                QTimer.singleShot(0, self, self._run_next)
