"""The transition overlay: the new page painted in strips of columns as a slide brings them in,
or in bands of rows before a cross-fade (the very pixels of a grab), the page's animations held
still meanwhile, the page left pictured once, the first frame moving."""

from __future__ import annotations

from collections.abc import Callable

import fingers
import pytest
from PySide6.QtCore import QAbstractAnimation, QEvent, QObject, QPointF, QRect, QVariantAnimation
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Navigation, Route
from kiosk.ui import transition, unfold
from kiosk.ui.figures.tile import FigureTile
from kiosk.ui.host import FRAME_MS, PageHost
from kiosk.ui.pages.base import Page
from kiosk.ui.shell import Shell
from kiosk.ui.transition import TransitionOverlay


def image(pixmap: QPixmap) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of a colour channel between two opaque pictures, in 255ths."""
    difference = a.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(difference)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, b)
    painter.end()
    channels = difference.convertToFormat(QImage.Format.Format_RGB888)  # kept while read
    return max(bytes(channels.constBits()))


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
@pytest.mark.parametrize("motion", [0, 1, -1])
def test_the_new_page_painted_in_bands_or_strips_is_the_same_as_a_grab(
    qtbot: QtBot, shell: Shell, route: Route, motion: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = fingers.open_page(qtbot, shell, route)
    overlay = TransitionOverlay(shell.host)
    overlay.hold(QPixmap(page.size()))
    overlay.motion = motion
    across = page.width() if motion == 0 else page.height()
    monkeypatch.setattr(transition, "SLICE_MS", 0.0)  # a band (strip) a call
    monkeypatch.setattr(transition, "BAND_PIXELS", across * 100)
    for tile in page.findChildren(FigureTile):
        tile.count_animation.stop()  # a count going on would differ between any two paints
    calls = 1
    while not overlay.prepare(page):
        calls += 1
    extent = page.height() if motion == 0 else page.width()
    assert calls == -(-extent // 100)
    if motion == 0:
        assert image(overlay.new) == image(page.grab())
    else:  # a gradient's span that begins at a strip's edge may step a unit apart
        assert largest_difference(image(overlay.new), image(page.grab())) <= 1
    assert overlay.prepare(page), "whole: nothing more to paint"
    overlay.clear()
    assert overlay.new.isNull() and overlay.source is None and not overlay.isVisible()


def first_shift(host: PageHost) -> int:
    """How many columns of the new page the first frame of a slide shows."""
    curve, duration = host.animation.easingCurve(), host.animation.duration()
    return round(host.width() * curve.valueForProgress(FRAME_MS / duration))


@pytest.mark.parametrize(
    ("motion", "leave"), [(1, lambda nav: nav.go(Route("themes"))), (-1, lambda nav: nav.back())]
)
def test_a_slide_paints_the_strips_of_its_first_frame_before_it_and_the_rest_as_they_come_in(
    qtbot: QtBot,
    shell: Shell,
    monkeypatch: pytest.MonkeyPatch,
    motion: int,
    leave: Callable[[Navigation], None],
) -> None:
    fingers.open_page(qtbot, shell, Route("achievements") if motion < 0 else HOME)
    host = shell.host
    strip = -(-first_shift(host) // 2)  # the first frame shows two strips
    monkeypatch.setattr(transition, "SLICE_MS", 0.0)  # a strip a turn
    monkeypatch.setattr(transition, "BAND_PIXELS", host.height() * strip)
    prepared: list[bool] = []
    prepare = host.overlay.prepare

    def counted(page: Page, progress: float = 1.0) -> bool:
        assert host.animation.state() != QVariantAnimation.State.Running
        prepared.append(prepare(page, progress))
        return prepared[-1]

    monkeypatch.setattr(host.overlay, "prepare", counted)
    painted: list[QRect] = []
    paint = host.overlay._paint

    def noted(rect: QRect) -> None:
        painted.append(rect)
        paint(rect)

    monkeypatch.setattr(host.overlay, "_paint", noted)
    frames: list[tuple[QImage, float]] = []

    def look(value: float) -> None:
        if len(frames) < 3 and 0 < value < 1:
            frames.append((image(host.overlay.grab()), value))

    host.animation.valueChanged.connect(look)
    leave(shell.nav)
    qtbot.waitUntil(lambda: host.animation.state() == QVariantAnimation.State.Running)
    assert prepared == [False, True], "a strip a turn, the first frame's two"
    w = host.width()
    lead = [r.x() if motion > 0 else w - r.x() - r.width() for r in painted[:2]]
    assert lead == [0, strip], "the edge that comes in first, first"
    assert all(r.height() == host.height() and r.width() == strip for r in painted[:2])
    old, new = host.overlay.old, host.page
    assert new is not None and host.overlay.source is new
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    host.animation.valueChanged.disconnect(look)
    assert sum(r.width() for r in painted) == w, "every column once"
    assert frames, "frames were seen"
    whole = new.grab()
    for picture, progress in frames:
        assert largest_difference(picture, frame(old, whole, motion, progress)) <= 1
    assert host.overlay.new.isNull() and host.overlay.source is None


def test_the_strips_still_to_come_are_painted_between_frames_before_the_rest_of_the_page(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the first frame, the turns between frames paint the strips still to come (a frame
    then has few or none left to paint first); the page's parts below the fold are shown only
    once the picture is whole (each part shown beneath the overlay made Qt paint it again)."""
    fingers.open_page(qtbot, shell, HOME)
    host = shell.host
    host.animation.setDuration(2000)  # time for the parts below the fold on any machine
    monkeypatch.setattr(transition, "BAND_PIXELS", host.height() * 40)  # many strips
    ahead: list[bool] = []
    paint_ahead = host.overlay._paint_ahead

    def noted() -> None:
        ahead.append(host.animation.state() == QVariantAnimation.State.Running)
        paint_ahead()

    monkeypatch.setattr(host.overlay, "_paint_ahead", noted)
    host.overlay._ahead.timeout.disconnect()
    host.overlay._ahead.timeout.connect(noted)
    shown: list[bool] = []
    show = host._unfold._show

    def showing(part: list[QWidget]) -> None:
        if host.overlay.isVisible() and not host._unfold.filling:
            shown.append(host.overlay.painting)
        show(part)

    monkeypatch.setattr(host._unfold, "_show", showing)
    shell.nav.go(Route("theme", "frontier"))
    qtbot.waitUntil(lambda: not host.animating, timeout=5000)
    assert ahead and all(ahead), "strips were painted between the frames"
    assert shown, "parts below the fold were shown during the transition"
    assert not any(shown), "a part below the fold was shown while the picture was painted"


