"""Outside opening hours: the closed screen, the hours controller and their wiring to a shell."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

import fingers
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.hours import OpeningHours
from kiosk.model.navigation import ATTRACT, HOME
from kiosk.model.settings import Settings
from kiosk.ui.closed import (
    ClosedScreen,
    OpeningHoursController,
    _t,
    hours_text,
    install_opening_hours,
    next_opening_text,
)
from kiosk.ui.shell import Shell
from kiosk.ui.tokens import THEME, theme_for

HOURS = OpeningHours.parse("mon-fri 09:00-17:30; sat 10:00-16:00")
FRIDAY_EVENING = datetime(2023, 5, 26, 19, 0)  # 2023-05-26 is a Friday


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def texts(screen: ClosedScreen) -> list[str]:
    return [w.text() for w in screen.findChildren(QLabel) if w.isVisible() and w.text()]


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920), (3840, 2160)])
def test_the_closed_screen_fits_both_languages_at_every_size(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    screen = ClosedScreen(HOURS, content.forum.name, Clock(FRIDAY_EVENING), theme=THEME)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.size().width() == size[0] and screen.size().height() == size[1]
    shown = texts(screen)
    for key in ("closed.title", "closed.body"):
        assert _t(key).zh in "\n".join(shown) and _t(key).en in "\n".join(shown)
    assert "明天 10:00 开放" in shown and "Opens tomorrow at 10:00" in shown
    assert any("周一至周五 09:00–17:30" in t for t in shown)
    assert any("Mon–Fri 09:00–17:30 · Sat 10:00–16:00" in t for t in shown)
    assert any(content.forum.name.zh in t and content.forum.name.en in t for t in shown)
    window = screen.rect()
    boxes: list[QRect] = []
    for widget in screen.findChildren(QLabel):
        if not widget.isVisible():
            continue
        box = QRect(widget.mapTo(screen, widget.rect().topLeft()), widget.size())
        assert window.contains(box), f"{widget.text()!r} leaves the screen"
        needed = widget.heightForWidth(widget.width()) if widget.wordWrap() else -1
        assert widget.height() >= max(needed, widget.minimumSizeHint().height()), (
            f"{widget.text()!r} is cut: {widget.height()} px for {needed} px"
        )
        if not widget.wordWrap():
            assert widget.width() >= widget.sizeHint().width()
        assert all(not box.intersects(other) for other in boxes), f"{widget.text()!r} overlaps"
        assert abs(box.center().x() - window.center().x()) <= 2, f"{widget.text()!r} off centre"
        boxes.append(box)
    image = screen.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 53) for y in range(0, 400, 41)}
    assert len(colours) > 3, "painted, not blank"
    screen.close()


_INPUT = (
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchEnd,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.Wheel,
)


class _Beneath(QWidget):
    """What the closed screen covers (the shell): notes every touch, click and wheel it gets."""

    def __init__(self) -> None:
        super().__init__()
        self.reached: list[QEvent.Type] = []

    def event(self, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.reached.append(event.type())
        return super().event(event)


def _touch_everything(screen: QWidget) -> None:
    """Taps on the middle, a corner and the text, a mouse click and a turn of a wheel."""
    for pos in (screen.rect().center(), QPoint(20, 20), QPoint(screen.width() // 2, 300)):
        fingers.tap(screen, pos)
    QTest.mouseClick(screen, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    at = QPointF(60, 60)
    wheel = QWheelEvent(
        at,
        QPointF(screen.mapToGlobal(at.toPoint())),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(screen, wheel)


def test_the_closed_screen_takes_every_touch(qtbot: QtBot, content: Content) -> None:
    beneath = _Beneath()
    qtbot.addWidget(beneath)
    beneath.resize(1920, 1080)
    screen = ClosedScreen(
        HOURS, content.forum.name, Clock(FRIDAY_EVENING), parent=beneath, theme=THEME
    )
    screen.setGeometry(beneath.rect())
    beneath.show()
    qtbot.waitExposed(beneath)
    _touch_everything(screen)
    assert beneath.reached == [], "a touch went through the closed screen"
    # The check can fail: what the closed screen does not take reaches the widget beneath.
    screen.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    _touch_everything(screen)
    assert QEvent.Type.MouseButtonPress in beneath.reached
    beneath.close()


@pytest.mark.parametrize(
    ("now", "zh", "en"),
    [
        (datetime(2023, 5, 26, 7, 0), "今天 09:00 开放", "Opens today at 09:00"),
        (FRIDAY_EVENING, "明天 10:00 开放", "Opens tomorrow at 10:00"),
        (datetime(2023, 5, 27, 17, 0), "星期一 09:00 开放", "Opens Monday at 09:00"),
    ],
)
def test_next_opening_in_words(now: datetime, zh: str, en: str) -> None:
    assert next_opening_text(HOURS, now, "zh") == zh
    assert next_opening_text(HOURS, now, "en") == en


def test_next_opening_far_away_or_never() -> None:
    rare = OpeningHours.parse("wed 10:00-12:00")
    assert next_opening_text(rare, datetime(2023, 5, 24, 13, 0), "en") == (
        "Opens on 31 May at 10:00"
    )
    assert next_opening_text(rare, datetime(2023, 5, 24, 13, 0), "zh") == "5月31日 10:00 开放"
    never = OpeningHours.parse("")
    assert next_opening_text(never, FRIDAY_EVENING, "en") == _t("closed.opens.never").en
    assert hours_text(never, "en") == ""


def test_the_controller_follows_the_clock(qtbot: QtBot) -> None:
    clock = Clock(datetime(2023, 5, 26, 17, 29))
    controller = OpeningHoursController(HOURS, clock)
    assert controller.is_open
    with qtbot.waitSignal(controller.open_changed) as start:
        controller.start()
    assert start.args == [True]
    assert controller.timer.interval() == 60_000, (
        "the next change is hours away: look again in a minute"
    )
    clock.now = datetime(2023, 5, 26, 17, 30)
    with qtbot.waitSignal(controller.open_changed) as change:
        controller.check()
    assert change.args == [False]
    assert not controller.is_open
    with qtbot.assertNotEmitted(controller.open_changed):
        controller.check()
    clock.now = datetime(2023, 5, 27, 0, 0, 1)
    with qtbot.waitSignal(controller.day_changed):
        controller.check()
    controller.timer.stop()


def test_the_controller_timer_fires_at_the_change(qtbot: QtBot) -> None:
    """A real timer: the clock is 150 ms before Monday 10:00."""
    base = datetime(2023, 5, 22, 9, 59, 59, 850_000)
    started = time.monotonic()

    def clock() -> datetime:
        return base + timedelta(seconds=time.monotonic() - started)

    controller = OpeningHoursController(OpeningHours.parse("mon 10:00-11:00"), clock)
    controller.start()
    assert not controller.is_open
    assert controller.timer.remainingTime() < 1000
    with qtbot.waitSignal(controller.open_changed, timeout=3000) as change:
        pass
    assert change.args == [True]
    controller.timer.stop()


class FakeKeeper:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def inhibit(self) -> bool:
        self.calls.append("inhibit")
        return True

    def release(self) -> None:
        self.calls.append("release")


class FakeAnalytics:
    def __init__(self) -> None:
        self.enabled: list[bool] = []

    def set_enabled(self, enabled: bool) -> None:
        self.enabled.append(enabled)


@pytest.fixture
def shell(make_shell: Callable[..., Shell]) -> Shell:
    settings = Settings.defaults().replace(
        transition_ms=150, opening_hours="mon-fri 09:00-17:30; sat 10:00-16:00"
    )
    return make_shell(settings)


def test_the_shell_closes_and_opens_with_the_hours(qtbot: QtBot, shell: Shell) -> None:
    clock = Clock(FRIDAY_EVENING)
    keeper, analytics = FakeKeeper(), FakeAnalytics()
    controller = install_opening_hours(
        shell,
        shell.session,
        shell.session.settings,
        keeper,  # type: ignore[arg-type]
        analytics,  # type: ignore[arg-type]
        clock,
    )
    closed = shell.findChild(ClosedScreen)
    assert closed is not None
    assert closed.isVisible() and closed.geometry() == shell.rect(), "closed at start"
    assert keeper.calls == ["release"] and analytics.enabled == [False]
    assert shell.host.page is not None
    fingers.tap(shell.host.page)
    assert shell.nav.current == ATTRACT, "a touch on the closed screen opens nothing"

    clock.now = datetime(2023, 5, 27, 10, 0)  # Saturday morning: open
    controller.check()
    assert not closed.isVisible()
    assert keeper.calls[-1] == "inhibit" and analytics.enabled[-1] is True
    assert shell.host.page is not None
    fingers.tap(shell.host.page)
    qtbot.waitUntil(lambda: shell.nav.current == HOME)

    clock.now = datetime(2023, 5, 27, 16, 0)  # closing time while a visitor browses
    controller.check()
    assert not closed.isVisible(), "the visitor is not cut off"
    assert keeper.calls[-1] == "release"
    shell.resize(1366, 768)
    shell.reset()  # the idle reset after they leave
    assert closed.isVisible() and closed.geometry() == shell.rect()
    assert "Opens Monday at 09:00" in texts(closed)
    controller.set_hours(OpeningHours.parse("sun 12:00-13:00"))  # the admin changed them
    assert "Opens tomorrow at 12:00" in texts(closed)
    controller.timer.stop()


def test_high_contrast_closed_screen_is_plain_black(qtbot: QtBot, content: Content) -> None:
    """No glow behind the moon in high contrast: the text stands on black."""
    theme = theme_for({"high_contrast": True})
    screen = ClosedScreen(HOURS, content.forum.name, Clock(FRIDAY_EVENING), theme=theme)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    qtbot.waitExposed(screen)
    image = screen.grab().toImage()
    centre = screen.icon.mapTo(screen, screen.icon.rect().center())
    for dx in (-400, -250, 250, 400):  # beside the moon, where the glow was brightest
        assert image.pixelColor(centre.x() + dx, centre.y()).name() == "#000000"
