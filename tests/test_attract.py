"""The attract loop: each slide with a drawing from the content, the slide progress, cheap."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.figures import FigureWall
from kiosk.ui.pages.attract import AttractPage
from kiosk.ui.pages.attract_slides import Visual, slides_for
from kiosk.ui.shell import Shell
from kiosk.ui.tokens import DEFAULT
from kiosk.ui.zone import SitePlan, SpectrumDiagram


def _attract(
    qtbot: QtBot, content: Content, size: tuple[int, int], large_text: bool = False
) -> tuple[Shell, AttractPage]:
    session = Session(content, Settings.defaults())
    session.set_mode("large_text", large_text)
    shell = Shell(session, kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    qtbot.waitExposed(shell)
    page = shell.host.page
    assert isinstance(page, AttractPage)
    return shell, page


def test_the_slides_draw_the_forum_the_achievements_beijing_and_the_zone(content: Content) -> None:
    slides = slides_for(content, DEFAULT)
    visuals = [s.visual for s in slides]
    assert visuals.count(Visual.PLAN) == 1 and visuals.count(Visual.SPECTRUM) == 1
    assert all(s.figures for s in slides if s.visual is Visual.FIGURES)
    assert slides[0].figures == content.forum.figures


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_every_slide_has_its_drawing(qtbot: QtBot, content: Content, size: tuple[int, int]) -> None:
    shell, page = _attract(qtbot, content, size)
    kinds = {Visual.FIGURES: FigureWall, Visual.PLAN: SitePlan, Visual.SPECTRUM: SpectrumDiagram}
    for index, slide in enumerate(page.slides):
        picture = page.picture(index)
        assert picture.deviceIndependentSize().toSize() == page.size()
        widget = page.art._widgets[index]
        assert isinstance(widget, kinds[slide.visual]) and widget.isHidden()
        # The drawing fills part of the slide: opaque pixels right of the text (landscape) or
        # below it (portrait).
        image = picture.toImage()
        w, h = image.width(), image.height()
        probe = [(x, y) for x in range(0, w, 8) for y in range(0, h, 8)]
        if w > h:
            inked = sum(image.pixelColor(x, y).alpha() > 200 for x, y in probe if x > w * 0.6)
        else:
            inked = sum(image.pixelColor(x, y).alpha() > 200 for x, y in probe if y > h * 0.45)
        assert inked > len(probe) * 0.08, f"slide {index}: no drawing"
    shell.allow_close()
    shell.close()


def test_slide_progress_shows_every_slide_and_the_current_one(
    qtbot: QtBot, content: Content
) -> None:
    shell, page = _attract(qtbot, content, (1920, 1080))
    count = len(page.slides)
    segments = page.progress_rects()
    assert len(segments) == count
    assert all(QRectF(page.rect()).contains(s) for s in segments)
    assert segments[0].top() > page._cue_rect().top(), "under the cue"
    assert page.accessibleDescription() == f"第1张，共{count}张  ·  Slide 1 of {count}"
    page.advance()
    assert page.start.accessibleDescription() == f"第2张，共{count}张  ·  Slide 2 of {count}"
    image = page.grab().toImage()
    current, other = (segments[i].center().toPoint() for i in (1, 2))
    assert image.pixelColor(current) != image.pixelColor(other), "the current slide stands out"
    for _ in range(count - 1):
        page.advance()
    assert page.index == 0 and "Slide 1 of" in page.accessibleDescription()
    shell.allow_close()
    shell.close()


def test_a_slide_is_painted_once_per_size(qtbot: QtBot, content: Content) -> None:
    """The cross-fade draws pixmaps: a slide's text and drawing are painted once."""
    shell, page = _attract(qtbot, content, (1920, 1080))
    page.advance()  # the first two slides on screen
    for _ in range(3):
        page.repaint()
        QApplication.processEvents()
    painted: list[int] = []
    paint = page.art.painting

    def counted(*args: object) -> object:
        painted.append(1)
        return paint(*args)  # type: ignore[arg-type]

    page.art.painting = counted  # type: ignore[method-assign]
    page.advance()
    for _ in range(5):
        page.repaint()
        QApplication.processEvents()
    assert len(painted) == 1
    assert set(page._pictures) <= {1, 2}, "only the slides on screen are kept"
    shell.allow_close()
    shell.close()


