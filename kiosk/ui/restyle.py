"""A change of language or accessibility mode, in short turns behind a picture of the screen.

Such a change touches every widget: the application font, the style sheet, the bar, and the page
built again. Done at once it held the main thread 40–130 ms. Instead the page host shows a
picture of its page (the turn of the tap); the pages on hand then go, one a turn (deleting a
page is a turn's work by itself, and a style sheet set while they still exist would style them
again for nothing); then the change is applied (fonts, style sheet, bar: no page is left to
follow it; a step a turn: a mode's style sheet, then its bar) and the page is built again in
parts beneath the picture, which cross-fades to it, as any page change does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.ui.pages.base import Page
from kiosk.ui.timers import single_shot


class Restyler(QObject):
    """The steps of a change behind a picture, for the page host (see the module's docstring).

    :meth:`begin` takes the pages to let go and the change's steps; :attr:`ready` is emitted
    once they are gone and the change is applied: the host then builds its page again.
    A second change before the first is applied joins it.
    """

    ready = Signal()

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._going: list[Page] = []
        self._apply: list[Callable[[], None]] = []
        self._timer = single_shot(self, 0, self._step)

    @property
    def active(self) -> bool:
        """A change is under way (its page not yet built again)."""
        return self._timer.isActive()

    def begin(self, pages: list[Page], *steps: Callable[[], None]) -> None:
        """Let *pages* go (hidden now, deleted one a turn), then apply the change: its *steps*,
        one a turn."""
        for page in pages:
            page.dispose()
            page.hide()
        self._going.extend(pages)
        self._apply.extend(steps)
        self._timer.start()

    def flush(self) -> bool:
        """Let every page go and apply the change now (a navigation cannot wait); whether a
        change was under way (the host then builds the page it wants itself)."""
        waiting = self._timer.isActive()
        self._timer.stop()
        while self._going:
            self._going.pop(0).deleteLater()
        self._run()
        return waiting

    def _step(self) -> None:
        if self._going:
            self._going.pop(0).deleteLater()  # deleted when this turn ends
            self._timer.start()
        elif self._apply:
            self._apply.pop(0)()
            self._timer.start()  # the next step, or the page built again, on the next turn
        else:
            self.ready.emit()

    def _run(self) -> bool:
        changes, self._apply = self._apply, []
        for apply in changes:
            apply()
        return bool(changes)
