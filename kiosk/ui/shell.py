"""The kiosk shell: the one window, a thin view of the session and navigation models.

It shows the current route in the page host, with the bar, the idle countdown and the modes; the
staff overlays are kiosk.ui.staff's, kiosk mode's guard kiosk.ui.lockdown's, keys kiosk.ui.keys'.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLayout, QVBoxLayout, QWidget

from kiosk.adapters import fonts
from kiosk.model.navigation import Change, Navigation
from kiosk.model.pages import where_key
from kiosk.model.session import LanguageChange, Session
from kiosk.model.speech import ReadAloud
from kiosk.model.staff import Staff
from kiosk.ui.first_frame import FirstFrame
from kiosk.ui.idle import IdleController, IdleOverlay
from kiosk.ui.keys import KeyboardAccess
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.navbar import NavBar
from kiosk.ui.pages.factory import warm_up
from kiosk.ui.staff import AdminController
from kiosk.ui.stage import Stage
from kiosk.ui.strings import ui
from kiosk.ui.style import stylesheet
from kiosk.ui.tokens import LARGE_TEXT, SIZE, scale_for, scaled, theme_for
from kiosk.ui.touch import InputWatcher

log = logging.getLogger("kiosk.shell")


class Shell(QWidget):
    """The kiosk window.

    Args:
        session: the session model (content, settings, language, modes, navigation).
        staff: the staff model (a new one for *session* by default).
        kiosk_mode: refuse every way out but the admin PIN.
        animate: figures count up and flip (False: proof sheets and checks show final values).
        flags: its window flags, set before its widgets are made.
    """

    def __init__(
        self,
        session: Session,
        staff: Staff | None = None,
        *,
        kiosk_mode: bool = True,
        animate: bool = True,
        parent: QWidget | None = None,
        flags: Qt.WindowType = Qt.WindowType.Widget,
    ):
        super().__init__(parent, flags)
        self.setObjectName("kioskShell")
        self.setWindowTitle(session.content.forum.name.get(session.settings.language))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.session = session
        self.nav: Navigation = session.nav
        self.factor = self._base_factor = 1.0
        self._animate, self.theme = animate, theme_for(session.modes, animate)  # from the modes
        self.speech = ReadAloud(session)  # what read-aloud says (kiosk.ui.readaloud tells it)
        staff = staff or Staff(session)
        self.admin_control = AdminController(
            self, staff, lambda: self.factor, self.leave, lambda: self.theme
        )

        layout = self._layout = QVBoxLayout(self)
        # The window's size follows the screen, never the layout's minimum (a bar laid out at 4K
        # must not keep the window wider than a smaller screen it moves to).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stage = Stage(session, self, lambda: self.factor, lambda: self.theme)
        self.host = self.stage.host
        layout.addWidget(self.host, 1)
        self.bar = self._make_bar()
        layout.addWidget(self.bar)
        self._next_bar: NavBar | None = None  # made for a change of mode, not yet in place

        settings = session.settings
        self.idle = IdleController(settings.idle_timeout, settings.idle_warning, self)
        self.idle_overlay = IdleOverlay(self.theme, self, self.idle)
        self.idle.expired.connect(self.reset)

        self.input = InputWatcher(lambda: self.factor, self._admin_corner, parent=self)
        self.input.activity.connect(self.idle.activity)
        self.input.swiped.connect(self._swiped)
        self.input.admin_requested.connect(self.admin_control.open_pin_pad)
        self.keys = KeyboardAccess(self, self)  # keys, the focus ring, screen-reader semantics
        watchers = [(self.input, InputWatcher.EVENTS), (self.keys, KeyboardAccess.EVENTS)]
        self.lockdown = Lockdown(watchers, kiosk_mode, self)
        self.host.first_painted.connect(self.lockdown.watch)

        self.nav.changed.connect(self._on_change)
        session.language_changed.connect(self._on_language)
        session.screen_modes_changed.connect(self._on_modes)
        session.content_changed.connect(lambda _: self.host.rebuild())
        session.settings_changed.connect(
            lambda s: self.idle.configure(s.idle_timeout, s.idle_warning)
        )
        self._language_font()
        self._apply_factor(1.0, new_bar=False)  # the bar above is made for 1.0
        self._on_change(Change(self.nav.current, "reset", self.nav.depth))
        # What the first frame does not need (the other pages' modules, icons, the booth's
        # services) loads once it is on screen, one step per turn of the event loop.
        self.first_frame = FirstFrame(self.host, [warm_up, self.stage.prepare_home])

    @property
    def ready(self) -> bool:
        """The first frame is on screen and touch and keys are watched."""
        return self.lockdown.watching

    def _on_change(self, change: Change) -> None:
        attracting = change.route.page == "attract"
        self.bar.setVisible(not attracting)
        self.idle.set_enabled(not attracting)
        self.idle_overlay.hide()
        self.host.show_route(change)
        self._update_bar()
        log.info("screen %s (%s)", change.route, change.direction)

    def _update_bar(self) -> None:
        key = where_key(self.nav.current.page)
        where = ui(key, self.session.lang) if key else ""
        self.bar.set_where(where, self.nav.depth > 1)

    def _swiped(self, step: int) -> None:
        if self.admin_control.is_open or self.nav.attracting:
            return
        if not self.nav.sibling(step) and step < 0:
            self.nav.back()

    # -- the session's notifications ------------------------------------------------------------

    def _on_language(self, change: LanguageChange) -> None:
        """Every string on screen switches (at the idle reset the attract loop follows): the
        page is built again behind a picture of it (see :meth:`PageHost.restyle`)."""
        if change.by_visitor:
            self.host.restyle(self._follow_language)
        else:
            self._follow_language()

    def _follow_language(self) -> None:
        self._language_font()
        self.bar.set_language(self.session.lang)
        self._update_bar()

    def _language_font(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            fonts.use_language(app, self.session.lang)

    def _on_modes(self, modes: dict[str, bool]) -> None:
        """Every screen follows the accessibility modes (built again behind a picture): the bar
        for them is made on one turn, hidden, and takes the old one's place as the style sheet
        changes on the next (each about half of the change's 16-25 ms; the old bar goes before
        the style sheet changes, so it is neither styled again nor seen half-styled)."""
        self.host.restyle(self._follow_modes, self._follow_modes_bar)

    def _follow_modes(self) -> None:
        self.theme = theme_for(self.session.modes, self._animate)
        self.factor = self._scaled(self._base_factor)
        self._next_bar = self._make_bar()

    def _follow_modes_bar(self) -> None:
        self.idle_overlay.set_theme(self.theme)
        bar, self._next_bar = self._next_bar, None
        if bar is not None:
            self._replace_bar(bar)
        self._apply_factor(self._base_factor, new_bar=False)
        self.update()

    def reset(self) -> None:
        """The idle reset: attract loop, default language and modes, no overlays, no scroll."""
        self.admin_control.close()
        self.idle_overlay.hide()
        self.session.reset()
        self.stage.fresh_start()

    # -- size ----------------------------------------------------------------------------------

    def _make_bar(self) -> NavBar:
        speaks = self.speech.available_in  # read-aloud's toggle shows where it can speak
        bar = NavBar(self.factor, self.session.lang, self, theme=self.theme, speaks=speaks)
        # Through the shell's own slots: a connection to a bound method of a plain Python object
        # (the models) leaves a weakref behind in PySide after the bar is deleted.
        bar.home_tapped.connect(self._home_tapped)
        bar.back_tapped.connect(self._back_tapped)
        bar.language_tapped.connect(self._language_tapped)
        bar.mode_toggled.connect(self._mode_toggled)
        bar.set_modes(self.session.modes)
        return bar

    def _home_tapped(self) -> None:
        self.nav.home()

    def _back_tapped(self) -> None:
        self.nav.back()

    def _language_tapped(self) -> None:
        self.session.toggle_language()

    def _mode_toggled(self, mode: str, on: bool) -> None:
        self.session.set_mode(mode, on)

    def _apply_factor(self, factor: float, new_bar: bool = True) -> None:
        """Restyle for a new scale: the stylesheet and the bar are made for the factor.

        *factor* is the screen's, large text multiplies it; *new_bar* false keeps the bar.
        """
        self._base_factor = factor
        self.factor = self._scaled(factor)
        if new_bar:
            self._replace_bar(self._make_bar())
        self.setStyleSheet(stylesheet(self.theme, self.factor))
        self.idle_overlay.set_factor(self.factor)
        self.bar.setVisible(not self.nav.attracting)
        self._update_bar()

    def _scaled(self, factor: float) -> float:
        """The screen's *factor* as large text, when it is on, makes it."""
        return factor * (LARGE_TEXT if self.session.modes["large_text"] else 1.0)

    def _replace_bar(self, bar: NavBar) -> None:
        """*bar* (made for the theme and factor: its sizes are set as it is made, it is styled
        as it is shown) in the old one's place; the old one goes before the style sheet
        changes (it would be styled again for nothing)."""
        old, self.bar = self.bar, bar
        self._layout.replaceWidget(old, bar)
        old.setParent(None)
        old.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        size, old = event.size(), event.oldSize()
        factor = scale_for(size.width(), size.height())
        portrait_changed = (size.height() > size.width()) != (old.height() > old.width())
        super().resizeEvent(event)
        if abs(factor - self._base_factor) > 0.01 or portrait_changed:
            self._apply_factor(factor)
            self.host.rebuild()
        self.idle_overlay.setGeometry(self.rect())
        self.admin_control.resize()

    def _admin_corner(self) -> QRect:
        corner, size = self.rect().topLeft(), scaled(SIZE.admin_corner, self.factor)
        return QRect(self.mapToGlobal(corner), corner).adjusted(0, 0, size, size)

    def leave(self) -> None:
        """End the kiosk (the admin menu's Exit)."""
        self.lockdown.allow_close()
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.lockdown.judge(event):
            if self.host.page is not None:
                self.host.page.dispose()
            self.lockdown.unwatch()

    def allow_close(self) -> None:
        """Let the window close (tests and windowed mode)."""
        self.lockdown.allow_close()
