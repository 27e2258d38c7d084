"""The figures wall (count-ups in view, flips to the source, reflow) and the QR badge."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import fingers
import pytest
import segno
from PySide6.QtCore import QAbstractAnimation, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Figure, Lang
from kiosk.ui.figures import COUNT_MS, FLIP_MS, FigureTile, FigureWall
from kiosk.ui.fmt import figure_text
from kiosk.ui.kinetic import enable_kinetic, release_kinetic
from kiosk.ui.qr import QrBadge, qr_pixmap
from kiosk.ui.strings import ui
from kiosk.ui.tokens import THEME

PALETTE = THEME.palette

URL = "https://www.zgcforum.com"
RUNNING = QAbstractAnimation.State.Running

MakeWall = Callable[..., tuple[QScrollArea, FigureWall]]


@pytest.fixture
def make_wall(qtbot: QtBot, content: Content) -> Iterator[MakeWall]:
    """A wall of the Beijing figures in a kinetic scroll area, shown at *size*."""
    areas: list[QScrollArea] = []

    def make(
        lang: Lang = "zh", size: tuple[int, int] = (1920, 1080), animate: bool = True
    ) -> tuple[QScrollArea, FigureWall]:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic(area)
        theme = THEME if animate else THEME.still()
        wall = FigureWall(content.beijing.figures, lang, 1.0, theme=theme)  # type: ignore[arg-type]
        area.setWidget(wall)
        wall.attach(area)
        qtbot.addWidget(area)
        area.resize(*size)
        area.show()
        qtbot.waitExposed(area)
        areas.append(area)
        return area, wall

    yield make
    for area in areas:
        release_kinetic(area)


def in_view(area: QScrollArea, tile: QWidget) -> bool:
    viewport = area.viewport()
    rect = QRect(tile.mapTo(viewport, QPoint(0, 0)), tile.size())
    return rect.intersects(viewport.rect())


def figure(content: Content, figure_id: str) -> Figure:
    return next(f for f in content.beijing.figures if f.id == figure_id)


# --- count-ups -------------------------------------------------------------------------------


def test_tiles_in_view_count_up_to_their_final_value(qtbot: QtBot, make_wall: MakeWall) -> None:
    area, wall = make_wall()
    visible = [t for t in wall.tiles if in_view(area, t)]
    assert 3 <= len(visible) < len(wall.tiles)
    qtbot.waitUntil(lambda: all(t.counting or t.counted for t in visible), timeout=2000)
    first = visible[0]
    if first.counting:
        assert first.shown_text != first.final_text, "the count starts from 0"
        with qtbot.waitSignal(first.count_animation.finished, timeout=COUNT_MS + 2000):
            pass
    qtbot.waitUntil(lambda: all(t.counted for t in visible), timeout=COUNT_MS + 2000)
    for tile in visible:
        assert tile.shown_text == tile.final_text == figure_text(tile.figure, "zh")


def test_a_tile_far_below_waits_until_it_is_scrolled_into_view(
    qtbot: QtBot, make_wall: MakeWall
) -> None:
    area, wall = make_wall()
    last = wall.tiles[-1]
    assert not in_view(area, last)
    qtbot.waitUntil(lambda: wall.tiles[0].counted, timeout=COUNT_MS + 2000)
    assert not last.counting and not last.counted
    assert float(last.shown_number) == 0
    area.ensureWidgetVisible(last)
    assert in_view(area, last)
    qtbot.waitUntil(lambda: last.counting or last.counted, timeout=2000)
    qtbot.waitUntil(lambda: last.counted, timeout=COUNT_MS + 2000)
    assert last.shown_text == figure_text(last.figure, "zh")


@pytest.mark.parametrize(
    ("lang", "pattern", "final"),
    [("zh", r"\d{1,4}\.\d", 3202.3), ("en", r"\d{1,3}\.\d\d", 320.23)],
)
def test_decimals_count_with_the_final_decimals_in_the_language(
    qtbot: QtBot, content: Content, lang: Lang, pattern: str, final: float
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    tile = FigureTile(figure(content, "beijing-exports"), lang, 1.0, holder, theme=THEME)
    tile.start_count()
    tile.count_animation.pause()
    for ms in (0, 100, 400, 800, COUNT_MS - 1):
        tile.count_animation.setCurrentTime(ms)
        assert re.fullmatch(pattern, tile.shown_number), tile.shown_number
        assert 0 <= float(tile.shown_number) <= final
        assert ms > COUNT_MS // 2 or float(tile.shown_number) < final
    tile.count_animation.setCurrentTime(COUNT_MS)
    qtbot.waitUntil(lambda: tile.counted)
    assert float(tile.shown_number.replace(",", "")) == final
    assert tile.shown_text == figure_text(tile.figure, lang)


def _white_columns(image: QImage, band: int) -> list[int]:
    """The x of every column with text-coloured (white) pixels in the top *band* rows."""
    columns = []
    for x in range(image.width()):
        for y in range(band):
            c = image.pixelColor(x, y)
            if c.red() > 200 and c.green() > 200 and c.blue() > 200:
                columns.append(x)
                break
    return columns


def test_the_unit_stays_put_while_the_number_counts(qtbot: QtBot, content: Content) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    tile = FigureTile(figure(content, "beijing-exports"), "zh", 1.0, holder, theme=THEME)
    tile.resize(540, tile.heightForWidth(540))
    tile.start_count()
    tile.count_animation.pause()
    band = tile.height() // 3
    units = []
    for ms in (60, 300, COUNT_MS - 1):
        tile.count_animation.setCurrentTime(ms)
        units.append(_white_columns(tile.grab().toImage(), band))
    assert units[0], "the unit is drawn beside the number"
    assert units[0] == units[1] == units[2], "the number keeps the width of its final text"


# --- flips -----------------------------------------------------------------------------------


def test_a_tap_flips_a_tile_to_its_source_and_back(qtbot: QtBot, make_wall: MakeWall) -> None:
    _area, wall = make_wall()
    tile = wall.tiles[4]
    assert not tile.showing_source
    assert tile.flip_animation.duration() <= 250 and FLIP_MS <= 250
    center = tile.rect().center()
    fingers.press(tile, center)
    assert tile.isDown(), "the tile must look pressed while the finger is on it"
    with qtbot.waitSignal(wall.tile_flipped, check_params_cb=lambda i: i == tile.figure.id):
        fingers.release(tile, center)
    assert tile.showing_source
    qtbot.waitUntil(lambda: tile.flip_animation.state() != RUNNING, timeout=2000)
    with qtbot.waitSignal(wall.tile_flipped, check_params_cb=lambda i: i == tile.figure.id):
        fingers.tap(tile)
    assert not tile.showing_source
    assert tile.focusPolicy() == Qt.FocusPolicy.TabFocus, "keys focus it, a tap does not"
    assert not tile.hasFocus()


def test_the_back_face_shows_the_source(qtbot: QtBot, content: Content) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    tile = FigureTile(figure(content, "beijing-exports"), "en", 1.0, holder, theme=THEME.still())
    tile.resize(540, tile.heightForWidth(540))
    front = tile.grab().toImage()
    tile.set_source(True)
    assert tile.showing_source
    back = tile.grab().toImage()
    assert _gold_pixels(front) > 500, "the front shows the number in gold"
    assert _gold_pixels(back) == 0, "the back shows the source instead"


def _gold_pixels(image: QImage) -> int:
    gold = QColor(PALETTE.gold)
    return sum(
        image.pixelColor(x, y) == gold
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


# --- accessibility ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_accessible_names_hold_the_final_number(
    qtbot: QtBot, make_wall: MakeWall, lang: Lang
) -> None:
    _area, wall = make_wall(lang)
    for tile in wall.tiles:
        f = tile.figure
        name = tile.accessibleName()
        assert name.startswith(figure_text(f, lang)), name
        assert f.caption.get(lang) in name
        if f.unit:
            assert f.unit.get(lang) in name
        source = f.source.get(lang)
        assert tile.accessibleDescription() == ui("figure.source", lang, source=source)
        tile.set_source(True)  # the flip is said
        assert tile.accessibleDescription() == ui("figure.source_shown", lang, source=source)
        tile.set_source(False)
        iface = QAccessible.queryAccessibleInterface(tile)
        assert iface is not None and iface.text(QAccessible.Text.Name) == name
        assert iface.role() == QAccessible.Role.Button
    exports = wall.tile("beijing-exports").accessibleName()
    assert ("320.23" in exports) == (lang == "en")
    assert ("3202.3" in exports) == (lang == "zh")


# --- layout ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "columns"), [(1920, 3), (1300, 3), (1200, 2), (700, 2), (600, 1)]
)
def test_columns_follow_the_width_and_tiles_never_overlap(
    qtbot: QtBot, content: Content, width: int, columns: int
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    wall = FigureWall(content.beijing.figures, "en", 1.0, holder, theme=THEME.still())
    assert wall.columns_for(width) == columns
    holder.resize(width, wall.heightForWidth(width))
    wall.resize(holder.size())
    holder.show()
    qtbot.waitExposed(holder)
    assert wall.columns == columns
    rects = [t.geometry() for t in wall.tiles]
    assert len({r.x() for r in rects}) == columns
    for i, a in enumerate(rects):
        assert wall.rect().contains(a), (wall.tiles[i].figure.id, a)
        assert a.width() >= 72 and a.height() >= 72
        tile = wall.tiles[i]
        assert a.height() >= tile.heightForWidth(a.width()), "nothing is clipped"
        for b in rects[i + 1 :]:
            assert not a.intersects(b), (a, b)


def test_reset_sets_tiles_back_to_zero_and_those_in_view_count_again(
    qtbot: QtBot, make_wall: MakeWall
) -> None:
    _area, wall = make_wall()
    first = wall.tiles[0]
    qtbot.waitUntil(lambda: first.counted, timeout=COUNT_MS + 2000)
    first.set_source(True)
    wall.reset()
    assert not any(t.counted or t.counting for t in wall.tiles)
    assert not first.showing_source
    assert float(first.shown_number) == 0
    qtbot.waitUntil(lambda: first.counting or first.counted, timeout=2000)
    assert not wall.tiles[-1].counting


def test_without_animation_tiles_show_final_values_and_flip_at_once(
    qtbot: QtBot, make_wall: MakeWall
) -> None:
    _area, wall = make_wall("en", animate=False)
    for tile in wall.tiles:
        assert tile.counted and not tile.counting
        assert tile.shown_text == figure_text(tile.figure, "en")
    tile = wall.tiles[0]
    with qtbot.waitSignal(wall.tile_flipped):
        fingers.tap(tile)
    assert tile.showing_source
    assert tile.flip_animation.state() != RUNNING


# --- QR codes --------------------------------------------------------------------------------


def _expected_modules(url: str) -> list[list[bool]]:
    code = segno.make(url, error="m", micro=False, boost_error=False)
    assert code.error == "M"
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=4)]


def _assert_draws(
    image: QImage, left: int, top: int, size: int, url: str, corners: bool = True
) -> None:
    """The *size* square at (*left*, *top*) shows *url*'s modules, crisply (no blended pixel;
    without *corners*, the rounded corners of the quiet zone are not checked)."""
    modules = _expected_modules(url)
    count = len(modules)
    module = size // count
    offset = (size - count * module) // 2
    dark, light = QColor(PALETTE.background_deep), QColor(PALETTE.text)
    quiet = range(4, count - 4)
    for r, row in enumerate(modules):
        for c, is_dark in enumerate(row):
            if not corners and (r not in quiet or c not in quiet):
                continue
            centre = image.pixelColor(
                left + offset + c * module + module // 2, top + offset + r * module + module // 2
            )
            assert centre == (dark if is_dark else light), (r, c)
    edge = 0 if corners else offset + 4 * module
    for y in range(edge, size - edge):
        for x in range(edge, size - edge, 3):
            assert image.pixelColor(left + x, top + y) in (dark, light), (x, y)


@pytest.mark.parametrize("size", [200, 400, 123])
def test_the_qr_pixmap_draws_segnos_matrix(qapp: object, size: int) -> None:
    pixmap = qr_pixmap(URL, size, PALETTE.background_deep, PALETTE.text)
    assert pixmap.width() == pixmap.height() == size
    _assert_draws(pixmap.toImage(), 0, 0, size, URL)
    again = qr_pixmap(URL, size, PALETTE.background_deep, PALETTE.text)
    assert again.cacheKey() == pixmap.cacheKey(), "the same code is made once"


@pytest.mark.parametrize("caption", ["扫码阅读全文", "Scan to read more"])
def test_the_qr_badge_shows_the_code_and_names_itself_by_its_caption(
    qtbot: QtBot, caption: str
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    badge = QrBadge(URL, caption, 1.0, holder, theme=THEME)
    assert badge.accessibleName() == caption
    assert badge.accessibleDescription() == URL
    assert badge.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents), "not tappable"
    assert badge.focusPolicy() == Qt.FocusPolicy.NoFocus
    code = badge.code_rect()
    assert code.width() == 200
    assert badge.height() > code.height(), "the caption is below the code"
    _assert_draws(badge.grab().toImage(), code.x(), code.y(), code.width(), URL, corners=False)