def test_a_strip_that_would_run_into_the_next_frame_waits_until_that_frame_is_painted(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = fingers.open_page(qtbot, shell, Route("themes"))
    overlay = TransitionOverlay(shell.host)
    overlay.hold(QPixmap(page.size()))
    overlay.motion = 1
    monkeypatch.setattr(transition, "BAND_PIXELS", page.height() * 100)
    assert overlay.prepare(page, 0.01)
    overlay.advance(0.02)  # a frame now: the timer paints the strips still to come after it
    painted = overlay._painted
    assert overlay._ahead.isActive() and overlay.painting
    overlay._ahead.stop()
    overlay._strip_ms = transition.FRAME_PERIOD_MS + 1  # no strip fits before the next frame
    overlay._paint_ahead()
    assert overlay._painted == painted, "a strip was painted into the next frame's time"
    assert overlay._ahead.isActive() and overlay._ahead.interval() >= 1, "it waits for it"
    overlay._ahead.stop()
    overlay._strip_ms = 0.0
    overlay._paint_ahead()
    assert overlay._painted > painted, "one that fits is painted"
    overlay.clear()


def test_a_cross_fade_paints_the_new_page_a_band_a_turn_before_it_begins(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    fingers.open_page(qtbot, shell, Route("themes"))
    host = shell.host
    monkeypatch.setattr(transition, "SLICE_MS", 0.0)  # a band a turn
    monkeypatch.setattr(transition, "BAND_PIXELS", host.width() * -(-host.height() // 3))
    prepared: list[bool] = []
    prepare = host.overlay.prepare

    def counted(page: Page, progress: float = 1.0) -> bool:
        prepared.append(prepare(page, progress))
        return prepared[-1]

    monkeypatch.setattr(host.overlay, "prepare", counted)
    shell.nav.home()
    qtbot.waitUntil(lambda: host.animation.state() == QVariantAnimation.State.Running)
    assert host.overlay.motion == 0
    assert prepared == [False, False, True], "one band a turn, all of them before it begins"
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)


def test_the_page_counts_on_from_where_it_was_pictured_once_it_is_on_screen(
    qtbot: QtBot, shell: Shell
) -> None:
    """A figure counting up beneath the overlay holds still while its page is pictured (no
    strip shows a later number than the one beside it) and goes on once the page is shown."""
    page = fingers.open_page(qtbot, shell, Route("theme", "frontier"))
    host = shell.host
    seen: list[list[QAbstractAnimation.State]] = []
    moving = (QAbstractAnimation.State.Running, QAbstractAnimation.State.Paused)

    def look(value: float) -> None:
        page = host.page
        if page is not None and 0 < value < 1 and len(seen) < 3:
            states = [t.count_animation.state() for t in page.findChildren(FigureTile)]
            seen.append([state for state in states if state in moving])

    host.animation.valueChanged.connect(look)
    shell.nav.sibling(1)
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    host.animation.valueChanged.disconnect(look)
    assert seen and all(seen), "figures were counting when the page came"
    paused = QAbstractAnimation.State.Paused
    assert all(state == paused for states in seen for state in states), "none went on"
    page = host.page
    assert page is not None
    counting = [t for t in page.findChildren(FigureTile) if t.count_animation.state() in moving]
    assert len(counting) == len(seen[0])
    running = QAbstractAnimation.State.Running
    assert all(t.count_animation.state() == running for t in counting), "they count on"
    qtbot.waitUntil(lambda: all(t.counted for t in counting), timeout=5000)


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
    """The new page goes beneath the page left, unseen (taking it there made Qt paint the page
    left again, 7-10 ms), which shows itself until the new one fills its first screen; then the
    overlay covers the screen with its picture as it goes, one paint for both (the overlay shown
    at the tap, then again as the page left went, took two), and the animation's first frame
    already moves."""
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
    assert not host.overlay.old.isNull(), "the picture is taken at the tap"
    assert not host.overlay.isVisible(), "the page left shows itself until it goes"
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    assert left_paints.seen == [], "the page left was painted again"
    still = [progress for progress, running in overlay.seen if not running]
    assert still == [0.0], "the overlay painted once before the slide, as the page left went"
    during = [progress for progress, running in overlay.seen if running]
    assert during, "the animation painted frames"
    assert during[0] > 0, "the animation's first frame shows what the overlay showed already"


def test_the_screen_shows_the_page_left_while_the_new_one_is_built_unseen(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until the overlay covers the screen, the new page is built on the page left with its
    updates off: whatever the window paints meanwhile shows the page left as it was pictured."""
    fingers.open_page(qtbot, shell, HOME)
    host = shell.host
    window = host.window()
    monkeypatch.setattr(unfold, "SLICE_MS", 0.0)  # a part a turn: many turns
    screens: list[QImage] = []
    fill = host._unfold._fill

    def looked() -> None:
        fill()
        window.repaint()  # all that is due, painted now
        store = window.backingStore()
        image = store.paintDevice() if store is not None else None
        assert isinstance(image, QImage)
        rect = QRect(host.mapTo(window, host.rect().topLeft()), host.size())
        if not host.overlay.isVisible():
            screens.append(image.copy(rect).convertToFormat(QImage.Format.Format_RGB32))

    monkeypatch.setattr(host._unfold, "_fill", looked)
    shell.nav.go(Route("theme", "frontier"))
    picture = image(host.overlay.old)
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    assert len(screens) > 1, "the new page was built over several turns"
    assert all(screen == picture for screen in screens)


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
    shown = image(host.overlay.grab())
    arriving_paints = Paints(arriving)  # (painted in strips for the overlay until now)
    shell.nav.go(Route("achievements"))
    assert image(host.overlay.old) == shown, "the picture is the frame on screen"
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    assert arriving_paints.seen == [], "the page beneath the transition was painted"
