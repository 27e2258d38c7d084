"""The bonded-zone widgets: the site plan's areas answer real taps and are large, separate and
inside the plan at any shape; every text is there for a screen reader; nothing is drawn clipped
or blank."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import fingers
import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import LANGS, Content, Lang
from kiosk.content.breaks import break_problems, plain
from kiosk.ui.tokens import THEME, theme_for
from kiosk.ui.zone import AreaButton, SitePlan, SpectrumDiagram, Timeline

Make = Callable[[Content, Lang], QWidget]
MAKERS: dict[str, Make] = {
    "plan": lambda content, lang: SitePlan(content.zone, lang, 1.0, theme=THEME),
    "spectrum": lambda content, lang: SpectrumDiagram(
        content.zone.spectrum, lang, 1.0, theme=THEME
    ),
    "timeline": lambda content, lang: Timeline(content.zone.timeline, lang, 1.0, theme=THEME),
}


def show(qtbot: QtBot, widget: QWidget, width: int, height: int | None = None) -> QWidget:
    """Show *widget* as a window of *width* (and its height for that width unless given)."""
    qtbot.addWidget(widget)
    widget.resize(width, widget.heightForWidth(width) if height is None else height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def areas(plan: QWidget) -> list[AreaButton]:
    return plan.findChildren(AreaButton)


def drawn_rows(image: QImage, background: QColor, step: int = 4) -> list[int]:
    """The rows (every *step*) with at least one pixel that differs from *background*."""
    rows = []
    for y in range(0, image.height(), step):
        if any(image.pixelColor(x, y) != background for x in range(0, image.width(), step)):
            rows.append(y)
    return rows


# --- the site plan ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_has_one_area_button_per_area_named_in_the_language(
    qtbot: QtBot, content: Content, lang: Lang
) -> None:
    plan = show(qtbot, SitePlan(content.zone, lang, 1.0, theme=THEME), 1600, 900)
    buttons = areas(plan)
    assert len(buttons) == 5
    assert [b.accessibleName() for b in buttons] == [a.name.get(lang) for a in content.zone.areas]
    assert [b.accessibleDescription() for b in buttons] == [
        a.summary.get(lang) for a in content.zone.areas
    ]
    assert plan.accessibleName() == content.zone.name.get(lang)
    assert all(a.name.get(lang) in plan.accessibleDescription() for a in content.zone.areas)


def test_tapping_each_area_emits_its_id(qtbot: QtBot, content: Content) -> None:
    plan = show(qtbot, SitePlan(content.zone, "zh", 1.0, theme=THEME), 1600, 900)
    assert isinstance(plan, SitePlan)
    for button, area in zip(areas(plan), content.zone.areas, strict=True):
        with qtbot.waitSignal(plan.area_tapped, timeout=1000) as blocker:
            fingers.tap(button)
        assert blocker.args == [area.id]


def test_a_finger_on_an_area_shows_it_pressed_at_once(qtbot: QtBot, content: Content) -> None:
    plan = show(qtbot, SitePlan(content.zone, "en", 1.0, theme=THEME), 1600, 900)
    button = areas(plan)[2]
    before = button.grab().toImage()
    fingers.press(button, button.rect().center())
    assert button.isDown()
    assert button.grab().toImage() != before, "the pressed area must look different"
    fingers.release(button, button.rect().center())
    assert not button.isDown()


@pytest.mark.parametrize(
    ("size", "factor"), [((1600, 900), 1.0), ((1000, 1200), 1.0), ((3200, 1800), 2.0)]
)
def test_areas_are_large_separate_and_inside_the_plan(
    qtbot: QtBot, content: Content, size: tuple[int, int], factor: float
) -> None:
    plan = show(qtbot, SitePlan(content.zone, "en", factor, theme=THEME), *size)
    rects = [b.geometry() for b in areas(plan)]
    for rect in rects:
        assert min(rect.width(), rect.height()) >= 72 * factor, rect
        assert plan.rect().contains(rect), rect
    for a, b in combinations(rects, 2):
        assert not a.intersects(b), (a, b)


def test_the_plan_is_16_by_9_when_wide_and_taller_when_narrow(
    qtbot: QtBot, content: Content
) -> None:
    plan = SitePlan(content.zone, "zh", 1.0, theme=THEME)
    qtbot.addWidget(plan)
    assert plan.hasHeightForWidth()
    assert plan.heightForWidth(1600) == 900
    assert plan.heightForWidth(1000) > 1000
    assert SitePlan(content.zone, "zh", 2.0, plan, theme=THEME).heightForWidth(3200) == 1800


# --- the spectrum and the timeline ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_spectrum_describes_every_tier_and_item(
    qtbot: QtBot, content: Content, lang: Lang
) -> None:
    spectrum = content.zone.spectrum
    diagram = SpectrumDiagram(spectrum, lang, 1.0, theme=THEME)
    qtbot.addWidget(diagram)
    assert diagram.accessibleName() == spectrum.title.get(lang)
    description = diagram.accessibleDescription()
    for tier in spectrum.tiers:
        assert tier.title.get(lang) in description
        for item in tier.items:
            assert item.get(lang) in description


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_describes_every_entry(qtbot: QtBot, content: Content, lang: Lang) -> None:
    timeline = Timeline(content.zone.timeline, lang, 1.0, theme=THEME)
    qtbot.addWidget(timeline)
    description = timeline.accessibleDescription()
    for entry in content.zone.timeline:
        assert entry.date.get(lang) in description
        assert entry.title.get(lang) in description


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["spectrum", "timeline"])
@pytest.mark.parametrize("width", [1920, 1000, 600])
def test_text_fits_in_the_height_for_the_width(
    qtbot: QtBot, content: Content, kind: str, lang: Lang, width: int
) -> None:
    """Shown taller than it asks for, the widget draws nothing below that height."""
    widget = MAKERS[kind](content, lang)
    height = widget.heightForWidth(width)
    show(qtbot, widget, width, height + 200)
    rows = drawn_rows(widget.grab().toImage(), widget.palette().color(QPalette.ColorRole.Window))
    assert rows, "nothing drawn"
    assert max(rows) < height, f"drawn down to {max(rows)} px, but asks for {height} px"


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_each_widget_draws_something_at_1920(qtbot: QtBot, content: Content, kind: str) -> None:
    widget = show(qtbot, MAKERS[kind](content, "zh"), 1920)
    image = widget.grab().toImage()
    rows = drawn_rows(image, widget.palette().color(QPalette.ColorRole.Window))
    assert len(rows) > image.height() // 4 // 2, "mostly blank"


def test_high_contrast_areas_are_flat_blocks_drawn_by_their_edges(
    qtbot: QtBot, content: Content
) -> None:
    """In high contrast every area is filled with the surface colour (no tint of its colour)."""
    hc = theme_for({"high_contrast": True})
    for theme, flat in ((hc, True), (THEME, False)):
        plan = show(qtbot, SitePlan(content.zone, "en", 1.0, theme=theme), 1600, 900)
        for button in areas(plan):
            image = button.grab().toImage()
            inside = image.pixelColor(image.width() // 8, image.height() // 8)  # no text there
            surface = QColor(theme.palette.surface)
            assert (inside.rgb() == surface.rgb()) == flat, (button.text(), inside.name())
        plan.close()


def test_high_contrast_draws_every_area_in_its_accent(qtbot: QtBot, content: Content) -> None:
    """One colour for every area in high contrast (its palette has not five to tell them
    apart); five in the normal look."""
    hc = theme_for({"high_contrast": True})
    for theme, colours in ((hc, {hc.palette.accent}), (THEME, None)):
        plan = show(qtbot, SitePlan(content.zone, "en", 1.0, theme=theme), 1600, 900)
        edges = set()
        for button in areas(plan):
            image = button.grab().toImage()
            edges.add(image.pixelColor(image.width() // 2, 1).name().upper())  # the top edge
        assert edges == colours if colours else len(edges) == len(areas(plan)), edges
        plan.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [1664, 1000, 600])
def test_the_timeline_breaks_its_lines_as_a_typesetter_would(
    qtbot: QtBot, content: Content, lang: Lang, width: int
) -> None:
    """Titles and texts are glued: no word split (中央深改委会议审/议), no character alone."""
    timeline = Timeline(content.zone.timeline, lang, 1.0, theme=theme_for({"high_contrast": True}))
    qtbot.addWidget(timeline)
    timeline.resize(width, timeline.heightForWidth(width))
    problems = []
    for _, lines in timeline.wrapped_texts():
        problems += break_problems([plain(line) for line in lines])
    assert problems == []
