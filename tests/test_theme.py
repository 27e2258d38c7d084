"""The theme: immutable and passed explicitly; every size a token; high contrast throughout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QRegion
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.navigation import Route
from kiosk.model.routes import all_routes
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui import figures, tokens
from kiosk.ui.images import ImageFigure
from kiosk.ui.pages.base import ScrollPage
from kiosk.ui.shell import Shell
from kiosk.ui.tokens import DEFAULT, HIGH_CONTRAST

ROOT = Path(__file__).resolve().parent.parent
#: A size in design pixels written as a number where a token belongs.
SIZE_LITERAL = re.compile(r"\b_?(?:px|scaled)\(\s*\d")
#: The normal palette's colours that high contrast must never show (its white text and the
#: white on the primary colour are white in both).
NORMAL_ONLY = sorted(
    {colour.upper() for colour in DEFAULT if colour.upper() not in {"#FFFFFF", *HIGH_CONTRAST}}
)


def test_no_numeric_size_literal_in_the_ui() -> None:
    """Sizes come from the tokens: no px(500) or scaled(140, factor) under kiosk/ui."""
    offenders = []
    for path in sorted((ROOT / "kiosk" / "ui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SIZE_LITERAL.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders


def test_the_size_literal_check_finds_one() -> None:
    assert SIZE_LITERAL.search("card.setMinimumHeight(ctx.px(170 if portrait else 210))")
    assert SIZE_LITERAL.search("size = scaled(56, factor)")
    assert SIZE_LITERAL.search("line = self._px(2)")
    assert not SIZE_LITERAL.search("size = scaled(SIZE.icon_m, factor)")


def test_nothing_module_level_changes_at_run_time() -> None:
    for name in ("PALETTE", "use_theme", "THEMES"):
        assert not hasattr(tokens, name), name
    assert not hasattr(figures, "ANIMATE")
    assert not hasattr(figures.tile, "ANIMATE")
    for value in (DEFAULT, HIGH_CONTRAST, tokens.THEME):
        with pytest.raises(AttributeError):
            value.text = "#123456"  # type: ignore[misc]


def test_the_palettes_differ_in_the_checked_colours() -> None:
    assert "#22C3E6" in NORMAL_ONLY and "#0A1A33" in NORMAL_ONLY and "#F5B83D" in NORMAL_ONLY


def one_route_of_each_kind(content: Content) -> list[Route]:
    kinds: dict[str, Route] = {}
    for route in all_routes(content):
        kinds.setdefault(route.page, route)
    return list(kinds.values())


def _blank_pictures(image: QImage, root: QWidget, colour: QColor) -> None:
    """Paint over the illustrations' pictures (their own colours are not the kiosk's)."""
    painter = QPainter(image)
    for picture in root.findChildren(ImageFigure):
        if not picture.isVisibleTo(root):
            continue
        width = picture.width()  # the picture fills the width; its captions are below it
        height = min(picture.height(), round(width * picture.source.ratio()))
        painter.fillRect(QRect(picture.mapTo(root, QPoint(0, 0)), QSize(width, height)), colour)
    painter.end()


def normal_colours_in(image: QImage) -> dict[str, int]:
    """How many pixels of *image* have each of the normal palette's own colours."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)  # kept while its bits are read
    data = bytes(rgb.constBits())
    found: dict[str, int] = {}
    for colour in NORMAL_ONLY:
        c = QColor(colour)
        pattern = bytes((c.blue(), c.green(), c.red(), 0xFF))
        count, at = 0, data.find(pattern)
        while at >= 0:
            count += at % 4 == 0
            at = data.find(pattern, at + 1)
        if count:
            found[colour] = count
    return found


def screens_of(shell: Shell) -> list[QImage]:
    """What the shell shows now, and the whole length of a scrolling page."""
    background = QColor(shell.theme.palette.background)
    shown = shell.grab().toImage()
    _blank_pictures(shown, shell, background)
    images = [shown]
    page = shell.host.page
    if isinstance(page, ScrollPage) and page.scroll_area.widget() is not None:
        inner = page.scroll_area.widget()
        pixmap = QPixmap(inner.size())
        pixmap.fill(background)
        inner.render(pixmap, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
        whole = pixmap.toImage()
        _blank_pictures(whole, inner, background)
        images.append(whole)
    return images


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_high_contrast_reaches_every_pixel(qtbot: QtBot, content: Content, lang: str) -> None:
    settings = Settings.defaults().replace(language=lang, transition_ms=150)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    qtbot.waitExposed(shell)
    shell.session.set_mode("high_contrast", True)
    problems = []
    for route in one_route_of_each_kind(content):
        shell.nav.show(route)
        shell.host.finish_transition()
        QCoreApplication.processEvents()
        for image in screens_of(shell):
            found = normal_colours_in(image)
            if found:
                problems.append(f"{route}: {found}")
    shell.allow_close()
    assert not problems, "\n".join(problems)
