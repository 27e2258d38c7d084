"""The bundled icon subset: complete, drawn like qtawesome, qtawesome for the rest (its freshness:
tests/test_generated.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.ui import icons

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("subset_icons", ROOT / "tools/subset_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_icon_the_code_and_content_name_is_bundled(qtbot: QtBot) -> None:
    names = _tool().used_names()
    assert len(names) > 20
    missing = sorted(n for n in names if not icons.bundled(n))
    assert not missing, f"run `python tools/build_resources.py`: {missing}"


def _ink(image: QImage) -> tuple[float, float, float]:
    """Total alpha and its centroid: the same glyph at the same size and place, to a pixel."""
    total = cx = cy = 0.0
    for y in range(image.height()):
        for x in range(image.width()):
            a = image.pixelColor(x, y).alpha()
            total, cx, cy = total + a, cx + a * x, cy + a * y
    return total, cx / max(total, 1), cy / max(total, 1)


@pytest.mark.parametrize("name", ["mdi6.atom-variant", "mdi6.arrow-left", "mdi6.weather-night"])
def test_a_bundled_icon_looks_as_qtawesome_draws_it(qtbot: QtBot, name: str) -> None:
    import qtawesome as qta

    ours = _ink(icons.icon(name, "#000000").pixmap(QSize(48, 48)).toImage())
    theirs = _ink(qta.icon(name, color="#000000").pixmap(QSize(48, 48)).toImage())
    assert ours[0] > 48 * 48 * 10, "the glyph is drawn"
    assert abs(ours[0] - theirs[0]) / theirs[0] < 0.05, "the same glyph at the same size"
    assert abs(ours[1] - theirs[1]) <= 1 and abs(ours[2] - theirs[2]) <= 1, "in the same place"


def test_other_names_come_from_qtawesome_and_unknown_ones_fall_back(qtbot: QtBot) -> None:
    assert not icons.bundled("mdi6.rocket-launch")
    other = icons.icon("mdi6.rocket-launch", "#000000")
    assert "qtawesome" in sys.modules
    assert not other.pixmap(QSize(32, 32)).isNull()
    unknown = icons.icon("mdi6.no-such-icon-anywhere", "#000000").pixmap(QSize(32, 32))
    fallback = icons.icon(icons.FALLBACK, "#000000").pixmap(QSize(32, 32))
    assert unknown.toImage() == fallback.toImage()


def test_one_engine_per_icon_for_the_life_of_the_process(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Icons are made once and kept with their Python engines: made afresh for every page, a
    freed engine was called by Qt at a later paint and crashed the kiosk (it showed in
    tests/test_monkey.py's exception path, every run)."""
    import gc
    import weakref

    from PySide6.QtWidgets import QPushButton

    made: list[weakref.ref[icons.GlyphIconEngine]] = []
    init = icons.GlyphIconEngine.__init__

    def recording(self: icons.GlyphIconEngine, family: str, code: int, color: str) -> None:
        init(self, family, code, color)
        made.append(weakref.ref(self))

    monkeypatch.setattr(icons.GlyphIconEngine, "__init__", recording)
    buttons = [QPushButton() for _ in range(3)]
    for button in buttons:
        qtbot.addWidget(button)
        button.setIcon(icons.icon("mdi6.atom-variant", "#123457"))  # a colour no other test uses
    gc.collect()
    assert len(made) == 1, "one engine for one icon, however many widgets show it"
    assert made[0]() is not None, "and it stays alive"
    image = buttons[-1].icon().pixmap(QSize(40, 40)).toImage()
    assert _ink(image)[0] > 40 * 40 * 5, "the glyph is drawn"
