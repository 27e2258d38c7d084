"""The admin controller: shows the PIN pad and the admin menu over the window, for the staff model.

The PIN pad and the admin menu (kiosk.ui.admin) load the first time staff call them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.model.staff import Staff, Status
from kiosk.ui.fmt import screen_name
from kiosk.ui.strings import SOURCES, ui
from kiosk.ui.tokens import Theme

if TYPE_CHECKING:
    from kiosk.ui.admin import AdminMenu, PinPad

log = logging.getLogger("kiosk.shell")


class AdminController(QObject):
    """Opens and closes the staff overlays of *window* and feeds what staff type to *staff*.

    Args:
        window: the window the overlays cover.
        staff: the staff model.
        factor: the window's scale now.
        leave: ends the kiosk (the admin menu's Exit).
        theme: the window's theme now.
    """

    def __init__(
        self,
        window: QWidget,
        staff: Staff,
        factor: Callable[[], float],
        leave: Callable[[], None],
        theme: Callable[[], Theme],
    ):
        super().__init__(window)
        self.window = window
        self.staff = staff
        self._factor = factor
        self._theme = theme
        self._leave = leave
        self.pin_pad: PinPad | None = None
        self.menu: AdminMenu | None = None
        staff.status_changed.connect(self._show_status)

    @property
    def is_open(self) -> bool:
        return self.pin_pad is not None or self.menu is not None

    def _text(self, key: str, **values: object) -> str:
        """A message of the staff model in the session's language (a key, or plain text)."""
        lang = self.staff.session.lang
        return ui(key, lang, **values) if key in SOURCES else key

    def _pad(self, prompt_key: str) -> PinPad:
        from kiosk.ui.admin import PinPad

        lang = self.staff.session.lang
        pad = PinPad(self.window, self._factor(), lang, self._text(prompt_key), self._theme())
        pad.cancelled.connect(self._close_pin_pad)
        self.pin_pad = pad
        pad.show()
        pad.raise_()
        return pad

    def open_pin_pad(self, prompt_key: str = "pin.prompt") -> None:
        """The hidden gesture was made: ask for the PIN."""
        if self.is_open:
            return
        self.staff.open()
        pad = self._pad(prompt_key)
        pad.cancelled.connect(self.close)
        pad.entered.connect(self._login)
        left = self.staff.guard.locked_for()
        if left > 0:
            pad.show_message(self._text("pin.locked", n=round(left)))

    def _login(self, pin: str) -> None:
        assert self.pin_pad is not None
        result = self.staff.login(pin)
        if result.status == "locked":
            self.pin_pad.show_message(self._text("pin.locked", n=round(result.locked_for)))
        elif result.status == "wrong":
            self.pin_pad.show_message(self._text("pin.wrong", n=result.attempts_left))
        else:
            self._close_pin_pad()
            self.open_admin_menu()
            if self.staff.pin_change is not None:  # the first login: the default PIN goes
                self._ask_new_pin()

    def _close_pin_pad(self) -> None:
        if self.pin_pad is not None:
            self.pin_pad.hide()
            self.pin_pad.setParent(None)
            self.pin_pad.deleteLater()
            self.pin_pad = None

    def open_admin_menu(self) -> None:
        log.info("admin: menu opened")
        from kiosk.ui.admin import AdminMenu

        session = self.staff.session
        self.menu = AdminMenu(
            self.window, self._factor(), session.lang, session.idle_timeout, self._theme()
        )
        self.menu.exit_requested.connect(self._exit)
        self.menu.reload_requested.connect(self._reload)
        self.menu.idle_changed.connect(self.staff.set_idle_timeout)
        self.menu.change_pin_requested.connect(self.change_pin)
        self.menu.closed.connect(self.close)
        status = self.staff.status()
        if status is not None:
            self._show_status(status)
        self.menu.show()
        self.menu.raise_()

    def _show_status(self, status: Status) -> None:
        if self.menu is not None:
            values = dict(status.values)
            if "screen" in values:  # today's most viewed screen, by its name
                session = self.staff.session
                values["top"] = screen_name(values.pop("screen"), session.content, session.lang)
            self.menu.set_status(self._text(status.key, **values))

    def close(self) -> None:
        """Close the PIN pad and the admin menu."""
        self._close_pin_pad()
        if self.menu is not None:
            self.menu.hide()
            self.menu.setParent(None)
            self.menu.deleteLater()
            self.menu = None
        self.staff.close()

    def change_pin(self) -> None:
        """Ask for a new PIN twice."""
        self.staff.start_pin_change()
        self._ask_new_pin()

    def _ask_new_pin(self) -> None:
        change = self.staff.pin_change
        assert change is not None
        self._pad(change.prompt).entered.connect(self._new_pin)

    def _new_pin(self, pin: str) -> None:
        pad = self.pin_pad
        assert pad is not None
        step = self.staff.enter_new_pin(pin)
        if step.outcome == "saved":
            self._close_pin_pad()
            return
        pad.set_prompt(self._text(step.prompt))
        pad.show_message(self._text(step.message) if step.message else "")

    def _reload(self) -> None:
        if self.staff.reload():
            self.close()

    def _exit(self) -> None:
        log.info("admin: exit")
        self.close()
        self._leave()

    def resize(self) -> None:
        """Keep the overlays the size of the window."""
        for overlay in (self.pin_pad, self.menu):
            if overlay is not None:
                overlay.setGeometry(self.window.rect())