def _inked(page: AttractPage, index: int) -> int:
    """The opaque pixels of slide *index*'s drawing (right of the text, or below it)."""
    image = page.picture(index).toImage()
    w, h = image.width(), image.height()
    wide = w > h
    return sum(
        image.pixelColor(x, y).alpha() > 200
        for x in range(0, w, 6)
        for y in range(0, h, 6)
        if (x > w * 0.55 if wide else y > h * 0.45)
    )


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_large_text_keeps_the_cue_on_screen_and_the_figures_as_large(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    """Large text once pushed "Touch to start" off a portrait screen and drew the first slide's
    figures in one narrow column, smaller than without it."""
    inked = []
    for large_text in (False, True):
        shell, page = _attract(qtbot, content, size, large_text)
        pill, _ = page.cue_pill()
        assert QRectF(page.rect()).contains(pill), f"cue off screen: {pill}"
        inked.append(_inked(page, 0))
        shell.allow_close()
        shell.close()
    assert inked[1] >= inked[0] * 0.8, inked


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)], ids=["1366x768", "portrait"])
def test_large_text_slides_stay_above_the_cue(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    """Long titles in large text once pushed a slide's captions under "Touch to start"; its
    captions are shortened (or left out) instead, and in portrait the drawing keeps room."""
    from kiosk.ui.pages.attract_slides import SlideArt

    shell, page = _attract(qtbot, content, size, large_text=True)
    bottom = round(SlideArt.area(page.size()).bottom())
    for index in range(len(page.slides)):
        image = page.picture(index).toImage()
        below = [
            (x, y)
            for x in range(0, image.width(), 4)
            for y in range(bottom + 2, image.height(), 4)
            if image.pixelColor(x, y).alpha() > 0
        ]
        assert not below, f"slide {index}: drawn below the slides' area, over the cue"
    shell.allow_close()
    shell.close()


def test_high_contrast_cue_is_solid(qtbot: QtBot, content: Content) -> None:
    """In high contrast the "Touch to start" pill stays the full accent (black text keeps 7:1)."""
    shell, page = _attract(qtbot, content, (1920, 1080))
    with qtbot.waitSignal(shell.host.page_changed):  # built again behind a picture of it
        shell.session.set_mode("high_contrast", True)
    page = shell.host.page
    assert isinstance(page, AttractPage)
    y = round(page._cue_rect().center().y())
    image = page.grab().toImage()
    left = next(x for x in range(page.width()) if image.pixelColor(x, y).name() != "#000000")
    assert image.pixelColor(left + 30, y).name() == QColor(page.ctx.theme.palette.primary).name()
    shell.allow_close()
    shell.close()


def test_the_first_slide_is_painted_in_the_pages_parts_before_the_page_change_paints_it(
    qtbot: QtBot, content: Content
) -> None:
    """The page change paints the new page in short bands (a cross-fade); the first slide painted
    in the first of them held the main thread 20-70 ms at 1080p."""
    from kiosk.model.navigation import Route

    session = Session(content, Settings.defaults())
    shell = Shell(session, kiosk_mode=False)  # animated: the page is built beneath the overlay
    qtbot.addWidget(shell)
    shell.resize(1280, 720)
    shell.show()
    qtbot.waitExposed(shell)
    host = shell.host
    with qtbot.waitSignal(host.page_changed, timeout=5000):
        session.nav.go(Route("themes"))
    qtbot.waitUntil(lambda: not host.animating, timeout=5000)
    # At each band: the background painted, the slide's drawing made and laid out and its
    # text painted (the slide painted, or its painting waiting to render the drawing: that
    # draws nothing while the page's updates are off, before the first band).
    ready: list[bool] = []
    prepare = host.overlay.prepare

    def spy(page: QWidget, progress: float = 1.0) -> bool:
        if isinstance(page, AttractPage):
            index = page.index
            painted = index in page._pictures or index in page._painting
            made = index in page.art._widgets
            ready.append(painted and made and page._bg_key is not None)
        return prepare(page, progress)

    host.overlay.prepare = spy  # type: ignore[method-assign]
    with qtbot.waitSignal(host.page_changed, timeout=5000):
        session.nav.go(Route("attract"))
    qtbot.waitUntil(lambda: not host.animating, timeout=5000)
    assert ready and all(ready), ready
    # The very pixels of the slide painted at once (its drawing rendered while the page's
    # updates were off would be missing).
    page = host.page
    assert isinstance(page, AttractPage)
    shown = page._pictures[page.index].toImage()
    at_once = page.art.paint(page.index, page.slides[page.index], page.size(), 1.0).toImage()
    assert shown == at_once


def test_the_headline_takes_the_largest_step_that_fits_measuring_few(
    qtbot: QtBot, content: Content
) -> None:
    """The same size as trying every 6-px step from the largest down; found measuring a few."""
    from PySide6.QtGui import QFontMetricsF

    from kiosk.ui.pages.attract_slides import SlideArt
    from kiosk.ui.tokens import TYPE, Theme

    page = QWidget()
    qtbot.addWidget(page)
    texts = [slide.big.zh for slide in slides_for(content, DEFAULT)]
    texts += [slide.big.en for slide in slides_for(content, DEFAULT)]
    for factor in (0.71, 1.0, 1.35, 2.0):  # 1366×768, 1080p, large text, 4K
        art = SlideArt(page, content, "zh", factor, Theme())
        real_font = art._font
        made: list[int] = []

        def counted(size: int, bold: bool = False, real: Any = real_font, log: Any = made) -> Any:
            log.append(size)
            return real(size, bold)

        art._font = counted  # type: ignore[method-assign]
        for text, width in itertools.product(texts, (300.0, 620.0, 1000.0, 1500.0, 3000.0)):
            made.clear()
            font = art._big_font(text, width)
            size = 150 if len(text) <= 10 else 108
            while size > TYPE.title:  # every step in turn, as the headline was fitted before
                advance = QFontMetricsF(real_font(size, bold=True)).horizontalAdvance(text)
                if advance <= width:
                    break
                size = max(TYPE.title, size - 6)
            expected = real_font(size, bold=True).pixelSize()
            assert font.pixelSize() == expected, (factor, text, width)
            assert len(set(made)) <= 4, made
