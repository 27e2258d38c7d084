"""The transition overlay: the new page painted in bands of rows (the very pixels of a grab),
the page left pictured once, the first frame moving."""

from __future__ import annotations

from collections.abc import Callable

import fingers
import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, QVariantAnimation
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Route
from kiosk.ui import transition
from kiosk.ui.pages.base import Page
from kiosk.ui.shell import Shell
from kiosk.ui.transition import TransitionOverlay


def image(pixmap: QPixmap) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def frame(old: QPixmap, new: QPixmap, motion: int, progress: float) -> QImage:
    """A frame of a slide as the overlay paints it, from whole pictures of both pages."""
    w = old.width()
    picture = QPixmap(old.size())
    painter = QPainter(picture)
    shift = round(w * progress) * motion
    painter.drawPixmap(QPointF(-shift, 0), old)
    painter.drawPixmap(QPointF(motion * w - shift, 0), new)
    painter.end()
    return image(picture)


@pytest.mark.parametrize(
    "route", [HOME, Route("theme", "frontier"), Route("voices"), Route("achievements")]
)
def test_the_new_page_painted_in_bands_is_the_same_as_a_grab(
    qtbot: QtBot, shell: Shell, route: Route, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = fingers.open_page(qtbot, shell, route)
    overlay = TransitionOverlay(shell.host)
    overlay.hold(QPixmap(page.size()))
    monkeypatch.setattr(transition, "SLICE_MS", 0.0)  # a band a call
    monkeypatch.setattr(transition, "BAND_PIXELS", page.width() * 100)
    calls = 1
    while not overlay.prepare(page):
        calls += 1
    assert calls == -(-page.height() // 100)
    assert image(overlay.new) == image(page.grab())
    assert overlay.prepare(page), "whole: nothing more to paint"
    overlay.clear()
    assert overlay.new.isNull() and overlay.source is None and not overlay.isVisible()


def test_a_page_change_paints_the_new_page_a_band_a_turn_before_it_slides_in(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    fingers.open_page(qtbot, shell, HOME)
    host = shell.host
    monkeypatch.setattr(transition, "SLICE_MS", 0.0)  # a band a turn
    monkeypatch.setattr(transition, "BAND_PIXELS", host.width() * -(-host.height() // 3))
    bands: list[bool] = []
    prepare = host.overlay.prepare

    def counted(page: Page) -> bool:
        assert host.animation.state() != QVariantAnimation.State.Running
        bands.append(prepare(page))
        return bands[-1]

    monkeypatch.setattr(host.overlay, "prepare", counted)
    frames: list[tuple[QImage, float]] = []

    def look(value: float) -> None:
        if len(frames) < 3 and 0 < value < 1:
            frames.append((image(host.overlay.grab()), value))

    host.animation.valueChanged.connect(look)
    shell.nav.go(Route("themes"))
    qtbot.waitUntil(lambda: host.animation.state() == QVariantAnimation.State.Running)
    assert bands == [False, False, True], "one band a turn"
    old, new = host.overlay.old, host.page
    assert new is not None and host.overlay.source is new
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    host.animation.valueChanged.disconnect(look)
    assert frames, "frames were seen"
    whole = new.grab()
    for picture, progress in frames:
        assert picture == frame(old, whole, 1, progress)
    assert host.overlay.new.isNull() and host.overlay.source is None


class Paints(QObject):
    """Notes the Paint events of a widget (and, with *progress*, how far the transition was)."""

    def __init__(
        self,
        widget: QWidget,
        progress: Callable[[], float] = lambda: 0.0,
        running: Callable[[], bool] = lambda: False,
    ):
        super().__init__()
        self.seen: list[tuple[float, bool]] = []
        self._progress, self._running = progress, running
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.seen.append((self._progress(), self._running()))
        return False


def test_a_page_change_paints_nothing_of_the_page_left_and_moves_from_its_first_frame(
    qtbot: QtBot, shell: Shell
) -> None:
    """The overlay covers the screen with a picture of the page left at once, the new page goes
    beneath it (taking it beneath the page left made Qt paint that again, 7-10 ms), and the
    animation's first frame already moves."""
    left = fingers.open_page(qtbot, shell, HOME)
    host = shell.host
    left_paints = Paints(left)
    overlay = Paints(
        host.overlay,
        lambda: host.overlay.progress,
        lambda: host.animation.state() == QVariantAnimation.State.Running,
    )
    shell.nav.go(Route("themes"))
    # In the tap's turn the paints still pending are done before the picture is taken (they
    # are what the screen is about to show: a count-up's next step, say); none after it.
    left_paints.seen.clear()
    assert host.page is not left and host.page is not None, "the new page is the live one"
    assert host.overlay.isVisible() and not host.overlay.old.isNull()
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    assert left_paints.seen == [], "the page left was painted again"
    during = [progress for progress, running in overlay.seen if running]
    assert during, "the animation painted frames"
    assert during[0] > 0, "the animation's first frame shows what the overlay showed already"


def test_a_change_during_a_transition_pictures_its_frame_not_the_page_beneath(
    qtbot: QtBot, shell: Shell
) -> None:
    """The frame on screen is the picture the next change slides from: the page sliding in is
    never painted for it (it had not been painted since the transition began: 15-35 ms)."""
    fingers.open_page(qtbot, shell, HOME)
    host = shell.host
    shell.nav.go(Route("themes"))
    arriving = host.page
    assert arriving is not None
    frames = Paints(host.overlay, lambda: host.overlay.progress)
    qtbot.waitUntil(lambda: any(0 < progress < 1 for progress, _ in frames.seen), timeout=3000)
    arriving_paints = Paints(arriving)  # painted in bands for the overlay: done by now
    shown = image(host.overlay.grab())
    shell.nav.go(Route("achievements"))
    assert image(host.overlay.old) == shown, "the picture is the frame on screen"
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    assert arriving_paints.seen == [], "the page beneath the transition was painted"
