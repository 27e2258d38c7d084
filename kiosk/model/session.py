"""The session model: what a visitor and staff change while the kiosk runs, without Qt.

A visitor changes the language and the accessibility modes; the idle reset puts them back. Staff
change settings (saved through an injected saver, so the model writes no file itself), and the
editors' new content waits for the next idle reset, never replacing what a visitor is reading.
Views subscribe to the emitters; the navigation model is the session's too (new content brings
new swipe siblings and starts from the attract loop).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import NamedTuple

from kiosk.content import Content, Lang
from kiosk.model.events import Emitter
from kiosk.model.navigation import Navigation
from kiosk.model.routes import siblings_for
from kiosk.model.settings import Settings

log = logging.getLogger("kiosk.session")

#: The accessibility modes a visitor can turn on, in the bar's order (read-aloud last).
MODE_NAMES: tuple[str, ...] = ("large_text", "high_contrast", "low_reach", "speech")
#: The modes that change what is on screen (read-aloud changes only what is heard).
SCREEN_MODES: tuple[str, ...] = ("large_text", "high_contrast", "low_reach")


class LanguageChange(NamedTuple):
    """The language changed: by a visitor, or back to the default at the idle reset."""

    lang: Lang
    by_visitor: bool


class Session:
    """The state of the kiosk a visitor and staff change.

    Args:
        content: the content shown first.
        settings: the effective settings (the file's, overridden by the command line).
        nav: the navigation model (a new one by default).
        saved: the settings file's own settings, which a changed setting is saved into (the
            command line's overrides are never written); by default *settings*.
        saver: writes settings to the settings file (None: changes are not saved).
        reload: loads the content again for staff; raises ContentError.
    """

    def __init__(
        self,
        content: Content,
        settings: Settings,
        nav: Navigation | None = None,
        *,
        saved: Settings | None = None,
        saver: Callable[[Settings], object] | None = None,
        reload: Callable[[], Content] | None = None,
    ) -> None:
        self.nav = nav if nav is not None else Navigation()
        self._content = content
        self._settings = settings
        self._saved = saved if saved is not None else settings
        self._saver = saver
        self._reload = reload
        self._lang: Lang = settings.language
        self._modes = dict.fromkeys(MODE_NAMES, False)
        self._pending: Content | None = None
        self._problems: list[str] = []
        #: The language changed (see :class:`LanguageChange`).
        self.language_changed: Emitter[LanguageChange] = Emitter()
        #: The accessibility modes changed: all of them, by name.
        self.modes_changed: Emitter[dict[str, bool]] = Emitter()
        #: One of the modes that change what is on screen changed (after ``modes_changed``).
        self.screen_modes_changed: Emitter[dict[str, bool]] = Emitter()
        #: New content is shown from now on (the page on screen is to be built again).
        self.content_changed: Emitter[Content] = Emitter()
        #: The effective settings changed (staff changed one).
        self.settings_changed: Emitter[Settings] = Emitter()
        self.nav.set_siblings(siblings_for(content))

    # -- what is read ------------------------------------------------------------------------------

    @property
    def content(self) -> Content:
        return self._content

    @property
    def settings(self) -> Settings:
        """The effective settings (file and command line, with staff's changes)."""
        return self._settings

    @property
    def lang(self) -> Lang:
        return self._lang

    @property
    def modes(self) -> dict[str, bool]:
        """A copy of the accessibility modes, by name."""
        return dict(self._modes)

    @property
    def pending(self) -> Content | None:
        """New content waiting for the next idle reset, or None."""
        return self._pending

    @property
    def problems(self) -> list[str]:
        """The problems of the last edited content that could not be shown (newest first line)."""
        return list(self._problems)

    @property
    def idle_timeout(self) -> float:
        return self._settings.idle_timeout

    # -- a visitor -------------------------------------------------------------------------------

    def toggle_language(self) -> None:
        self.set_language("en" if self._lang == "zh" else "zh")

    def set_language(self, lang: Lang) -> None:
        """Switch to *lang* (a visitor's choice)."""
        if lang == self._lang:
            return
        self._lang = lang
        self.language_changed.emit(LanguageChange(lang, by_visitor=True))

    def set_mode(self, mode: str, on: bool) -> None:
        """Turn an accessibility mode on or off."""
        if mode not in self._modes:
            raise ValueError(f"no accessibility mode {mode!r}")
        if self._modes[mode] == on:
            return
        self._modes[mode] = on
        log.info("mode %s %s", mode, "on" if on else "off")
        self.modes_changed.emit(self.modes)
        if mode in SCREEN_MODES:
            self.screen_modes_changed.emit(self.modes)

    def reset(self) -> None:
        """The idle reset: waiting content, default modes and language, the attract loop.

        The content waiting is swapped in silently: the attract loop that follows is built
        with it.
        """
        if self._pending is not None:
            self._content, self._pending = self._pending, None
            self.nav.set_siblings(siblings_for(self._content))
        if any(self._modes.values()):
            seen = any(self._modes[mode] for mode in SCREEN_MODES)
            self._modes = dict.fromkeys(self._modes, False)
            self.modes_changed.emit(self.modes)
            if seen:
                self.screen_modes_changed.emit(self.modes)
        if self._lang != self._settings.language:
            self._lang = self._settings.language
            self.language_changed.emit(LanguageChange(self._lang, by_visitor=False))
        self.nav.reset()

    # -- the editors' content --------------------------------------------------------------------

    def queue_content(self, content: Content) -> None:
        """Good new content: shown at once in the attract loop, else at the next idle reset."""
        self._problems = []
        if self.nav.attracting:
            self.set_content(content)
        else:
            self._pending = content
        log.info("new content accepted")

    def set_problems(self, problems: list[str]) -> None:
        """The edited content has problems: the last good content stays; staff are told."""
        self._problems = list(problems)
        for problem in problems:
            log.error("content: %s", problem)

    def set_content(self, content: Content) -> None:
        """Show *content* from the start (the attract loop)."""
        self._content = content
        self._pending = None
        self.nav.set_siblings(siblings_for(content))
        self.nav.reset()
        self.content_changed.emit(content)

    def reload(self) -> list[str]:
        """Load the content again and show it; the problems found instead (nothing changes)."""
        if self._reload is None:
            return []
        from kiosk.content import ContentError  # the loader's, imported when it is used

        try:
            content = self._reload()
        except ContentError as exc:
            for problem in exc.problems:
                log.error("content: %s", problem)
            return [str(problem) for problem in exc.problems]
        self.set_content(content)
        log.info("content reloaded")
        return []

    # -- staff's settings ------------------------------------------------------------------------

    def set_idle_timeout(self, seconds: float) -> None:
        self.change_setting(idle_timeout=float(seconds))

    def set_pin_hash(self, pin_hash: str) -> None:
        self.change_setting(pin_hash=pin_hash)

    def change_setting(self, **changes: object) -> None:
        """Change settings and save them: only the changed values join the file's own."""
        self._settings = self._settings.replace(**changes)
        self._saved = self._saved.replace(**changes)
        if self._saver is not None:
            try:
                self._saver(self._saved)
            except OSError as exc:
                log.error("settings: cannot save: %s", exc)
        self.settings_changed.emit(self._settings)
