"""Design system: tokens are the only source of colours; text contrast; type sizes; modes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import fingers
import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import Route
from kiosk.ui.shell import Shell
from kiosk.ui.tokens import DEFAULT, HIGH_CONTRAST, THEME, TYPE, Palette, contrast, theme_for

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
    return shell


def label_font_px(shell: Shell, text: str) -> int:
    for label in shell.host.page.findChildren(QLabel):  # type: ignore[union-attr]
        if label.text() == text:
            return label.font().pixelSize()
    raise AssertionError(text)


def test_large_text_mode_enlarges_text_and_resets_at_idle(qtbot: QtBot, home: Shell) -> None:
    theme = home.session.content.forum.theme.zh
    before = label_font_px(home, theme)
    fingers.tap(home.bar.modes["large_text"])
    qtbot.waitUntil(lambda: home.session.modes["large_text"])
    after = label_font_px(home, theme)
    assert after >= before * 1.35 - 1
    assert home.bar.modes["large_text"].isChecked()
    home.reset()
    assert not any(home.session.modes.values())
    assert not home.bar.modes["large_text"].isChecked()


def test_high_contrast_recolours_and_resets(qtbot: QtBot, home: Shell) -> None:
    fingers.tap(home.bar.modes["high_contrast"])
    qtbot.waitUntil(lambda: home.session.modes["high_contrast"])
    assert home.theme.palette == HIGH_CONTRAST
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
    top = home.host.mapTo(home, home.host.rect().topLeft()).y()
    assert top >= home.height() * 0.35, "the reading area starts in the lower part"
    assert home.bar.geometry().bottom() == home.height() - 1
    home.reset()
    assert home.host.mapTo(home, home.host.rect().topLeft()).y() == 0


def test_mode_buttons_have_names_in_the_current_language(qtbot: QtBot, home: Shell) -> None:
    names = {b.accessibleName() for b in home.bar.modes.values()}
    assert "大字模式" in names
    fingers.tap(home.bar.language)
    names = {b.accessibleName() for b in home.bar.modes.values()}
    assert "Large text" in names and "High contrast" in names
