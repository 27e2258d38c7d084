"""Read-aloud on screen: what the window tells the read-aloud model, and the bar's toggle.

:class:`ReadAloudView` follows the window for the model (``kiosk.model.speech``): the control
that takes the focus, each new page (its heading and its first paragraph), every tap or key (it
stops the sentence being said). What the model keeps to say is handed to the engine at the next
turn of the event loop. :func:`install` starts Qt's engine (``kiosk.adapters.speech``) after the
first frame; the toggle shows once the engine has a voice for the visitor's language.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.adapters import input_hub
from kiosk.model.navigation import Navigation
from kiosk.model.session import Session
from kiosk.model.speech import MODE, Engine, ReadAloud
from kiosk.ui import a11y
from kiosk.ui.host import PageHost
from kiosk.ui.navbar import NavBar

#: The roles of the labels that can be a page's summary, in the order they are looked for.
SUMMARY_ROLES = ("lead", "body", "quote")
_ACTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
}


class Window(Protocol):
    """What read-aloud needs of the window."""

    session: Session
    nav: Navigation
    host: PageHost
    speech: ReadAloud
    bar: NavBar


class ReadAloudView(QObject):
    """Tells *window*'s read-aloud model what happens, and hands its sentences to the engine.

    Args:
        window: the kiosk window (its bar is replaced on a new scale: it is looked up each time).
        widget: the same window, as the widget this view belongs to.
        engine: the engine (None: none yet; see :meth:`attach`).
    """

    def __init__(self, window: Window, widget: QWidget, engine: Engine | None = None) -> None:
        super().__init__(widget)
        self.window, self.widget = window, widget
        self.model = window.speech
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._say)
        self._route = ""  # a page to read at the next flush
        self.model.available_changed.connect(self._available)
        window.session.modes_changed.connect(self._on_modes)
        window.host.page_changed.connect(self._page)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus)
            input_hub.listen(self, _ACTS)
        if engine is not None:
            self.attach(engine)

    def attach(self, engine: Engine | None) -> None:
        """Use *engine* (None: read-aloud is not available)."""
        self.model.attach(engine if engine is None or engine.languages() else None)

    # -- what happens ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTS:
            self.model.acted()
        return False

    def _focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self.widget:
            return
        self.model.focused(a11y.spoken_name(new), new.accessibleDescription())
        self._later()

    def _page(self, route: str) -> None:
        """A page is installed: it is read on the next turn (once its text is laid in)."""
        if self.model.on:
            self._route = route
            self._flush.start()

    def _read_page(self, route: str) -> None:
        page = self.window.host.page
        heading = getattr(page, "heading", None) if page is not None else None
        title = a11y.spoken_name(heading) if isinstance(heading, QWidget) else ""
        summary = page_summary(page, heading) if page is not None else ""
        self.model.page(route, title, summary)

    def _on_modes(self, modes: dict[str, bool]) -> None:
        self.window.bar.set_modes(modes)  # the window makes a new bar only for the screen modes
        if modes.get(MODE, False) and self.model.on:
            self.model.again()  # turned on: read the page on screen
            self._page(str(self.window.nav.current))

    def _available(self, available: bool) -> None:
        self.window.bar.set_language(self.window.session.lang)

    def _later(self) -> None:
        if self.model.pending is not None:
            self._flush.start()

    def _say(self) -> None:
        route, self._route = self._route, ""
        if route and self.model.on:
            self._read_page(route)
        self.model.flush()


def page_summary(page: QWidget, heading: object) -> str:
    """The text of *page*'s first paragraph below its heading (a lead, else a body text)."""
    labels = [
        label
        for label in page.findChildren(QLabel)
        if label is not heading and label.text() and not label.isHidden()
    ]
    labels.sort(key=lambda label: (label.mapTo(page, QPoint(0, 0)).y(), label.x()))
    for role in SUMMARY_ROLES:
        for label in labels:
            if label.property("role") == role:
                return a11y.spoken_name(label)
    return ""


def install(window: Window, widget: QWidget, engine_name: str = "") -> ReadAloudView:
    """Read-aloud with Qt's engine for *window* (after the first frame: the engine is looked for
    in a thread of its own, the toggle shows when it has a voice)."""
    from kiosk.adapters.speech import QtSpeech

    app = QApplication.instance()
    engine = QtSpeech(engine_name, app)  # its thread ends when the application quits
    view = ReadAloudView(window, widget)
    engine.ready.connect(lambda _languages: view.attach(engine))
    if app is not None:
        app.aboutToQuit.connect(engine.close)
    engine.start()
    return view
