"""Design system: tokens are the only source of colours; text contrast; type sizes; modes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import fingers
import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import Route
from kiosk.ui.pages.base import REACH_TOP, ScrollPage
from kiosk.ui.shell import Shell
from kiosk.ui.strings import ui
from kiosk.ui.tokens import DEFAULT, HIGH_CONTRAST, THEME, TYPE, Palette, contrast, theme_for
from kiosk.ui.typeset import plain

ROOT = Path(__file__).resolve().parent.parent
SURFACES = ("background", "background_deep", "surface", "surface_raised", "surface_pressed")


def test_no_colour_literal_outside_the_tokens() -> None:
    pattern = re.compile(r"#[0-9A-Fa-f]{6}\b|QColor\(\s*[\"']|Qt\.GlobalColor\.(white|black|red)")
    offenders = []
    for path in (ROOT / "kiosk").rglob("*.py"):
        if path.name == "tokens.py" or "_generated" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders


def test_no_font_size_literal_in_the_stylesheet() -> None:
    from kiosk.ui.style import stylesheet

    source = (ROOT / "kiosk" / "ui" / "style.py").read_text(encoding="utf-8")
    assert not re.search(r"font-size:\s*\d", source)
    assert re.search(r"font-size: \d+px", stylesheet(THEME, 1.0))


def test_type_scale_is_readable_at_1080p() -> None:
    assert TYPE.body >= 24 and TYPE.caption >= 24
    assert TYPE.title >= 44 and TYPE.display >= 44


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=["default", "high_contrast"])
def test_text_contrast(palette: Palette) -> None:
    body_min = 7.0
    for surface in SURFACES:
        bg = getattr(palette, surface)
        assert contrast(palette.text, bg) >= body_min, ("text", surface)
        assert contrast(palette.text_muted, bg) >= 4.5, ("text_muted", surface)
        for accent in ("accent", "gold"):
            assert contrast(getattr(palette, accent), bg) >= 4.5, (accent, surface)
    for bg in ("background", "background_deep", "surface"):  # body text is set on these
        assert contrast(palette.text_muted, getattr(palette, bg)) >= body_min, ("muted body", bg)
    assert contrast(palette.on_primary, palette.primary) >= 4.5
    assert contrast(palette.qr_dark, palette.qr_light) >= 15
    if palette is HIGH_CONTRAST:
        for surface in SURFACES:
            for name in ("text", "text_muted", "accent", "gold"):
                assert contrast(getattr(palette, name), getattr(palette, surface)) >= 7


def test_contrast_function() -> None:
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)


@pytest.fixture
def home(qtbot: QtBot, make_shell: Callable[..., Shell]) -> Shell:
    shell = make_shell()
    fingers.tap(shell.host.page)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: shell.nav.current == Route("home"))
    qtbot.waitUntil(lambda: not shell.host.animating)  # Home whole (it may be built in parts)
    return shell


def label_font_px(shell: Shell, text: str) -> int:
    for label in shell.host.page.findChildren(QLabel):  # type: ignore[union-attr]
        if plain(label.text()) == text:
            return label.font().pixelSize()
    raise AssertionError(text)


def test_large_text_mode_enlarges_text_and_resets_at_idle(qtbot: QtBot, home: Shell) -> None:
    # Home's heading may shorten to fit; the line above the tiles keeps its role.
    explore = ui("home.explore", "zh")
    before = label_font_px(home, explore)
    fingers.tap(home.bar.modes["large_text"])
    qtbot.waitUntil(lambda: home.session.modes["large_text"])
    qtbot.waitUntil(lambda: not home.host.animating)  # Home is built again, in parts
    after = label_font_px(home, explore)
    assert after >= before * 1.35 - 1
    assert home.bar.modes["large_text"].isChecked()
    home.reset()
    assert not any(home.session.modes.values())
    assert not home.bar.modes["large_text"].isChecked()


def test_high_contrast_recolours_and_resets(qtbot: QtBot, home: Shell) -> None:
    fingers.tap(home.bar.modes["high_contrast"])
    qtbot.waitUntil(lambda: home.session.modes["high_contrast"])
    # The screen follows a few turns later (the page is built again behind a picture of it).
    qtbot.waitUntil(lambda: home.theme.palette == HIGH_CONTRAST)
    qtbot.waitUntil(lambda: not home.host.animating)
    image = home.grab().toImage()
    assert image.pixelColor(5, 5).name() == HIGH_CONTRAST.background.lower()
    home.reset()
    assert home.theme.palette == DEFAULT
    assert DEFAULT.background == "#0A1A33"  # the palettes themselves never change


def test_the_theme_follows_the_modes() -> None:
    assert theme_for({}) == THEME
    assert theme_for({"high_contrast": True}).palette == HIGH_CONTRAST
    assert theme_for({"large_text": True, "high_contrast": False}).palette == DEFAULT
    assert not theme_for({}, animate=False).animate
    assert THEME.still() == theme_for({}, animate=False)


def test_low_reach_moves_everything_to_the_lower_part(qtbot: QtBot, home: Shell) -> None:
    fingers.tap(home.bar.modes["low_reach"])
    qtbot.waitUntil(lambda: home.session.modes["low_reach"])
    # Home arranges itself (reading matter above, tiles below: tests/test_home_fits.py) ...
    # ... the other screens put their title above and scroll below (tests/test_reach.py).
    home.nav.go(Route("themes"))
    home.host.finish_transition()
    QApplication.processEvents()
    page = home.host.page
    assert isinstance(page, ScrollPage) and page.reach_head is not None
    top = page.scroll_area.mapTo(home, page.scroll_area.rect().topLeft()).y()
    assert top >= home.height() * REACH_TOP, "the scrolling part starts in the lower part"
    assert page.reach_head.isAncestorOf(page.heading), "the title is above it"
    assert home.bar.geometry().bottom() == home.height() - 1
    home.reset()
    home.nav.home()
    home.nav.go(Route("themes"))
    home.host.finish_transition()
    assert isinstance(home.host.page, ScrollPage) and home.host.page.reach_head is None


def test_mode_buttons_have_names_in_the_current_language(qtbot: QtBot, home: Shell) -> None:
    names = {b.accessibleName() for b in home.bar.modes.values()}
    assert "大字模式" in names
    fingers.tap(home.bar.language)
    names = {b.accessibleName() for b in home.bar.modes.values()}
    assert "Large text" in names and "High contrast" in names


def test_high_contrast_controls_and_their_states() -> None:
    """Every control's text and icon at least 7:1, its shape and outline at least 3:1, in each
    state: at rest, pressed, checked (the active toggle) and disabled."""
    p = HIGH_CONTRAST
    rests = ("background", "background_deep", "surface", "surface_raised")
    for fill in (*rests, "surface_pressed"):
        assert contrast(p.text, getattr(p, fill)) >= 7, ("text on", fill)
    assert contrast(p.on_primary, p.primary) >= 7, "the checked toggle's icon and text"
    for ground in ("background", "background_deep", "surface"):
        bg = getattr(p, ground)
        assert contrast(p.control_outline, bg) >= 3, ("bar button outline", ground)
        assert contrast(p.outline, bg) >= 3, ("card and panel outline", ground)
        assert contrast(p.primary, bg) >= 3, ("checked toggle's shape", ground)
        assert contrast(p.accent, bg) >= 3, ("pressed outline", ground)


def test_the_active_toggle_draws_a_dark_icon_on_yellow(qtbot: QtBot, home: Shell) -> None:
    fingers.tap(home.bar.modes["high_contrast"])
    qtbot.waitUntil(lambda: home.session.modes["high_contrast"])
    button = home.bar.modes["high_contrast"]
    assert button.isChecked()
    image = button.grab().toImage()
    size = button.iconSize()
    left, top = (button.width() - size.width()) // 2, (button.height() - size.height()) // 2
    colours = {
        image.pixelColor(x, y).name()
        for x in range(left, left + size.width())
        for y in range(top, top + size.height())
    }
    assert HIGH_CONTRAST.primary.lower() in colours, "the toggle is yellow"
    assert HIGH_CONTRAST.on_primary.lower() in colours, "its icon is drawn in black"
    assert HIGH_CONTRAST.text.lower() not in colours, "no white icon on yellow"
    at_rest = home.bar.modes["large_text"].grab().toImage()
    edge = at_rest.pixelColor(at_rest.width() // 2, 1).name()
    assert contrast(edge, HIGH_CONTRAST.background_deep) >= 3, "bar buttons show their outline"
