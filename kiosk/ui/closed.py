"""Outside opening hours: a calm "closed" screen, and the timer that says when the booth opens.

- :class:`OpeningHoursController` emits :attr:`~OpeningHoursController.open_changed` when the
  opening hours say the booth opens or closes (a timer set to the next change, re-checked at least
  every minute so that a clock change or a suspended PC cannot make it miss one).
- :class:`ClosedScreen` says so in both languages, with the next opening and the weekly hours,
  drawn from the design tokens only. It takes every touch, so nothing opens under it; the admin
  corner still works (the shell's input watcher sees every touch first).
- :func:`install_opening_hours` wires both to the window and the session model: the closed
  screen covers the window once the attract loop is back (a visitor browsing at closing time is not
  cut off), the display is kept awake only while open, analytics pause while closed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.adapters.hours import OpeningHoursController
from kiosk.content import Lang, Text
from kiosk.model.hours import OpeningHours, format_minutes
from kiosk.ui import fmt, icons
from kiosk.ui.labels import label
from kiosk.ui.strings import ui
from kiosk.ui.style import stylesheet
from kiosk.ui.tokens import SIZE, SPACE, Theme, scale_for, scaled, theme_for

if TYPE_CHECKING:
    from kiosk.adapters.awake import DisplayKeeper
    from kiosk.adapters.recorder import AnalyticsBridge
    from kiosk.model.navigation import Change
    from kiosk.model.session import Session
    from kiosk.model.settings import Settings

log = logging.getLogger("kiosk.hours")


def _t(key: str, **values: object) -> Text:
    """The closed screen's string *key* in both languages (translated like every UI string)."""
    return Text(ui(key, "zh", **values), ui(key, "en", **values))


LANGS: tuple[Lang, ...] = ("zh", "en")


def next_opening_text(hours: OpeningHours, now: datetime, lang: Lang) -> str:
    """ "Opens tomorrow at 09:00" (or today, a weekday, a date) in *lang*."""
    opening = hours.next_opening(now) if not hours.is_open(now) else hours.next_change(now)
    if opening is None or hours.is_open(now):
        return ui("closed.opens.never", lang)
    time_text = opening.strftime("%H:%M")
    days = (opening.date() - now.date()).days
    extra: dict[str, str] = {}
    if days == 0:
        key = "closed.opens.today"
    elif days == 1:
        key = "closed.opens.tomorrow"
    elif days < 7:
        key = "closed.opens.weekday"
        extra["weekday"] = fmt.weekday(opening.weekday(), lang)
    else:
        key = "closed.opens.date"
        extra["date"] = fmt.day_month(opening.date(), lang)
    return ui(key, lang, time=time_text, **extra)


def hours_text(hours: OpeningHours, lang: Lang) -> str:
    """The weekly hours on one line: "Mon–Fri 09:00–17:30 · Sat 10:00–16:00"."""
    parts = []
    for days, ranges in hours.summary():
        first = fmt.weekday(days[0], lang, short=True)
        last = fmt.weekday(days[-1], lang, short=True)
        if len(days) == 1:
            name = first
        elif len(days) == 2:
            name = ui("hours.days.pair", lang, first=first, last=last)
        else:
            name = ui("hours.days.range", lang, first=first, last=last)
        times = ", ".join(f"{format_minutes(a)}–{format_minutes(b)}" for a, b in ranges)
        parts.append(f"{name} {times}")
    return " · ".join(parts)


