"""The kiosk shell: the one window, escape-proof in kiosk mode, following the navigation model.

It wires the Qt-free models (navigation, settings, PIN) to the views (page host, bar, overlays)
and owns the session state a visitor can change (language), which an idle reset puts back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLayout, QVBoxLayout, QWidget

from kiosk.adapters import fonts
from kiosk.content import Content, ContentError, Lang
from kiosk.model.navigation import HOME, Change, Navigation, Route
from kiosk.model.pin import PinGuard, hash_pin, must_change, new_pin_problem
from kiosk.model.routes import ITEM_SECTION, OVERVIEWS, SECTIONS, siblings_for
from kiosk.model.settings import Settings, save_settings
from kiosk.system import memory
from kiosk.ui.host import PageHost
from kiosk.ui.idle import IdleController, IdleOverlay
from kiosk.ui.navbar import MODES, NavBar
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.pages.factory import build_page, warm_up
from kiosk.ui.reach import ReachBand
from kiosk.ui.strings import SOURCES, ui
from kiosk.ui.style import stylesheet
from kiosk.ui.timers import single_shot
from kiosk.ui.tokens import LARGE_TEXT, scale_for, theme_for
from kiosk.ui.touch import InputWatcher

if TYPE_CHECKING:
    from kiosk.adapters.hours import OpeningHoursController
    from kiosk.adapters.recorder import AnalyticsBridge
    from kiosk.ui.admin import AdminMenu, PinPad

log = logging.getLogger("kiosk.shell")

#: When the steps waiting for the first frame start even if no frame has been painted by then.
FIRST_FRAME_LATEST_MS = 5000

#: How long after the last page change the kiosk hands its free heap back to the system (the
#: transition's pixmaps are gone by then; it takes about a millisecond).
RELEASE_MEMORY_MS = 600

#: Pages kept alive (hidden) when a visitor leaves them: Home and the overviews, where visitors
#: come back to most; a return shows them without building them again.
KEPT_PAGES = frozenset({"home", *SECTIONS, *OVERVIEWS})

#: How long after an idle reset the Home page is built for the next visitor (the transition to
#: the attract loop has ended by then).
PREPARE_HOME_MS = 1000

#: Keys refused in kiosk mode: nothing a visitor types may close or leave the kiosk.
_REFUSED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_F11, Qt.Key.Key_Q, Qt.Key.Key_W}
_MODIFIERS = (
    Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.MetaModifier
)


class Shell(QWidget):
    """The kiosk window.

    Args:
        content: what to show.
        settings: the effective settings (file and command line).
        kiosk_mode: refuse every way out but the admin PIN.
        reload_content: loads the content again (for the admin menu); raises ContentError.
        settings_path: where the admin menu saves changed settings (None: not saved).
        animate: figures count up and flip (False: proof sheets and checks show final values).
    """

    language_changed = Signal(str)
    modes_changed = Signal(dict)

    def __init__(
        self,
        content: Content,
        settings: Settings,
        kiosk_mode: bool = True,
        reload_content: Callable[[], Content] | None = None,
        settings_path: Path | None = None,
        parent: QWidget | None = None,
        animate: bool = True,
    ):
        super().__init__(parent)
        self.setObjectName("kioskShell")
        self.setWindowTitle(content.forum.name.get(settings.language))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.content = content
        self.settings = settings
        self.kiosk_mode = kiosk_mode
        self.lang: Lang = settings.language
        self.factor = 1.0
        self._base_factor = 1.0
        self.modes: dict[str, bool] = {mode: False for mode, _ in MODES}
        self._animate, self.theme = animate, theme_for(self.modes, animate)  # from the modes
        self._reload = reload_content
        self._settings_path = settings_path
        self._allow_close = not kiosk_mode
        self.nav = Navigation(siblings=siblings_for(content))
        self.pin_guard = PinGuard()
        self.pin_pad: PinPad | None = None
        self.admin: AdminMenu | None = None
        self._pending_content: Content | None = None
        self._content_problems: list[str] = []
        self.analytics: AnalyticsBridge | None = None  # set by kiosk.app when recording
        self.hours: OpeningHoursController | None = None  # set by kiosk.app

        layout = self._layout = QVBoxLayout(self)
        # The window's size follows the screen, never the layout's minimum (a bar laid out at 4K
        # must not keep the window wider than a smaller screen it moves to).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.reach_band = ReachBand(self.theme, self)
        self.reach_band.hide()
        layout.addWidget(self.reach_band, 2)
        self.host = PageHost(self._build_page, settings.transition_ms, self)
        self._release = single_shot(self, RELEASE_MEMORY_MS, memory.release_free_memory)
        self.host.page_changed.connect(self._release.start)
        self._prepare = single_shot(self, PREPARE_HOME_MS, self._prepare_home)
        self.host.keep = lambda route: route.page in KEPT_PAGES
        self.host.context_key = self._context_key
        layout.addWidget(self.host, 3)
        self.bar = self._make_bar()
        layout.addWidget(self.bar)

        self.idle = IdleController(settings.idle_timeout, settings.idle_warning, self)
        self.idle_overlay = IdleOverlay(self.theme, self)
        self.idle.warn.connect(self._show_idle_overlay)
        self.idle.tick.connect(self.idle_overlay.set_seconds)
        self.idle.dismissed.connect(self.idle_overlay.hide)
        self.idle.expired.connect(self.reset)

        self.input = InputWatcher(lambda: self.factor, self._admin_corner, parent=self)
        self.input.activity.connect(self.idle.activity)
        self.input.swiped.connect(self._swiped)
        self.input.admin_requested.connect(self.open_pin_pad)
        # The application-wide filters start once the first frame is on screen: before it, every
        # event of the start-up (polish, layout, show, the window system's) would be converted
        # to Python for them, about 75 ms before the first frame.
        self._watching = False
        self.host.first_painted.connect(self._watch_input)

        self.nav.changed.connect(self._on_change)
        self._language_font()
        self._apply_factor(1.0, new_bar=False)  # the bar above is made for 1.0
        self._on_change(Change(self.nav.current, "reset", len(self.nav.stack)))
        # What the first frame does not need (the other pages' modules, icons, the booth's
        # services) loads once it is on screen, one step per turn of the event loop.
        self._after_first_frame: list[Callable[[], object]] = [warm_up, self._prepare_home]
        self.host.first_painted.connect(self._run_after_first_frame)
        QTimer.singleShot(FIRST_FRAME_LATEST_MS, self, self.host.mark_painted)

    @property
    def ready(self) -> bool:
        """The first frame is on screen and touch and keys are watched."""
        return self._watching

    def _watch_input(self) -> None:
        """Install the touch/activity watcher and the kiosk-mode key filter (once)."""
        app = QApplication.instance()
        if app is not None and not self._watching:
            self._watching = True
            app.installEventFilter(self.input)
            app.installEventFilter(self)

    def after_first_frame(self, step: Callable[[], object]) -> None:
        """Run *step* once the first frame is on screen (soon, if it already is).

        Steps run in the order given, each in its own turn of the event loop, so the attract
        loop keeps moving between them.
        """
        if self.host.painted and not self._after_first_frame:
            QTimer.singleShot(0, self, step)
        else:
            self._after_first_frame.append(step)

    def _run_after_first_frame(self) -> None:
        if not self._after_first_frame:
            return
        step = self._after_first_frame.pop(0)
        try:
            step()
        finally:
            if self._after_first_frame:
                QTimer.singleShot(0, self, self._run_after_first_frame)

    # -- pages ---------------------------------------------------------------------------------

    def _context(self) -> PageContext:
        portrait = self.height() > self.width()
        return PageContext(
            self.content, self.lang, self.factor, self.nav, self.theme, portrait, self.width()
        )

    def _context_key(self) -> Hashable:
        """What a page depends on besides its route: kept pages are reused only while equal."""
        modes = tuple(sorted(self.modes.items()))
        return (id(self.content), self.lang, self.factor, self.width(), self.height(), modes)

    def _build_page(self, route: Route) -> Page:
        # Built inside the host, so it is polished once, in the style sheet's scope.
        return build_page(self._context(), route, self.settings.attract_slide_seconds, self.host)

    def _on_change(self, change: Change) -> None:
        attracting = change.route.page == "attract"
        self.bar.setVisible(not attracting)
        self.reach_band.setVisible(self.modes["low_reach"] and not attracting)
        self.idle.set_enabled(not attracting)
        self.idle_overlay.hide()
        self.host.show_route(change)
        self._update_bar()
        log.info("screen %s (%s)", change.route, change.direction)

    def _update_bar(self) -> None:
        route = self.nav.current
        section = ITEM_SECTION.get(route.page, route.page)
        key = "about.title" if section == "about" else f"section.{section}"
        where = ui(key, self.lang) if key in SOURCES else ""
        self.bar.set_where(where, len(self.nav.stack) > 1)

    def _swiped(self, step: int) -> None:
        if self._overlay_open() or self.nav.attracting:
            return
        if not self.nav.sibling(step) and step < 0:
            self.nav.back()

    # -- session state -------------------------------------------------------------------------

    def toggle_language(self) -> None:
        self.set_language("en" if self.lang == "zh" else "zh")

    def set_language(self, lang: Lang) -> None:
        """Switch every string on screen at once, keeping the place."""
        if lang == self.lang:
            return
        self.lang = lang
        self.host.finish_transition()
        # The pages on hand are built again in the new language: hidden first, they are not
        # re-laid out in the new font for nothing when the application font changes.
        self.host.drop_kept()
        if self.host.page is not None:
            self.host.page.hide()
        self._language_font()
        self.bar.set_language(lang)
        self.host.rebuild()
        self._update_bar()
        self.language_changed.emit(lang)

    def _language_font(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            fonts.use_language(app, self.lang)

    def set_mode(self, mode: str, on: bool) -> None:
        """Turn an accessibility mode on or off; every screen follows at once."""
        if self.modes.get(mode) == on:
            return
        self.modes[mode] = on
        self._apply_modes()
        log.info("mode %s %s", mode, "on" if on else "off")
        self.modes_changed.emit(dict(self.modes))

    def _apply_modes(self) -> None:
        self.theme = theme_for(self.modes, self._animate)
        self.reach_band.set_theme(self.theme)
        self.idle_overlay.set_theme(self.theme)
        self.reach_band.setVisible(self.modes["low_reach"] and not self.nav.attracting)
        self.host.finish_transition()
        self._apply_factor(self._base_factor)
        self.host.rebuild()
        self.update()

    def reset(self) -> None:
        """The idle reset: attract loop, default language and modes, no overlays, no scroll."""
        self.close_admin()
        self.idle_overlay.hide()
        if self._pending_content is not None:
            content, self._pending_content = self._pending_content, None
            self.content = content
            self.nav.siblings = siblings_for(content)
        if any(self.modes.values()):
            self.modes = dict.fromkeys(self.modes, False)
            self._apply_modes()
            self.modes_changed.emit(dict(self.modes))
        if self.lang != self.settings.language:
            self.lang = self.settings.language
            self._language_font()
            self.bar.set_language(self.lang)
        # A new visitor starts afresh: the pages kept for the last one go (their memory with
        # them), and Home is built again while the attract loop runs.
        self.nav.reset()
        self.host.drop_kept()
        self._prepare.start()

    def _prepare_home(self) -> None:
        if self.nav.attracting and not self.host.animating:
            self.host.prepare(HOME)

    def queue_content(self, content: Content) -> None:
        """Good new content from the editors: shown at the next idle reset, never mid-visit."""
        self._content_problems = []
        if self.nav.attracting:
            self.set_content(content)
        else:
            self._pending_content = content
        log.info("new content accepted")

    def content_problems(self, problems: list[str]) -> None:
        """The edited content has problems: keep the last good one, tell staff and the log."""
        self._content_problems = list(problems)
        for problem in problems:
            log.error("content: %s", problem)

    def set_content(self, content: Content) -> None:
        """Show new content from the start (Home or the attract loop stay where they are)."""
        self.content = content
        self.nav.siblings = siblings_for(content)
        self.nav.reset()
        self.host.rebuild()

    # -- size ----------------------------------------------------------------------------------

    def _make_bar(self) -> NavBar:
        bar = NavBar(self.factor, self.lang, self, theme=self.theme)
        # Through the shell's own slots: a connection to a bound method of a plain Python object
        # (the navigation model) leaves a weakref behind in PySide after the bar is deleted.
        bar.home_tapped.connect(self._home_tapped)
        bar.back_tapped.connect(self._back_tapped)
        bar.language_tapped.connect(self.toggle_language)
        bar.mode_toggled.connect(self.set_mode)
        bar.set_modes(self.modes)
        return bar

    def _home_tapped(self) -> None:
        self.nav.home()

    def _back_tapped(self) -> None:
        self.nav.back()

    def _apply_factor(self, factor: float, new_bar: bool = True) -> None:
        """Restyle for a new scale: the stylesheet and the bar are made for the factor.

        *factor* is the screen's; large text multiplies it for everything on screen. *new_bar*
        false keeps the bar (it was just made for this factor).
        """
        self._base_factor = factor
        if self.modes["large_text"]:
            factor *= LARGE_TEXT
        self.factor = factor
        self.setStyleSheet(stylesheet(self.theme, factor))
        if new_bar:
            old = self.bar
            self.bar = self._make_bar()
            self._layout.replaceWidget(old, self.bar)
            old.setParent(None)
            old.deleteLater()
        self.bar.setVisible(not self.nav.attracting)
        self.idle_overlay.set_factor(factor)
        self._update_bar()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        size = event.size()
        factor = scale_for(size.width(), size.height())
        portrait_changed = (size.height() > size.width()) != (
            event.oldSize().height() > event.oldSize().width()
        )
        super().resizeEvent(event)
        if abs(factor - self._base_factor) > 0.01 or portrait_changed:
            self._apply_factor(factor)
            self.host.rebuild()
        for overlay in (self.idle_overlay, self.pin_pad, self.admin):
            if overlay is not None:
                overlay.setGeometry(self.rect())

    # -- idle ----------------------------------------------------------------------------------

    def _show_idle_overlay(self) -> None:
        self.idle_overlay.setGeometry(self.rect())
        self.idle_overlay.show()
        self.idle_overlay.raise_()

    # -- admin ---------------------------------------------------------------------------------

    def _admin_corner(self) -> QRect:
        size = round(140 * self.factor)
        return QRect(self.mapToGlobal(self.rect().topLeft()), self.rect().topLeft()).adjusted(
            0, 0, size, size
        )

    def _overlay_open(self) -> bool:
        return self.pin_pad is not None or self.admin is not None

    def open_pin_pad(self, prompt_key: str = "pin.prompt") -> None:
        """The hidden gesture was made: ask for the PIN."""
        if self._overlay_open():
            return
        log.info("admin: PIN pad opened")
        from kiosk.ui.admin import PinPad  # the PIN pad and admin menu load when staff call them

        self.pin_pad = PinPad(self, self.factor, self.lang, ui(prompt_key, self.lang), self.theme)
        self.pin_pad.entered.connect(self._pin_entered)
        self.pin_pad.cancelled.connect(self.close_admin)
        self.pin_pad.show()
        self.pin_pad.raise_()
        left = self.pin_guard.locked_for()
        if left > 0:
            self.pin_pad.show_message(ui("pin.locked", self.lang, n=round(left)))

    def _pin_entered(self, pin: str) -> None:
        assert self.pin_pad is not None
        result = self.pin_guard.attempt(pin, self.settings.pin_hash)
        if result.status == "locked":
            self.pin_pad.show_message(ui("pin.locked", self.lang, n=round(result.locked_for)))
        elif result.status == "wrong":
            self.pin_pad.show_message(ui("pin.wrong", self.lang, n=result.attempts_left))
        else:
            self._close_pin_pad()
            self.open_admin_menu()
            if must_change(self.settings.pin_hash):
                self.change_pin(first_login=True)

    def _close_pin_pad(self) -> None:
        if self.pin_pad is not None:
            self.pin_pad.hide()
            self.pin_pad.setParent(None)
            self.pin_pad.deleteLater()
            self.pin_pad = None

    def open_admin_menu(self) -> None:
        log.info("admin: menu opened")
        from kiosk.ui.admin import AdminMenu

        self.admin = AdminMenu(self, self.factor, self.lang, self.settings.idle_timeout, self.theme)
        self.admin.exit_requested.connect(self.admin_exit)
        self.admin.reload_requested.connect(self.reload_content)
        self.admin.idle_changed.connect(self._set_idle)
        self.admin.change_pin_requested.connect(self.change_pin)
        self.admin.closed.connect(self.close_admin)
        self._show_today()
        if self._content_problems:
            first = self._content_problems[0]
            self.admin.set_status(f"{ui('admin.content_problems', self.lang)}: {first}")
        self.admin.show()
        self.admin.raise_()

    def _show_today(self) -> None:
        """Today's visitor figures in the admin menu."""
        if self.analytics is None or self.admin is None:
            return
        today = self.analytics.today()
        if today:
            from kiosk.model.report import duration

            average = today.get("average_session_s") or 0.0
            self.admin.set_status(
                ui(
                    "admin.today",
                    self.lang,
                    sessions=today.get("sessions", 0),
                    length=duration(float(average)),  # type: ignore[arg-type]
                    top=today.get("top_screen") or "–",
                )
            )

    def close_admin(self) -> None:
        self._close_pin_pad()
        if self.admin is not None:
            self.admin.hide()
            self.admin.setParent(None)
            self.admin.deleteLater()
            self.admin = None

    def change_pin(self, first_login: bool = False) -> None:
        """Ask for a new PIN twice (on the first login the default PIN must be replaced)."""
        first: list[str] = []
        key = "admin.must_change" if first_login else "admin.new_pin"
        from kiosk.ui.admin import PinPad

        pad = PinPad(self, self.factor, self.lang, ui(key, self.lang), self.theme)
        self.pin_pad = pad

        def entered(pin: str) -> None:
            problem = new_pin_problem(pin)
            if not first:
                if problem:
                    pad.show_message(problem)
                    return
                first.append(pin)
                pad.set_prompt(ui("admin.repeat_pin", self.lang))
                pad.show_message("")
                return
            if pin != first[0]:
                first.clear()
                pad.set_prompt(ui(key, self.lang))
                pad.show_message(ui("admin.pin_mismatch", self.lang))
                return
            self._save(self.settings.replace(pin_hash=hash_pin(pin)))
            self._close_pin_pad()
            if self.admin is not None:
                self.admin.set_status(ui("admin.pin_changed", self.lang))

        pad.entered.connect(entered)
        pad.cancelled.connect(self._close_pin_pad)
        pad.show()
        pad.raise_()

    def _set_idle(self, seconds: int) -> None:
        self._save(self.settings.replace(idle_timeout=float(seconds)))
        self.idle.configure(self.settings.idle_timeout, self.settings.idle_warning)

    def _save(self, settings: Settings) -> None:
        self.settings = settings
        if self._settings_path is None:
            return
        try:
            save_settings(settings, self._settings_path)
        except OSError as exc:
            log.error("settings: cannot save %s: %s", self._settings_path, exc)

    def reload_content(self) -> None:
        if self._reload is None:
            return
        try:
            content = self._reload()
        except ContentError as exc:
            for problem in exc.problems:
                log.error("content: %s", problem)
            if self.admin is not None:
                self.admin.set_status(
                    f"{ui('admin.content_problems', self.lang)}: {exc.problems[0]}"
                )
            return
        self.close_admin()
        self.set_content(content)
        log.info("content reloaded")

    def admin_exit(self) -> None:
        log.info("admin: exit")
        self._allow_close = True
        self.close_admin()
        self.close()
        QApplication.quit()

    # -- no way out ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.kiosk_mode or not isinstance(event, QKeyEvent):
            return False
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        key = Qt.Key(event.key())
        if key in _REFUSED_KEYS or event.modifiers() & _MODIFIERS:
            if event.type() == QEvent.Type.KeyPress:
                log.info("refused key %s", event.keyCombination().toCombined())
            event.accept()
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._allow_close:
            self._detach()
            event.accept()
            return
        log.info("refused a close request")
        event.ignore()

    def _detach(self) -> None:
        if self.host.page is not None:
            self.host.page.dispose()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.input)
            app.removeEventFilter(self)

    def allow_close(self) -> None:
        """Let the window close (tests and windowed mode)."""
        self._allow_close = True
