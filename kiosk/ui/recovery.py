"""What the kiosk does after an uncaught exception: back to a clean Home.

:func:`back_home` makes the ``recover`` callable of :func:`kiosk.logs.install_excepthook`. It runs
from the event loop after the exception was logged, and puts the shell in a state a visitor can
use, whatever the exception left behind: no grabbed mouse or keyboard, no popup, no running
scroll or transition, no overlay, and a freshly built Home page (the old page may be the broken
one). The language stays: the visitor in front of the screen goes on in it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QScroller, QWidget

from kiosk.model.navigation import HOME

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

log = logging.getLogger("kiosk.recovery")


def back_home(shell: Shell) -> Callable[[], None]:
    """The recovery for *shell*: release what input is held, close overlays, show a new Home."""

    def recover() -> None:
        _release_input()
        shell.admin_control.close()
        shell.idle_overlay.hide()
        shell.host.finish_transition()
        if shell.nav.current == HOME:
            shell.host.rebuild()  # the same route: build the page again, it may be the broken one
        else:
            shell.nav.home()
            shell.host.finish_transition()  # at once: no picture of the broken page
        shell.idle.activity()
        log.info("recovered: Home")

    return recover


def _release_input() -> None:
    """Let go of anything an interrupted event handler may have left grabbed or running."""
    for grabber in (QWidget.mouseGrabber(), QWidget.keyboardGrabber()):
        if grabber is not None:
            with contextlib.suppress(RuntimeError):
                grabber.releaseMouse()
                grabber.releaseKeyboard()
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()
    for scroller in QScroller.activeScrollers():
        scroller.stop()