class ClosedScreen(QWidget):
    """The closed screen: both languages at once, the next opening, the hours, the forum's name.

    Args:
        hours: the opening hours.
        forum: the forum's name in both languages (``content.forum.name``), or None.
        clock: the local time now (injectable for tests).
        parent: the shell, when it is an overlay over it.
    """

    def __init__(
        self,
        hours: OpeningHours,
        forum: Text | None = None,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
        *,
        theme: Theme,
    ):
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("closedScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.hours = hours
        self.forum = forum
        self.clock = clock
        self.factor = 0.0
        outer = self._outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the screen sets the size
        self.panel = QWidget(self)
        self.panel.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        outer.addStretch(1)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self._column = QVBoxLayout(self.panel)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self.panel)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.title_zh = label(_t("closed.title").zh, "display")
        self.title_en = label(_t("closed.title").en, "title")
        self.body = label(f"{_t('closed.body').zh}\n{_t('closed.body').en}", "lead")
        self.opens_zh = label("", "title")
        self.opens_en = label("", "lead")
        self.hours_zh = label("", "muted")
        self.hours_en = label("", "muted")
        self.forum_label = label("", "caption")
        self.labels = [
            self.title_zh,
            self.title_en,
            self.body,
            self.opens_zh,
            self.opens_en,
            self.hours_zh,
            self.hours_en,
            self.forum_label,
        ]
        for widget in self.labels:
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title_en.setProperty("role", "title")
        self._gaps: list[tuple[int, int]] = []
        self.refresh()
        self.set_factor(scale_for(1920, 1080))

    # -- content -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Update the next opening (call it when the day changes; the controller does)."""
        now = self.clock()
        self.opens_zh.setText(next_opening_text(self.hours, now, "zh"))
        self.opens_en.setText(next_opening_text(self.hours, now, "en"))
        zh, en = hours_text(self.hours, "zh"), hours_text(self.hours, "en")
        self.hours_zh.setText(ui("closed.hours", "zh", hours=zh) if zh else "")
        self.hours_en.setText(ui("closed.hours", "en", hours=en) if en else "")
        self.hours_zh.setVisible(bool(zh))
        self.hours_en.setVisible(bool(en))
        forum = self.forum
        self.forum_label.setText(f"{forum.zh} · {forum.en}" if forum else "")
        self.forum_label.setVisible(forum is not None)
        names = [w.text() for w in self.labels if w.text()]
        self.setAccessibleName(" ".join(names[:2]))
        self.setAccessibleDescription(" ".join(names[2:]))

    def set_hours(self, hours: OpeningHours) -> None:
        self.hours = hours
        self.refresh()

    # -- size --------------------------------------------------------------------------------------

    def set_factor(self, factor: float) -> None:
        """Lay out for *factor* × the 1920×1080 design."""
        if abs(factor - self.factor) < 0.001:
            return
        self.factor = factor
        p = self.theme.palette
        self.setStyleSheet(stylesheet(self.theme, factor))
        self.title_en.setStyleSheet(f"color: {p.text_muted};")
        self.opens_en.setStyleSheet(f"color: {p.text_muted};")
        size = scaled(SIZE.icon_sign, factor)
        icon = icons.icon("mdi6.weather-night", p.accent)
        self.icon.setPixmap(icon.pixmap(QSize(size, size)))
        self.icon.setFixedSize(size, size)
        self._column.setSpacing(0)
        while self._column.count():
            self._column.takeAt(0)
        s, m, xl = scaled(SPACE.s, factor), scaled(SPACE.m, factor), scaled(SPACE.xl, factor)
        self._column.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        self._column.addSpacing(m)
        for widget, gap in (
            (self.title_zh, s),
            (self.title_en, m),
            (self.body, xl),
            (self.opens_zh, s),
            (self.opens_en, xl),
            (self.hours_zh, s // 2),
            (self.hours_en, xl),
            (self.forum_label, 0),
        ):
            self._column.addWidget(widget)
            if gap:
                self._column.addSpacing(gap)
        margin = scaled(SPACE.xl, factor)
        self._outer.setContentsMargins(margin, margin, margin, margin)
        self._fit_width()

    def _fit_width(self) -> None:
        """The column: a readable measure, never wider than the screen less its margins."""
        margin = scaled(SPACE.xl, self.factor)
        self.panel.setFixedWidth(
            max(1, min(scaled(SIZE.notice_max, self.factor), self.width() - 2 * margin))
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        size = event.size()
        self.set_factor(scale_for(max(1, size.width()), max(1, size.height())))
        self._fit_width()
        super().resizeEvent(event)
        self._outer.activate()  # now, with the fonts of the new size, not at the next event

    # -- input and painting ------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        kinds = (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.Wheel,
        )
        if event.type() in kinds:
            event.accept()  # nothing opens under the closed screen
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        w, h = self.width(), self.height()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        p = self.theme.palette
        wash = QLinearGradient(0, 0, w * 0.3, h)
        wash.setColorAt(0, QColor(p.background))
        wash.setColorAt(1, QColor(p.background_deep))
        painter.fillRect(self.rect(), wash)
        # A faint glow behind the moon: night, not an error.
        centre = self.icon.mapTo(self, self.icon.rect().center())
        glow = QRadialGradient(centre.x(), centre.y(), max(w, h) * 0.45)
        inner = QColor(p.primary)
        inner.setAlphaF(0.0 if self.theme.flat else 0.16)  # high contrast: plain black
        outer = QColor(p.primary)
        outer.setAlphaF(0.0)
        glow.setColorAt(0, inner)
        glow.setColorAt(1, outer)
        painter.fillRect(self.rect(), glow)
        painter.end()


class _Follow(QObject):
    """Keeps an overlay the size of its parent."""

    def __init__(self, overlay: QWidget, parent: QWidget):
        super().__init__(overlay)
        self.overlay = overlay
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.overlay.setGeometry(watched.rect())
        return False


def install_opening_hours(
    window: QWidget,
    session: Session,
    settings: Settings,
    keeper: DisplayKeeper | None = None,
    analytics: AnalyticsBridge | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> OpeningHoursController:
    """Follow the opening hours of *settings* in *window*: closed screen, display, analytics.

    Outside the hours the closed screen covers the window, from the next return to the attract
    loop of *session* (at once if it is showing); *keeper* lets the display sleep and *analytics*
    stops counting.
    Inside them the window is uncovered, the display is held awake and analytics count again.
    """
    hours = OpeningHours.parse(settings.opening_hours)
    controller = OpeningHoursController(hours, clock, parent=window)
    controller.setObjectName("openingHours")

    def closed_screen() -> ClosedScreen:
        # Built the first time the booth closes: its icon loads qtawesome, which the first frame
        # of an open booth must not wait for.
        screen = window.findChild(ClosedScreen)
        if screen is None:
            forum, theme = session.content.forum.name, theme_for(session.modes)
            screen = ClosedScreen(controller.hours, forum, clock, parent=window, theme=theme)
            screen.hide()
            _Follow(screen, window)
            controller.day_changed.connect(screen.refresh)
            controller.hours_changed.connect(lambda: screen.set_hours(controller.hours))
        return screen

    def cover() -> None:
        screen = closed_screen()
        screen.refresh()
        screen.setGeometry(window.rect())
        screen.show()
        screen.raise_()
        log.info("closed screen shown")

    def on_open_changed(is_open: bool) -> None:
        if analytics is not None:
            analytics.set_enabled(is_open)
        if is_open:
            screen = window.findChild(ClosedScreen)
            if screen is not None:
                screen.hide()
            if keeper is not None:
                keeper.inhibit()
            return
        if keeper is not None:
            keeper.release()
        if session.nav.attracting:
            cover()

    def on_change(change: Change) -> None:
        if not controller.is_open and change.route.page == "attract":
            cover()

    controller.open_changed.connect(on_open_changed)
    session.nav.changed.connect(on_change)
    controller.start()
    return controller
